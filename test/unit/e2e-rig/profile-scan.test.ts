import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOZLZ4_MAGIC } from '../../e2e/rig/decode/lz4';
import { SNAPPY_FRAMED_MAGIC } from '../../e2e/rig/decode/snappy';
import { scanProfile, scanProfileForSecrets, type Finding } from '../../e2e/rig/profile-scan';
import { base64Substrings, rarestWindow, secretPatterns } from '../../e2e/rig/scan/needles';

/** Numbers are single bytes, strings UTF-8. */
const bytes = (...parts: (number | Uint8Array | string)[]): Buffer => Buffer.concat(parts.map((p) =>
  typeof p === 'number' ? Buffer.of(p) : typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)));

/** A raw Snappy block of literals (at most 60 bytes each): valid Snappy, as a "store" encoder writes. */
function snappyLiterals(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let n = data.length;
  const varint: number[] = [];
  while (n >= 0x80) {
    varint.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  varint.push(n);
  parts.push(Buffer.from(varint));
  for (let i = 0; i < data.length; i += 60) {
    const piece = data.subarray(i, i + 60);
    parts.push(Buffer.of((piece.length - 1) << 2), piece);
  }
  return Buffer.concat(parts);
}

/** An LZ4 block of one literal-only sequence (a length of 15 or more continues in 255-capped bytes). */
function lz4Literals(data: Buffer): Buffer {
  const extra: number[] = [];
  if (data.length >= 15) {
    let rest = data.length - 15;
    for (; rest >= 255; rest -= 255) extra.push(255);
    extra.push(rest);
  }
  return Buffer.concat([Buffer.of(Math.min(data.length, 15) << 4), Buffer.from(extra), data]);
}

/** A framed Snappy stream with one uncompressed chunk (CRC left zero: the scanner does not check it). */
function snappyFramed(data: Buffer): Buffer {
  const length = data.length + 4;
  return bytes(SNAPPY_FRAMED_MAGIC, 0x01, length & 0xff, (length >>> 8) & 0xff, length >>> 16, 0, 0, 0, 0, data);
}

/** A mozlz4 file: magic, little-endian size, one LZ4 block. */
function mozLz4(data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return bytes(MOZLZ4_MAGIC, size, lz4Literals(data));
}

const KEY = Buffer.from('9f1c2e3d4a5b6c7d8e9fa0b1c2d3e4f5', 'hex');
const PHRASE = 'abandon quokka zephyr halcyon obelisk ability';
const TEXT = 'a-planted-secret-grüße'; // ü and ß: Latin-1 and UTF-8 differ

describe('secret patterns', () => {
  it('include UTF-8, UTF-16LE, Latin-1, hex with and without 0x, uppercase hex and base64', () => {
    const encodings = secretPatterns({ label: 't', value: TEXT }).needles.map((n) => n.encoding);
    expect(encodings).toEqual(expect.arrayContaining(['utf-8', 'utf-16le', 'latin-1', 'hex', '0x-hex', 'HEX',
      'base64 (offset 0 mod 3)', 'base64 (offset 1 mod 3)', 'base64 (offset 2 mod 3)', 'hex as utf-16le']));
  });

  it('find bytes at every alignment inside a longer base64 text', () => {
    for (let before = 0; before < 6; before++) {
      const encoded = Buffer.concat([Buffer.alloc(before, 7), KEY, Buffer.alloc(5, 9)]).toString('base64');
      expect(base64Substrings(KEY, 'base64').some((s) => encoded.includes(s))).toBe(true);
    }
  });

  it('treat a hex text as the bytes it spells as well', () => {
    const needles = secretPatterns({ label: 'k', value: `0x${KEY.toString('hex')}` }).needles;
    expect(needles.find((n) => n.encoding === 'bytes spelled by the hex')?.bytes).toEqual(KEY);
  });

  it('pick the three consecutive words that are distinct and longest', () => {
    expect(rarestWindow(PHRASE.split(' '))).toEqual(['halcyon', 'obelisk', 'ability']);
    expect(rarestWindow(['test', 'test', 'test', 'junk'])).toEqual(['test', 'test', 'junk']);
    expect(rarestWindow(['two', 'words'])).toBeUndefined();
  });

  it('refuse a secret too short to search for', () => {
    expect(() => secretPatterns({ label: 'short', value: 'abc' })).toThrow(RangeError);
  });
});

describe('scanning a profile directory', () => {
  let dir: string;
  let findings: Finding[];
  const found = (file: string): string[] => findings.filter((f) => f.file === file).map((f) => `${f.label}: ${f.encoding} in ${f.container}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'profile-scan-test-'));
    await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
    const files: Record<string, Buffer> = {
      'plain.txt': bytes('junk ', TEXT, ' junk'),
      'nested/deeper/two-byte.bin': bytes(0, 1, Buffer.from(TEXT, 'utf16le'), 2),
      'latin1.bin': bytes(Buffer.from(TEXT, 'latin1')),
      'hex.json': bytes(`{"key":"0x${KEY.toString('hex')}"}`),
      'upper.txt': bytes(KEY.toString('hex').toUpperCase()),
      'b64.txt': bytes(Buffer.concat([Buffer.of(1), KEY, Buffer.of(2, 3)]).toString('base64')),
      'raw-key.bin': bytes(0xaa, KEY, 0xbb),
      'words.json': bytes(JSON.stringify(PHRASE.split(' '))),
      'blink.ldb-value': bytes(5, 'junk', 0xff, 0x11, 0x02, snappyLiterals(bytes('xx', TEXT, 'xx')), 'more junk'),
      'framed.files': bytes('junk', snappyFramed(bytes('ab', TEXT, 'cd')), 'junk'),
      'sessionstore.jsonlz4': mozLz4(bytes(`{"url":"${TEXT}"}`)),
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    findings = await scanProfileForSecrets(dir, [
      { label: 'text', value: TEXT }, { label: 'key', value: new Uint8Array(KEY) },
      { label: 'phrase', value: PHRASE }, { label: 'never', value: 'never-written-anywhere-7q' },
    ]);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds text as UTF-8, UTF-16LE and Latin-1, in nested folders too', () => {
    expect(found('plain.txt')).toContain('text: utf-8 in raw');
    expect(found(join('nested', 'deeper', 'two-byte.bin'))).toContain('text: utf-16le in raw');
    expect(found('latin1.bin')).toContain('text: latin-1 in raw');
  });

  it('finds bytes as 0x-hex, uppercase hex, base64 at an offset, and raw', () => {
    expect(found('hex.json')).toEqual(expect.arrayContaining(['key: 0x-hex in raw', 'key: hex in raw']));
    expect(found('upper.txt')).toContain('key: HEX in raw');
    expect(found('b64.txt')).toContain('key: base64 (offset 1 mod 3) in raw');
    expect(found('raw-key.bin')).toContain('key: bytes in raw');
  });

  it('finds a phrase stored as separate words by its rarest three words in sequence', () => {
    expect(found('words.json')).toContain('phrase: three rarest words in sequence (utf-8) in raw');
  });

  it('finds text inside a Blink Snappy value, a framed Snappy stream and a mozlz4 file', () => {
    expect(found('blink.ldb-value')).toContain('text: utf-8 in raw > blink snappy value');
    expect(found('framed.files')).toContain('text: utf-8 in raw > snappy framed stream');
    expect(found('sessionstore.jsonlz4')).toContain('text: utf-8 in mozlz4');
  });

  it('does not find a string that was never written', () => {
    expect(findings.filter((f) => f.label === 'never')).toEqual([]);
  });

  it('searches raw bytes only when decoding is off', async () => {
    const report = await scanProfile(dir, [{ label: 'text', value: TEXT }], { decode: false });
    expect(new Set(report.findings.map((f) => f.container))).toEqual(new Set(['raw']));
    expect(report.decoded).toEqual({});
  });
});
