import { hashMessage, Wallet } from 'ethers';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { hashPersonalMessage, privateKeyToAddress, recoverDigestSigner, signDigest, signPersonalMessage } from '../../../src/core';
import { createRandom, hex, randomText } from '../../helpers/random';
import vectors from '../../vectors/eip191.json';

interface PersonalVector { privateKey: string; message: string; messageIsHex?: boolean; signature: string }

const CURVE_HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

function key(hexKey: string): Uint8Array {
  return Buffer.from(hexKey.replace(/^0x/, ''), 'hex');
}

describe('signPersonalMessage', () => {
  it.each((vectors.vectors as PersonalVector[]).map((v) => [v.message.slice(0, 40), v] as const))(
    'matches the published EIP-191 signature for %j',
    (_name, vector) => {
      const message = vector.messageIsHex === true ? key(vector.message) : vector.message;
      expect(signPersonalMessage(key(vector.privateKey), message)).toBe(vector.signature.toLowerCase());
    },
  );

  it('agrees with viem and ethers on 100 random text and byte messages', async () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = createRandom(seed);
      const privateKey = random.bytes(32);
      privateKey[0] = 0x11;
      const asBytes = random.int(2) === 0;
      const message = asBytes ? random.bytes(random.int(80)) : randomText(random, 30);
      const ours = signPersonalMessage(privateKey, message);
      const viemMessage = typeof message === 'string' ? message : { raw: message };
      expect(ours, `seed ${seed}`).toBe(await privateKeyToAccount(hex(privateKey)).signMessage({ message: viemMessage }));
      expect(ours, `seed ${seed}`).toBe(await new Wallet(hex(privateKey)).signMessage(message));
    }
  });

  it('hashes strings as UTF-8 text and bytes as they are, like ethers', () => {
    expect(hex(hashPersonalMessage('股东钱包'))).toBe(hashMessage('股东钱包'));
    expect(hex(hashPersonalMessage(new Uint8Array([0xde, 0xad])))).toBe(hashMessage(new Uint8Array([0xde, 0xad])));
    expect(hex(hashPersonalMessage('0xdead'))).toBe(hashMessage('0xdead'));
  });
});

describe('signDigest', () => {
  it('is deterministic (RFC 6979), low-s, and recovers to the signer', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = createRandom(500 + seed);
      const privateKey = random.bytes(32);
      privateKey[0] = 0x22;
      const digest = random.bytes(32);
      const signature = signDigest(privateKey, digest);
      expect(signDigest(privateKey, digest)).toBe(signature);
      expect(BigInt(`0x${signature.slice(66, 130)}`) <= CURVE_HALF_ORDER).toBe(true);
      expect(['1b', '1c']).toContain(signature.slice(130));
      expect(recoverDigestSigner(digest, signature)).toBe(privateKeyToAddress(privateKey));
    }
  });

  it('refuses digests that are not 32 bytes and signatures that are not 65', () => {
    expect(() => signDigest(new Uint8Array(32).fill(7), new Uint8Array(31))).toThrow(/digest must be 32 bytes/);
    expect(() => recoverDigestSigner(new Uint8Array(32), '0x1234')).toThrow(/65 bytes/);
    expect(() => recoverDigestSigner(new Uint8Array(32), `0x${'11'.repeat(64)}1d`)).toThrow(/v must be 27 or 28/);
  });
});
