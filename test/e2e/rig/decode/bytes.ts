/** Byte-reading helpers shared by the profile decoders. Every reader checks bounds and throws. */

/** A container that is not what its header claims, or is truncated. */
export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** The byte at `index`; throws DecodeError past the end (the decoders never read out of bounds). */
export function byteAt(src: Uint8Array, index: number): number {
  const value = src[index];
  if (value === undefined) throw new DecodeError(`truncated: byte ${index} of ${src.length}`);
  return value;
}

/** Unsigned little-endian integer of `width` bytes (at most 6, so it stays an exact JS number). */
export function readUintLE(src: Uint8Array, index: number, width: number): number {
  let value = 0;
  for (let k = width - 1; k >= 0; k--) value = value * 256 + byteAt(src, index + k);
  return value;
}

/** Unsigned big-endian integer of `width` bytes (at most 6). */
export function readUintBE(src: Uint8Array, index: number, width: number): number {
  let value = 0;
  for (let k = 0; k < width; k++) value = value * 256 + byteAt(src, index + k);
  return value;
}

/**
 * Protocol-buffer style varint (7 bits per byte, least significant group first), as LevelDB and
 * Snappy write them. Returns the value and the index after it; refuses more than `maxBytes` bytes.
 */
export function readUvarint(src: Uint8Array, index: number, maxBytes = 10): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let k = 0; k < maxBytes; k++) {
    const b = byteAt(src, index + k);
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      if (value > Number.MAX_SAFE_INTEGER) throw new DecodeError('varint too large');
      return { value, next: index + k + 1 };
    }
    scale *= 128;
  }
  throw new DecodeError(`varint longer than ${maxBytes} bytes at ${index}`);
}

/** Every index at which `needle` occurs in `haystack` (overlapping occurrences included). */
export function indexesOf(haystack: Uint8Array, needle: Uint8Array): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  const hay = Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength);
  let at = hay.indexOf(needle);
  while (at !== -1) {
    found.push(at);
    at = hay.indexOf(needle, at + 1);
  }
  return found;
}

/** Whether `src` holds `prefix` at `index`. */
export function startsWithAt(src: Uint8Array, prefix: Uint8Array, index = 0): boolean {
  if (index + prefix.length > src.length) return false;
  for (let k = 0; k < prefix.length; k++) if (src[index + k] !== prefix[k]) return false;
  return true;
}

/** Concatenate chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
