/**
 * Snappy decompression, written from the format descriptions in google/snappy:
 * format_description.txt (the raw format LevelDB blocks, Chromium IndexedDB values and Firefox
 * IndexedDB rows use) and framing_format.txt (the stream format of Firefox's IndexedDB files).
 */
import { DecodeError, byteAt, readUintLE, readUvarint, startsWithAt } from './bytes';

/** The largest output the rig agrees to build: far above any profile value, low enough to be safe. */
const MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * Decompress one raw Snappy block: a varint uncompressed length, then literal and copy elements.
 * The whole input must be one block and produce exactly the announced length, unless
 * `allowTrailing` is set: then decoding stops once the announced length is produced, for a block
 * embedded in a larger buffer (a value inside a LevelDB record).
 * @throws DecodeError when the input is not a valid Snappy block.
 */
export function decompressSnappy(src: Uint8Array, { allowTrailing = false } = {}): Uint8Array {
  const { value: length, next } = readUvarint(src, 0, 5);
  // The densest element is a 3-byte copy of 64 bytes, so no block expands more than ~22 times;
  // a larger claim means these bytes are not Snappy (and saves allocating for garbage).
  if (length > MAX_OUTPUT || length > (src.length - next) * 22 + 64) {
    throw new DecodeError(`snappy: implausible length ${length} for ${src.length} input bytes`);
  }
  const out = new Uint8Array(length);
  let o = 0;
  let i = next;
  while (allowTrailing ? o < length : i < src.length) {
    const tag = byteAt(src, i++);
    const kind = tag & 3;
    if (kind === 0) {
      let len = (tag >>> 2) + 1;
      if (len > 60) {
        // 60..63: the length minus one follows in 1..4 little-endian bytes.
        const width = len - 60;
        len = readUintLE(src, i, width) + 1;
        i += width;
      }
      if (i + len > src.length || o + len > length) throw new DecodeError('snappy: literal overruns');
      out.set(src.subarray(i, i + len), o);
      i += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      // Copy with a 1-byte offset: length 4..11 in bits 2-4, offset's high 3 bits in bits 5-7.
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | byteAt(src, i);
      i += 1;
    } else {
      len = (tag >>> 2) + 1;
      const width = kind === 2 ? 2 : 4;
      offset = readUintLE(src, i, width);
      i += width;
    }
    if (offset === 0 || offset > o || o + len > length) throw new DecodeError('snappy: copy out of range');
    // An offset shorter than the length repeats the pattern (run-length style), so copy in steps
    // no longer than the offset: each step's source is already written.
    let remaining = len;
    while (remaining > 0) {
      const step = Math.min(offset, remaining);
      out.copyWithin(o, o - offset, o - offset + step);
      o += step;
      remaining -= step;
    }
  }
  if (o !== length) throw new DecodeError(`snappy: produced ${o} of ${length} bytes`);
  return out;
}

/** The stream identifier chunk that opens every framed Snappy stream: type 0xff, length 6, "sNaPpY". */
export const SNAPPY_FRAMED_MAGIC = Uint8Array.of(0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59);

/**
 * Decompress a framed Snappy stream that starts with the stream identifier. Chunks: 0x00 compressed
 * (4-byte masked CRC-32C, then a raw block), 0x01 uncompressed (CRC, then data), 0xfe padding,
 * 0x80-0xfd skippable, 0xff a repeated identifier. Lenient at the end: it stops at the first chunk
 * that is truncated or of a reserved unskippable type (the stream may be followed by other bytes)
 * and returns what it decoded. CRCs are not verified: the rig searches bytes, it does not trust them.
 * @throws DecodeError when the stream identifier is missing or a compressed chunk is corrupt.
 */
export function decompressSnappyFramed(src: Uint8Array): Uint8Array {
  if (!startsWithAt(src, SNAPPY_FRAMED_MAGIC)) throw new DecodeError('snappy framed: no stream identifier');
  const parts: Uint8Array[] = [];
  let i = 0;
  while (i + 4 <= src.length) {
    const type = byteAt(src, i);
    const len = readUintLE(src, i + 1, 3);
    const body = i + 4;
    if (body + len > src.length) break;
    if (type === 0x00 || type === 0x01) {
      if (len < 4) break;
      const data = src.subarray(body + 4, body + len);
      parts.push(type === 0x00 ? decompressSnappy(data) : data);
    } else if (type === 0xff) {
      if (!startsWithAt(src, SNAPPY_FRAMED_MAGIC, i)) break;
    } else if (type < 0x80) {
      break; // 0x02-0x7f are reserved and unskippable: whatever follows is not this stream.
    }
    i = body + len;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Decompress if `src` is (or, with `allowTrailing`, starts with) one valid raw Snappy block, else undefined. */
export function trySnappy(src: Uint8Array, options: { allowTrailing?: boolean } = {}): Uint8Array | undefined {
  try {
    return decompressSnappy(src, options);
  } catch (error) {
    if (error instanceof DecodeError) return undefined;
    throw error;
  }
}
