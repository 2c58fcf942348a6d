/**
 * LZ4 block decompression (lz4/lz4 doc/lz4_Block_format.md) and Mozilla's "mozlz4" container, which
 * Firefox uses for sessionstore.jsonlz4, sessionstore-backups/*.jsonlz4, search.json.mozlz4,
 * addonStartup.json.lz4, datareporting/ and others: the magic "mozLz40\0", a 4-byte little-endian
 * decompressed size, then one LZ4 block. startupCache/webext.sc.lz4 (the extensions' startup cache,
 * a structured clone) is the same scheme with the magic "mozJSSCLz40v001\0".
 */
import { DecodeError, byteAt, readUintLE, startsWithAt } from './bytes';

const MAX_OUTPUT = 256 * 1024 * 1024;

/** "mozLz40\0" */
export const MOZLZ4_MAGIC = new TextEncoder().encode('mozLz40\0');
/** "mozJSSCLz40v001\0": AddonManagerStartup's encodeBlob (webext.sc.lz4). */
export const MOZ_STRUCTURED_CLONE_LZ4_MAGIC = new TextEncoder().encode('mozJSSCLz40v001\0');
const MAGICS = [MOZLZ4_MAGIC, MOZ_STRUCTURED_CLONE_LZ4_MAGIC];

/** Reads LZ4's length extension: bytes of 255 add up until a byte below 255 ends it. */
function readExtendedLength(src: Uint8Array, index: number): { extra: number; next: number } {
  let extra = 0;
  let i = index;
  for (;;) {
    const b = byteAt(src, i++);
    extra += b;
    if (b !== 255) return { extra, next: i };
  }
}

/**
 * Decompress one LZ4 block into exactly `outputLength` bytes. A block is a run of sequences: a token
 * (high nibble literal length, low nibble match length - 4; 15 means "more bytes follow"), the
 * literals, a 2-byte little-endian offset and the match. The last sequence has literals only.
 * @throws DecodeError when the block is malformed or does not produce `outputLength` bytes.
 */
export function decompressLz4Block(src: Uint8Array, outputLength: number): Uint8Array {
  if (!Number.isInteger(outputLength) || outputLength < 0 || outputLength > MAX_OUTPUT) {
    throw new DecodeError(`lz4: implausible output length ${outputLength}`);
  }
  // A match of n bytes costs at least n/255 input bytes, so a larger claim is not this block.
  if (outputLength > src.length * 255 + 16) throw new DecodeError('lz4: output length exceeds what the input can encode');
  const out = new Uint8Array(outputLength);
  let i = 0;
  let o = 0;
  while (i < src.length) {
    const token = byteAt(src, i++);
    let literals = token >>> 4;
    if (literals === 15) {
      const ext = readExtendedLength(src, i);
      literals += ext.extra;
      i = ext.next;
    }
    if (i + literals > src.length || o + literals > outputLength) throw new DecodeError('lz4: literals overrun');
    out.set(src.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i === src.length) break; // the last sequence ends after its literals
    const offset = readUintLE(src, i, 2);
    i += 2;
    let matchLength = (token & 15) + 4;
    if ((token & 15) === 15) {
      const ext = readExtendedLength(src, i);
      matchLength += ext.extra;
      i = ext.next;
    }
    if (offset === 0 || offset > o || o + matchLength > outputLength) throw new DecodeError('lz4: match out of range');
    // Overlapping matches repeat the pattern: copy in steps no longer than the offset.
    let remaining = matchLength;
    while (remaining > 0) {
      const step = Math.min(offset, remaining);
      out.copyWithin(o, o - offset, o - offset + step);
      o += step;
      remaining -= step;
    }
  }
  if (o !== outputLength) throw new DecodeError(`lz4: produced ${o} of ${outputLength} bytes`);
  return out;
}

/** Whether the bytes start with one of Mozilla's LZ4 container magics. */
export function isMozLz4(src: Uint8Array): boolean {
  return MAGICS.some((magic) => startsWithAt(src, magic));
}

/**
 * Decompress a mozlz4 (or mozJSSCLz40v001) file.
 * @throws DecodeError when the magic is missing or the block is malformed.
 */
export function decompressMozLz4(src: Uint8Array): Uint8Array {
  const magic = MAGICS.find((m) => startsWithAt(src, m));
  if (!magic) throw new DecodeError('mozlz4: missing "mozLz40\\0" magic');
  const size = readUintLE(src, magic.length, 4);
  return decompressLz4Block(src.subarray(magic.length + 4), size);
}
