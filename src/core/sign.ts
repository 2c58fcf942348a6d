// Signing with secp256k1: deterministic (RFC 6979) and low-s, serialised as Ethereum's r ‖ s ‖ v.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { publicKeyToAddress } from './address';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from './bytes';
import { secp } from './secp';
import type { CheckedTypedData } from './typed-data/checked';

function assertPrivateKey(privateKey: Uint8Array): void {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32 || !secp.utils.isValidSecretKey(privateKey)) {
    throw new RangeError('private key must be 32 bytes and a valid secp256k1 scalar (1 … n-1)');
  }
}

/** A recoverable secp256k1 signature: r ‖ s (64 bytes) and the recovery id. */
export interface RecoverableSignature {
  readonly rs: Uint8Array;
  readonly recovery: 0 | 1;
}

/**
 * Signs a 32-byte digest deterministically (RFC 6979) with a low s (EIP-2).
 * @throws RangeError for an invalid private key or a digest that is not 32 bytes.
 */
export function signDigestRecoverable(privateKey: Uint8Array, digest: Uint8Array): RecoverableSignature {
  assertPrivateKey(privateKey);
  if (digest.length !== 32) throw new RangeError('digest must be 32 bytes');
  // 'recovered' puts the recovery id first; lowS (EIP-2) and extraEntropy=false (pure RFC 6979) are explicit.
  const signature = secp.sign(digest, privateKey, { prehash: false, lowS: true, format: 'recovered', extraEntropy: false });
  return { rs: signature.subarray(1), recovery: signature[0] === 1 ? 1 : 0 };
}

/**
 * The EIP-55 address whose key made the signature r ‖ s with `recovery` over `digest`.
 * @throws RangeError when no public key recovers from it (r or s out of range, or not on the curve).
 */
export function recoverAddress(digest: Uint8Array, rs: Uint8Array, recovery: 0 | 1): string {
  const recovered = concatBytes(new Uint8Array([recovery]), rs);
  try {
    return publicKeyToAddress(secp.recoverPublicKey(recovered, digest, { prehash: false }));
  } catch {
    throw new RangeError('no public key recovers from this signature');
  }
}

/**
 * Signs a 32-byte digest: 65 bytes r ‖ s ‖ v, v = 27 + recovery id (Ethereum's yellow paper, Appendix F).
 * @throws RangeError for an invalid private key or a digest that is not 32 bytes.
 */
export function signDigest(privateKey: Uint8Array, digest: Uint8Array): `0x${string}` {
  const { rs, recovery } = signDigestRecoverable(privateKey, digest);
  return bytesToHex(concatBytes(rs, new Uint8Array([27 + recovery])));
}

/**
 * The EIP-55 address that produced `signature` (r ‖ s ‖ v, v 27/28 or 0/1) over `digest`.
 * @throws TypeError or RangeError for a malformed signature.
 */
export function recoverDigestSigner(digest: Uint8Array, signature: string): string {
  const bytes = hexToBytes(signature, 'signature');
  if (bytes.length !== 65) throw new RangeError('signature must be 65 bytes r ‖ s ‖ v');
  const v = bytes[64] ?? 0;
  const recovery = v >= 27 ? v - 27 : v;
  if (recovery !== 0 && recovery !== 1) throw new RangeError(`signature v must be 27 or 28, not ${v}`);
  return recoverAddress(digest, bytes.subarray(0, 64), recovery);
}

/**
 * EIP-191 version 0x45 ("personal_sign") digest: keccak256("\x19Ethereum Signed Message:\n" + len + message).
 * A string is UTF-8 text; bytes are taken as they are.
 */
export function hashPersonalMessage(message: string | Uint8Array): Uint8Array {
  const body = typeof message === 'string' ? utf8ToBytes(message) : message;
  return keccak_256(concatBytes(utf8ToBytes(`\x19Ethereum Signed Message:\n${body.length}`), body));
}

/** EIP-191 personal signature of `message`. @throws RangeError for an invalid private key. */
export function signPersonalMessage(privateKey: Uint8Array, message: string | Uint8Array): `0x${string}` {
  return signDigest(privateKey, hashPersonalMessage(message));
}

/** EIP-712 signature of typed data checked once (CheckedTypedData). @throws RangeError for an invalid private key. */
export function signTypedData(privateKey: Uint8Array, typedData: CheckedTypedData): `0x${string}` {
  return signDigest(privateKey, typedData.digest);
}
