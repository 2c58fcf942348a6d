import { describe, expect, it } from 'vitest';
import { decryptMasterSecret, encryptMasterSecret } from '../../../../src/core/slip39/cipher';
import { interpolate } from '../../../../src/core/slip39/gf256';
import { createChecksum, verifyChecksum } from '../../../../src/core/slip39/rs1024';
import { decodeShare, encodeShare, type Share } from '../../../../src/core/slip39/share';
import { recoverSecret, splitSecret } from '../../../../src/core/slip39/shamir';
import { SLIP39_WORDLIST, wordIndex } from '../../../../src/core/slip39/wordlist';
import { createRandom, hex } from '../../../helpers/random';
import { oracleWordlist } from '../../../helpers/slip39-oracle';

describe('the SLIP-0039 word list', () => {
  it('has 1024 sorted words of 4 to 8 letters with unique 4-letter prefixes, the same as the oracle', () => {
    expect(SLIP39_WORDLIST).toHaveLength(1024);
    expect([...SLIP39_WORDLIST].sort()).toEqual(SLIP39_WORDLIST);
    expect(SLIP39_WORDLIST.every((word) => /^[a-z]{4,8}$/.test(word))).toBe(true);
    expect(new Set(SLIP39_WORDLIST.map((word) => word.slice(0, 4))).size).toBe(1024);
    expect(SLIP39_WORDLIST).toEqual(oracleWordlist);
    expect(wordIndex('academic')).toBe(0);
    expect(wordIndex('zero')).toBe(1023);
    expect(wordIndex('bitcoin')).toBeUndefined();
  });
});

describe('RS1024', () => {
  it('detects every change of one, two or three words in 300 random shares', () => {
    const random = createRandom(3921);
    for (let i = 0; i < 300; i++) {
      const extendable = random.int(2) === 0;
      const data = Array.from({ length: 17 + random.int(40) }, () => random.int(1024));
      const words = [...data, ...createChecksum(data, extendable)];
      expect(verifyChecksum(words, extendable)).toBe(true);
      // The customization string is part of the checksum: the other flag's string fails.
      expect(verifyChecksum(words, !extendable)).toBe(false);
      const altered = [...words];
      for (let changes = 1 + random.int(3), positions = new Set<number>(); positions.size < changes;) {
        const position = random.int(altered.length);
        if (positions.has(position)) continue;
        positions.add(position);
        altered[position] = ((altered[position] ?? 0) + 1 + random.int(1023)) % 1024;
      }
      expect(verifyChecksum(altered, extendable)).toBe(false);
    }
  });
});

describe('GF(256) interpolation and SplitSecret', () => {
  it('gives back each point it was given and the secret from any T of N shares', () => {
    const random = createRandom(3922);
    for (let i = 0; i < 100; i++) {
      const count = 2 + random.int(15);
      const threshold = 2 + random.int(count - 1);
      const secret = random.bytes(16 + 2 * random.int(17));
      const shares = splitSecret(threshold, count, secret);
      expect(shares.map((share) => share.x)).toEqual(Array.from({ length: count }, (_, x) => x));
      const chosen = [...shares].sort(() => random.next() - 0.5).slice(0, threshold);
      expect(hex(recoverSecret(threshold, chosen) ?? new Uint8Array())).toBe(hex(secret));
      for (const point of chosen) expect(hex(interpolate(chosen, point.x))).toBe(hex(point.y));
    }
  });

  it('makes every share the secret itself when the threshold is 1, and spots fewer than T shares by the digest', () => {
    const secret = createRandom(3923).bytes(16);
    expect(splitSecret(1, 1, secret).map((share) => hex(share.y))).toEqual([hex(secret)]);
    const shares = splitSecret(3, 5, secret);
    // Two points of a degree-2 polynomial give a wrong line; the digest catches it (chance of a miss 2^-32).
    expect(recoverSecret(3, shares.slice(0, 2))).toBeUndefined();
  });
});

describe('share encoding', () => {
  it('turns 200 random shares into words and back unchanged', () => {
    const random = createRandom(3924);
    for (let i = 0; i < 200; i++) {
      const groupCount = 1 + random.int(16);
      const memberThreshold = 1 + random.int(16);
      const share: Share = {
        identifier: random.int(2 ** 15),
        extendable: random.int(2) === 0,
        iterationExponent: random.int(16),
        groupIndex: random.int(16),
        groupThreshold: 1 + random.int(groupCount),
        groupCount,
        memberIndex: random.int(16),
        memberThreshold,
        value: random.bytes(16 + 2 * random.int(25)),
      };
      const mnemonic = encodeShare(share);
      expect(mnemonic.split(' ')).toHaveLength(7 + Math.ceil((share.value.length * 8) / 10));
      expect(decodeShare(mnemonic, 1)).toEqual(share);
    }
  });
});

describe('the Feistel encryption of the master secret', () => {
  const secret = createRandom(3925).bytes(16);

  it('decrypts what it encrypted, and changes with the passphrase and the iteration exponent', async () => {
    const params = { identifier: 7, extendable: true, iterationExponent: 0 };
    const encrypted = await encryptMasterSecret(secret, 'TREZOR', params);
    expect(hex(encrypted)).not.toBe(hex(secret));
    expect(hex(await decryptMasterSecret(encrypted, 'TREZOR', params))).toBe(hex(secret));
    expect(hex(await encryptMasterSecret(secret, '', params))).not.toBe(hex(encrypted));
    expect(hex(await encryptMasterSecret(secret, 'TREZOR', { ...params, iterationExponent: 1 }))).not.toBe(hex(encrypted));
  });

  it('salts with the identifier only when the backup is not extendable', async () => {
    const extendable = async (identifier: number): Promise<string> =>
      hex(await encryptMasterSecret(secret, '', { identifier, extendable: true, iterationExponent: 0 }));
    const fixed = async (identifier: number): Promise<string> =>
      hex(await encryptMasterSecret(secret, '', { identifier, extendable: false, iterationExponent: 0 }));
    expect(await extendable(1)).toBe(await extendable(2));
    expect(await fixed(1)).not.toBe(await fixed(2));
    expect(await fixed(1)).not.toBe(await extendable(1));
  });
});
