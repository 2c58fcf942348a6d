import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../e2e/rig/decode/bytes';
import { SNAPPY_FRAMED_MAGIC, decompressSnappy, decompressSnappyFramed, trySnappy } from '../../e2e/rig/decode/snappy';

const hex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.replace(/\s+/gu, ''), 'hex'));
const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const bytes = (...parts: (number | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p])));

/**
 * A real Snappy block written by Firefox ESR 153's IndexedDB (the `data` column of a row whose value
 * was 'rig-plant-E-zxcvbnmzxcvbnm-zxcvbnmzxcvbnm ' + 'pad pad pad pad '.repeat(100), a
 * SpiderMonkey structured clone), read out with `sqlite3 ... "select hex(data) from object_data"`.
 */
const FIREFOX_IDB_VALUE = hex(`
  800D040300010170F1FF6A0600800400FFFF7269672D706C616E742D452D7A786376626E6D0D073A0F000C20706164FE0400
  FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE0400FE04
  00FE0400FE0400FE0400FE0400FE0400FE0400F2040014000000000000`);

describe('raw Snappy decompression', () => {
  it('decodes a block of literals only', () => {
    expect(text(decompressSnappy(bytes(5, (5 - 1) << 2, ascii('hello'))))).toBe('hello');
  });

  it('decodes an empty block', () => {
    expect(decompressSnappy(bytes(0))).toHaveLength(0);
  });

  it('decodes a copy with a 1-byte offset that overlaps its own output', () => {
    // "abcd", then copy 8 bytes from 4 back: tag = (8 - 4) << 2 | 1, offset byte 4.
    expect(text(decompressSnappy(bytes(12, 3 << 2, ascii('abcd'), (4 << 2) | 1, 4)))).toBe('abcdabcdabcd');
  });

  it('decodes the high offset bits of a 1-byte-offset copy from the tag', () => {
    const literal = ascii('x'.repeat(300));
    literal[0] = 0x41; // "A" at offset 300 back from the end
    // Literal of 300 (tag 61 << 2: two extra length bytes, 299 little-endian), then copy 4 bytes
    // from 300 back: offset 300 = 0x12c, its high 3 bits (1) in tag bits 5-7, low byte 0x2c.
    const out = decompressSnappy(bytes(0xb0, 0x02, 61 << 2, 0x2b, 0x01, literal, (1 << 5) | 1, 0x2c));
    expect(out).toHaveLength(304);
    expect(text(out.subarray(300))).toBe('Axxx');
  });

  it('decodes copies with 2-byte and 4-byte offsets', () => {
    const twoByte = bytes(10, 4 << 2, ascii('hello'), ((5 - 1) << 2) | 2, 5, 0);
    expect(text(decompressSnappy(twoByte))).toBe('hellohello');
    const fourByte = bytes(10, 4 << 2, ascii('hello'), ((5 - 1) << 2) | 3, 5, 0, 0, 0);
    expect(text(decompressSnappy(fourByte))).toBe('hellohello');
  });

  it('decodes literal lengths stored in 1 to 4 extra bytes', () => {
    const literal = ascii('z'.repeat(70));
    for (const width of [1, 2, 3, 4]) {
      const lengthBytes = Array.from({ length: width }, (_, k) => (k === 0 ? 69 : 0));
      expect(decompressSnappy(bytes(70, (59 + width) << 2, ...lengthBytes, literal))).toEqual(literal);
    }
  });

  it('decodes a block that Firefox wrote, with its copies and run-length repeats', () => {
    const out = decompressSnappy(FIREFOX_IDB_VALUE);
    expect(out).toHaveLength(1664);
    const latin1 = text(out);
    expect(latin1).toContain(`rig-plant-E-zxcvbnmzxcvbnm-zxcvbnmzxcvbnm ${'pad pad pad pad '.repeat(100)}`);
  });

  it('refuses a copy whose offset is zero or reaches before the output', () => {
    expect(() => decompressSnappy(bytes(8, 3 << 2, ascii('abcd'), (0 << 2) | 1, 0))).toThrow(DecodeError);
    expect(() => decompressSnappy(bytes(8, 3 << 2, ascii('abcd'), (0 << 2) | 1, 5))).toThrow(DecodeError);
  });

  it('refuses truncated input and a length that does not match the output', () => {
    expect(() => decompressSnappy(bytes(5, 4 << 2, ascii('hel')))).toThrow(DecodeError);
    expect(() => decompressSnappy(bytes(6, 4 << 2, ascii('hello')))).toThrow(DecodeError);
    expect(() => decompressSnappy(bytes(4, 4 << 2, ascii('hello')))).toThrow(DecodeError);
  });

  it('refuses an announced length the input could never produce', () => {
    expect(() => decompressSnappy(bytes(0xff, 0xff, 0xff, 0x7f, 0, 0x61))).toThrow(DecodeError);
  });

  it('stops at the announced length when trailing bytes are allowed', () => {
    const embedded = bytes(5, 4 << 2, ascii('hello'), ascii('trailing junk'));
    expect(trySnappy(embedded)).toBeUndefined();
    expect(text(trySnappy(embedded, { allowTrailing: true }) ?? new Uint8Array())).toBe('hello');
  });
});

describe('framed Snappy decompression', () => {
  const crc = [0, 0, 0, 0]; // not verified by the rig
  it('joins compressed and uncompressed chunks and skips padding and skippable chunks', () => {
    const compressed = bytes(12, 3 << 2, ascii('abcd'), (4 << 2) | 1, 4);
    const stream = bytes(
      SNAPPY_FRAMED_MAGIC,
      0x00, compressed.length + 4, 0, 0, ...crc, compressed,
      0xfe, 2, 0, 0, 0, 0,
      0x80, 1, 0, 0, 0x55,
      0x01, 3 + 4, 0, 0, ...crc, ascii('xyz'),
    );
    expect(text(decompressSnappyFramed(stream))).toBe('abcdabcdabcdxyz');
  });

  it('stops before bytes that are not a chunk', () => {
    const stream = bytes(SNAPPY_FRAMED_MAGIC, 0x01, 2 + 4, 0, 0, ...crc, ascii('ok'), 0x05, 1, 0, 0, 0x00);
    expect(text(decompressSnappyFramed(stream))).toBe('ok');
  });

  it('refuses a stream without the stream identifier', () => {
    expect(() => decompressSnappyFramed(bytes(0x01, 6, 0, 0, ...crc, ascii('ok')))).toThrow(DecodeError);
  });
});
