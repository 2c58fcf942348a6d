import { HDKey } from '@scure/bip32';
import { HDNodeWallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { deriveNode, parsePath } from '../../../src/core';
import { createRandom, hex } from '../../helpers/random';
import vectors from '../../vectors/bip32.json';

interface Bip32Vector { seed: string; chains: { path: string; xprv: string; xpub: string }[] }

const HARDENED = 0x80000000;

function randomPath(random: ReturnType<typeof createRandom>): string {
  const steps = Array.from({ length: random.int(6) }, () => {
    const index = random.int(4) === 0 ? random.int(2 ** 31) : random.int(100);
    return random.int(2) === 0 ? `${index}'` : `${index}`;
  });
  return ['m', ...steps].join('/');
}

describe('deriveNode', () => {
  const cases = (vectors.vectors as Bip32Vector[]).flatMap((vector, v) =>
    vector.chains.map((chain) => [`vector ${v + 1} ${chain.path}`, vector.seed, chain] as const));

  it.each(cases)('matches BIP-32 test %s', (_name, seed, chain) => {
    // The extended keys of the specification, decoded (base58check) by @scure/bip32.
    const expectedPrivate = HDKey.fromExtendedKey(chain.xprv);
    const expectedPublic = HDKey.fromExtendedKey(chain.xpub);
    const node = deriveNode(Buffer.from(seed, 'hex'), chain.path);
    expect(hex(node.privateKey)).toBe(hex(expectedPrivate.privateKey ?? new Uint8Array()));
    expect(hex(node.publicKey)).toBe(hex(expectedPublic.publicKey ?? new Uint8Array()));
    expect(hex(node.chainCode)).toBe(hex(expectedPrivate.chainCode ?? new Uint8Array()));
    expect(node.depth).toBe(expectedPrivate.depth);
    expect(node.index).toBe(expectedPrivate.index);
    expect(node.parentFingerprint).toBe(expectedPrivate.parentFingerprint);
  });

  it('agrees with @scure/bip32 and ethers on 200 random seeds and paths', () => {
    const random = createRandom(32);
    for (let i = 0; i < 200; i++) {
      const seed = random.bytes(16 + random.int(49));
      const path = randomPath(random);
      const ours = deriveNode(seed, path);
      const scure = HDKey.fromMasterSeed(seed).derive(path);
      expect(hex(ours.privateKey), path).toBe(hex(scure.privateKey ?? new Uint8Array()));
      expect(hex(ours.publicKey), path).toBe(hex(scure.publicKey ?? new Uint8Array()));
      expect(hex(ours.chainCode), path).toBe(hex(scure.chainCode ?? new Uint8Array()));
      expect([ours.depth, ours.index, ours.parentFingerprint], path).toEqual([scure.depth, scure.index, scure.parentFingerprint]);
      if (i % 10 === 0) expect(hex(ours.privateKey), path).toBe(HDNodeWallet.fromSeed(seed).derivePath(path).privateKey);
    }
  });

  it('accepts h and H as hardened markers', () => {
    expect(parsePath("m/44'/60h/0H/0/7")).toEqual([44 + HARDENED, 60 + HARDENED, HARDENED, 0, 7]);
    expect(parsePath('m')).toEqual([]);
  });

  it('refuses malformed paths with a message that names the step', () => {
    const bad: [string, RegExp][] = [
      ['', /must start with "m"/],
      ["44'/60'", /must start with "m"/],
      ['M/0', /must start with "m"/],
      ['m/', /step 1 "" is not an index/],
      ['m//0', /step 1 "" is not an index/],
      ['m/0/', /step 2 "" is not an index/],
      ['m/-1', /step 1 "-1" is not an index/],
      ['m/01', /step 1 "01" is not an index/],
      ["m/0''", /step 1 "0''" is not an index/],
      ['m/1.5', /is not an index/],
      ['m/0x10', /is not an index/],
      [`m/${2 ** 31}`, /must be below 2\^31/],
      [`m/${2 ** 31}'`, /must be below 2\^31/],
    ];
    for (const [path, message] of bad) expect(() => deriveNode(new Uint8Array(32), path), path).toThrow(message);
  });

  it('refuses seeds shorter than 16 or longer than 64 bytes', () => {
    expect(() => deriveNode(new Uint8Array(15), 'm')).toThrow(/16 to 64 bytes/);
    expect(() => deriveNode(new Uint8Array(65), 'm')).toThrow(/16 to 64 bytes/);
  });
});
