// Builders of LevelDB log records, blocks, Snappy blocks and tables with valid CRCs, for the rig's patch tests.
import { concatBytes } from '../../e2e/rig/decode/bytes';
import { crc32c, maskCrc } from '../../e2e/rig/encode/crc32c';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
export const u32 = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];

export function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** One physical log record with the CRC LevelDB would write: over the type byte, then the data. */
export function logRecord(type: number, data: Uint8Array): Uint8Array {
  const crc = maskCrc(crc32c(data, crc32c(Uint8Array.of(type))));
  return concatBytes([Uint8Array.from([...u32(crc), data.length & 0xff, data.length >>> 8, type]), data]);
}

/** A block in LevelDB's format: keys prefix-compressed against the previous one, one restart at 0. */
export function buildBlock(entries: [string, Uint8Array][]): Uint8Array {
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

export type SnappyElement = { literal: Uint8Array } | { copy: { offset: number; length: number } };

/** A raw Snappy block from literals (up to 60 bytes each) and 2-byte-offset copies (up to 64 bytes). */
export function snappy(elements: SnappyElement[]): Uint8Array {
  let length = 0;
  const body: number[] = [];
  for (const element of elements) {
    if ('literal' in element) {
      for (let i = 0; i < element.literal.length; i += 60) {
        const piece = element.literal.subarray(i, i + 60);
        body.push((piece.length - 1) << 2, ...piece);
      }
      length += element.literal.length;
    } else {
      body.push(((element.copy.length - 1) << 2) | 2, element.copy.offset & 0xff, element.copy.offset >>> 8);
      length += element.copy.length;
    }
  }
  return Uint8Array.from([...varint(length), ...body]);
}

export interface TableBlock {
  entries: [string, Uint8Array][];
  /** Snappy-compress the block this way; plain when absent. */
  compress?: (block: Uint8Array) => Uint8Array;
}

/** A table with valid block CRCs: data blocks, an empty metaindex, the index, the footer. */
export function buildTable(blocks: TableBlock[]): Uint8Array {
  const file: number[] = [];
  const put = (stored: Uint8Array, type: number): number[] => {
    const at = file.length;
    file.push(...stored, type, ...u32(maskCrc(crc32c(Uint8Array.of(type), crc32c(stored)))));
    return [...varint(at), ...varint(stored.length)];
  };
  const index: [string, Uint8Array][] = blocks.map(({ entries, compress }) => {
    const block = buildBlock(entries);
    const handle = compress ? put(compress(block), 1) : put(block, 0);
    return [entries[entries.length - 1]?.[0] ?? '', Uint8Array.from(handle)];
  });
  const footer = [...put(buildBlock([]), 0), ...put(buildBlock(index), 0)];
  while (footer.length < 40) footer.push(0);
  return Uint8Array.from([...file, ...footer, 0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb]);
}
