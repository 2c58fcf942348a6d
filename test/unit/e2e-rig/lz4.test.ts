import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../e2e/rig/decode/bytes';
import { MOZLZ4_MAGIC, MOZ_STRUCTURED_CLONE_LZ4_MAGIC, decompressLz4Block, decompressMozLz4, isMozLz4 } from '../../e2e/rig/decode/lz4';

const hex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text.replace(/\s+/gu, ''), 'hex'));
const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const bytes = (...parts: (number | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p])));

const CLI_TEXT = `${'Shareholder Wallet keeps keys in the browser. '.repeat(6)}The end: 0123456789abcdef-0123456789abcdef.`;
/**
 * The one block of the frame that lz4 1.9.4 (Debian 12's `lz4`) wrote for CLI_TEXT with
 * `lz4 -9 --no-frame-crc`: after the 7-byte frame header, a 4-byte block size (87), these 87 bytes,
 * and the end mark. It has an extended literal length (0xff 0x1f) and an extended match length.
 */
const CLI_BLOCK = hex(`
  ff1f5368617265686f6c6465722057616c6c6574206b65657073206b65797320696e207468652062726f777365722e
  202e00d3f80b54686520656e643a20303132333435363738396162636465662d110050636465662e`);

describe('LZ4 block decompression', () => {
  it('decodes a block that the lz4 command-line tool wrote', () => {
    expect(text(decompressLz4Block(CLI_BLOCK, CLI_TEXT.length))).toBe(CLI_TEXT);
  });

  it('decodes a hand-built block with an overlapping match', () => {
    // token 0x32: 3 literals "abc", match length 2 + 4 = 6 at offset 3; then a last sequence "!".
    const block = bytes(0x32, ascii('abc'), 3, 0, 0x10, ascii('!'));
    expect(text(decompressLz4Block(block, 10))).toBe('abcabcabc!');
  });

  it('decodes a run of one byte (offset 1)', () => {
    const block = bytes(0x1f, ascii('z'), 1, 0, 255, 10, 0x10, ascii('.'));
    expect(text(decompressLz4Block(block, 1 + 15 + 4 + 255 + 10 + 1))).toBe(`${'z'.repeat(285)}.`);
  });

  it('refuses a match offset of zero or beyond the output', () => {
    expect(() => decompressLz4Block(bytes(0x30, ascii('abc'), 0, 0, 0x10, ascii('!')), 8)).toThrow(DecodeError);
    expect(() => decompressLz4Block(bytes(0x30, ascii('abc'), 4, 0, 0x10, ascii('!')), 8)).toThrow(DecodeError);
  });

  it('refuses a block that produces more or fewer bytes than announced', () => {
    expect(() => decompressLz4Block(CLI_BLOCK, CLI_TEXT.length - 1)).toThrow(DecodeError);
    expect(() => decompressLz4Block(CLI_BLOCK, CLI_TEXT.length + 1)).toThrow(DecodeError);
  });

  it('refuses truncated literals', () => {
    expect(() => decompressLz4Block(bytes(0x50, ascii('abc')), 5)).toThrow(DecodeError);
  });
});

describe('Mozilla LZ4 files', () => {
  const sizeLE = (n: number): Uint8Array => bytes(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);

  it('decodes a mozlz4 file: magic, little-endian size, one block', () => {
    const file = bytes(MOZLZ4_MAGIC, sizeLE(CLI_TEXT.length), CLI_BLOCK);
    expect(isMozLz4(file)).toBe(true);
    expect(text(decompressMozLz4(file))).toBe(CLI_TEXT);
  });

  it('decodes the startup cache variant with the mozJSSCLz40v001 magic', () => {
    const file = bytes(MOZ_STRUCTURED_CLONE_LZ4_MAGIC, sizeLE(CLI_TEXT.length), CLI_BLOCK);
    expect(text(decompressMozLz4(file))).toBe(CLI_TEXT);
  });

  it('refuses a file without a known magic', () => {
    expect(isMozLz4(ascii('{"json": true}'))).toBe(false);
    expect(() => decompressMozLz4(ascii('mozLz41\0\x05\0\0\0hello'))).toThrow(DecodeError);
  });
});
