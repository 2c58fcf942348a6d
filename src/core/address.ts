// Ethereum addresses: Keccak-256 of the uncompressed public key, and the EIP-55 mixed-case checksum.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from './bytes';
import { secp } from './secp';

/**
 * The EIP-55 checksummed form of `address`.
 * @throws TypeError when `address` is not 0x and 40 hex digits, or is mixed-case with a wrong checksum.
 */
export function toChecksumAddress(address: string): string {
  const input: unknown = address;
  if (typeof input !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(input)) {
    const shown = typeof input === 'string' ? `"${input.slice(0, 50)}"` : typeof input;
    throw new TypeError(`${shown} is not an address: expected 0x and 40 hex digits (20 bytes)`);
  }
  const lower = address.slice(2).toLowerCase();
  // EIP-55: uppercase the i-th letter when the i-th nibble of keccak256(lowercase hex) is >= 8.
  const hash = keccak_256(utf8ToBytes(lower));
  let checksummed = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = ((hash[i >> 1] ?? 0) >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    const char = lower.charAt(i);
    checksummed += nibble >= 8 ? char.toUpperCase() : char;
  }
  const body = address.slice(2);
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && checksummed !== address) {
    throw new TypeError(`address ${address} has a wrong EIP-55 checksum (expected ${checksummed}); it may be mistyped`);
  }
  return checksummed;
}

/** True when `address` is 20 bytes of hex and, if mixed-case, carries a correct EIP-55 checksum. */
export function isAddress(address: string): boolean {
  try {
    toChecksumAddress(address);
    return true;
  } catch {
    return false;
  }
}

/** The EIP-55 address of a secp256k1 public key (33-byte compressed or 65-byte uncompressed). */
export function publicKeyToAddress(publicKey: Uint8Array): string {
  const uncompressed = publicKey.length === 65 ? publicKey : secp.Point.fromBytes(publicKey).toBytes(false);
  return toChecksumAddress(bytesToHex(keccak_256(uncompressed.subarray(1)).subarray(12)));
}

/** The EIP-55 address that a 32-byte private key controls. */
export function privateKeyToAddress(privateKey: Uint8Array): string {
  return publicKeyToAddress(secp.getPublicKey(privateKey, false));
}
