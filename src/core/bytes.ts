// Byte helpers shared by core. Hex at the edges is always 0x-prefixed.
import { bytesToHex as toHex, concatBytes, hexToBytes as fromHex } from '@noble/hashes/utils.js';

export { concatBytes };

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`, in a buffer WebCrypto accepts. */
export function utf8ToBytes(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** 0x-prefixed lowercase hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): `0x${string}` {
  return `0x${toHex(bytes)}`;
}

/**
 * Bytes of a 0x-prefixed hex string.
 * @throws TypeError when `hex` is not 0x followed by an even number of hex digits.
 */
export function hexToBytes(hex: string, what = 'value'): Uint8Array {
  if (!/^0x([0-9a-fA-F]{2})*$/.test(hex)) {
    throw new TypeError(`${what} must be 0x-prefixed hex with an even number of digits`);
  }
  return fromHex(hex.slice(2));
}

/** Big-endian unsigned integer of `bytes`. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`);
}

/** `value` as `length` big-endian bytes; the caller guarantees 0 <= value < 2^(8·length). */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let rest = value;
  for (let i = length - 1; i >= 0 && rest > 0n; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

/** Standard base64 (RFC 4648 §4) of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Bytes of a standard base64 string.
 * @throws TypeError when `text` is not base64.
 */
export function base64ToBytes(text: string, what = 'value'): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new TypeError(`${what} must be base64`);
  }
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
