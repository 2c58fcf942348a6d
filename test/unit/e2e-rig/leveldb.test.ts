import { describe, expect, it } from 'vitest';
import { DecodeError, concatBytes } from '../../e2e/rig/decode/bytes';
import { blockEntries, isLevelDbTable, readLevelDbLogRecords, readLevelDbTable } from '../../e2e/rig/decode/leveldb';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

/** A block in LevelDB's format, keys prefix-compressed against the previous one, one restart at 0. */
function buildBlock(entries: [string, Uint8Array][]): Uint8Array {
  const parts: number[] = [];
  let previous = '';
  for (const [key, value] of entries) {
    let shared = 0;
    while (shared < previous.length && shared < key.length && previous[shared] === key[shared]) shared++;
    parts.push(...varint(shared), ...varint(key.length - shared), ...varint(value.length), ...ascii(key.slice(shared)), ...value);
    previous = key;
  }
  return Uint8Array.from([...parts, ...u32(0), ...u32(1)]);
}

/** A valid Snappy block holding `data` as literals of at most 60 bytes (what a "store" encoder emits). */
function snappyLiterals(data: Uint8Array): Uint8Array {
  const out = [...varint(data.length)];
  for (let i = 0; i < data.length; i += 60) {
    const piece = data.subarray(i, i + 60);
    out.push((piece.length - 1) << 2, ...piece);
  }
  return Uint8Array.from(out);
}

const handle = (offset: number, size: number): number[] => [...varint(offset), ...varint(size)];

/** A table: data blocks (each with its compression type), an index block, an empty metaindex, the footer. */
function buildTable(blocks: { block: Uint8Array; type: number }[], lastKeys: string[]): Uint8Array {
  const file: number[] = [];
  const index: [string, Uint8Array][] = [];
  blocks.forEach(({ block, type }, k) => {
    const stored = type === 1 ? snappyLiterals(block) : block;
    index.push([lastKeys[k] ?? '', Uint8Array.from(handle(file.length, stored.length))]);
    file.push(...stored, type, 0, 0, 0, 0);
  });
  const metaAt = file.length;
  const meta = buildBlock([]);
  file.push(...meta, 0, 0, 0, 0, 0);
  const indexAt = file.length;
  const indexBlock = buildBlock(index);
  file.push(...indexBlock, 0, 0, 0, 0, 0);
  const footer = [...handle(metaAt, meta.length), ...handle(indexAt, indexBlock.length)];
  while (footer.length < 40) footer.push(0);
  footer.push(0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb);
  return Uint8Array.from([...file, ...footer]);
}

describe('LevelDB tables', () => {
  const first = buildBlock([['user-key-001', ascii('first value')], ['user-key-002', ascii('second value')]]);
  const second = buildBlock([['user-key-003', ascii('a secret-looking value')]]);

  it('decodes plain and Snappy-compressed data blocks and rebuilds prefix-compressed keys', () => {
    const table = buildTable([{ block: first, type: 0 }, { block: second, type: 1 }], ['user-key-002', 'user-key-003']);
    expect(isLevelDbTable(table)).toBe(true);
    const contents = readLevelDbTable(table);
    expect(contents.blocks).toEqual([first, second]);
    expect(contents.keys.map(text)).toEqual(['user-key-001', 'user-key-002', 'user-key-003']);
    expect(text(contents.blocks[1] ?? new Uint8Array())).toContain('a secret-looking value');
  });

  it('reads the entries of a block', () => {
    expect(blockEntries(first).map((e) => [text(e.key), text(e.value)])).toEqual([
      ['user-key-001', 'first value'], ['user-key-002', 'second value'],
    ]);
  });

  it('refuses a block compressed with a type it cannot decode', () => {
    const table = buildTable([{ block: first, type: 2 }], ['user-key-002']);
    expect(() => readLevelDbTable(table)).toThrow(DecodeError);
  });

  it('recognises a table only by its footer magic', () => {
    expect(isLevelDbTable(ascii('not a table, not even close to forty-eight bytes long'))).toBe(false);
  });
});

describe('LevelDB logs', () => {
  const header = (length: number, type: number): number[] => [0, 0, 0, 0, length & 0xff, length >>> 8, type];

  it('reassembles a record split across the 32 KiB block boundary', () => {
    const filler = new Uint8Array(32768 - 7 - 7 - 20); // one FULL record, leaving room for 20 bytes of the next
    const secret = ascii('a value that spans the block boundary');
    const file = concatBytes([
      Uint8Array.from(header(filler.length, 1)), filler,
      Uint8Array.from(header(20, 2)), secret.subarray(0, 20),
      Uint8Array.from(header(secret.length - 20, 4)), secret.subarray(20),
    ]);
    const records = readLevelDbLogRecords(file);
    expect(records).toHaveLength(2);
    expect(text(records[1] ?? new Uint8Array())).toBe('a value that spans the block boundary');
    expect(text(file)).not.toContain('a value that spans the block boundary');
  });

  it('skips the zero padding at the end of a block and stops at a torn tail', () => {
    const filler = new Uint8Array(32768 - 7 - 3); // leaves 3 bytes: too few for a header
    const file = concatBytes([
      Uint8Array.from(header(filler.length, 1)), filler, new Uint8Array(3),
      Uint8Array.from(header(5, 1)), ascii('after'),
      Uint8Array.from(header(500, 1)), ascii('torn'),
    ]);
    expect(readLevelDbLogRecords(file).map((r) => r.length)).toEqual([filler.length, 5]);
  });
});
