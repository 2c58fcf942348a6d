/**
 * LevelDB on-disk formats (google/leveldb doc/table_format.md and doc/log_format.md), as Chromium
 * writes them for IndexedDB, extension storage, Local Storage and Session Storage.
 */
import { DecodeError, byteAt, concatBytes, readUintLE, readUvarint, startsWithAt } from './bytes';
import { decompressSnappy } from './snappy';

/** The table magic 0xdb4775248b80fb57, stored little-endian in the last 8 bytes of the footer. */
const TABLE_MAGIC = Uint8Array.of(0x57, 0xfb, 0x80, 0x8b, 0x24, 0x75, 0x47, 0xdb);
export const FOOTER_LENGTH = 48;
/** Each block is followed by a 1-byte compression type and a 4-byte CRC. */
export const TRAILER_LENGTH = 5;
export const NO_COMPRESSION = 0;
export const SNAPPY_COMPRESSION = 1;

export interface BlockHandle {
  offset: number;
  size: number;
}

export function readHandle(src: Uint8Array, index: number): { handle: BlockHandle; next: number } {
  const offset = readUvarint(src, index);
  const size = readUvarint(src, offset.next);
  return { handle: { offset: offset.value, size: size.value }, next: size.next };
}

/** Whether the file ends with the LevelDB table magic (`.ldb`, and `.sst` in older versions). */
export function isLevelDbTable(file: Uint8Array): boolean {
  return file.length >= FOOTER_LENGTH && startsWithAt(file, TABLE_MAGIC, file.length - TABLE_MAGIC.length);
}

/** A block's contents, decompressed according to its trailer's type byte. */
function readBlock(file: Uint8Array, handle: BlockHandle): Uint8Array {
  if (handle.offset + handle.size + TRAILER_LENGTH > file.length) throw new DecodeError('leveldb: block handle past the end');
  const raw = file.subarray(handle.offset, handle.offset + handle.size);
  const type = byteAt(file, handle.offset + handle.size);
  if (type === NO_COMPRESSION) return raw;
  if (type === SNAPPY_COMPRESSION) return decompressSnappy(raw);
  throw new DecodeError(`leveldb: unsupported block compression type ${type}`);
}

/** One block entry: its full key (prefix-compression undone) and its value. */
export interface BlockEntry {
  key: Uint8Array;
  value: Uint8Array;
}

/**
 * The entries of a decompressed block: each is (shared, non-shared, value length) varints, the key's
 * non-shared suffix, the value; a restart array (u32 each) and its u32 count close the block.
 */
export function blockEntries(block: Uint8Array): BlockEntry[] {
  const restarts = readUintLE(block, block.length - 4, 4);
  const end = block.length - 4 - restarts * 4;
  if (end < 0) throw new DecodeError('leveldb: restart array larger than the block');
  const entries: BlockEntry[] = [];
  let previous: Uint8Array = new Uint8Array(0);
  let i = 0;
  while (i < end) {
    const shared = readUvarint(block, i);
    const unshared = readUvarint(block, shared.next);
    const valueLength = readUvarint(block, unshared.next);
    const keyStart = valueLength.next;
    const valueStart = keyStart + unshared.value;
    const next = valueStart + valueLength.value;
    if (shared.value > previous.length || next > end) throw new DecodeError('leveldb: entry overruns its block');
    const key = concatBytes([previous.subarray(0, shared.value), block.subarray(keyStart, valueStart)]);
    entries.push({ key, value: block.subarray(valueStart, next) });
    previous = key;
    i = next;
  }
  return entries;
}

/** What a table yields for searching: each data block decompressed, plus every full key. */
export interface TableContents {
  blocks: Uint8Array[];
  keys: Uint8Array[];
}

/**
 * Decode a table: the footer's index handle, the index block's entries (each value is a data block
 * handle), and each data block, decompressed. Data blocks are returned whole (values are stored
 * contiguously in them); keys are also returned rebuilt, since blocks store them prefix-compressed.
 * @throws DecodeError on a malformed table or an unsupported compression type.
 */
export function readLevelDbTable(file: Uint8Array): TableContents {
  if (!isLevelDbTable(file)) throw new DecodeError('leveldb: no table magic');
  const footer = file.length - FOOTER_LENGTH;
  const metaindex = readHandle(file, footer);
  const index = readHandle(file, metaindex.next).handle;
  const contents: TableContents = { blocks: [], keys: [] };
  for (const entry of blockEntries(readBlock(file, index))) {
    const block = readBlock(file, readHandle(entry.value, 0).handle);
    contents.blocks.push(block);
    for (const e of blockEntries(block)) contents.keys.push(e.key);
  }
  return contents;
}

const LOG_BLOCK_SIZE = 32768;
const LOG_HEADER_LENGTH = 7;
const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

/**
 * Reassemble the records of a LevelDB log (`NNNNNN.log`, also MANIFEST-*): the file is cut into
 * 32 KiB blocks and a record that does not fit is split into FIRST/MIDDLE/LAST fragments, each with a
 * 7-byte header (CRC, 2-byte length, type). Searching the reassembled records finds values that a
 * raw search would miss where a block boundary cuts them. Stops at the first header that does not
 * parse (a torn tail after a crash); CRCs are not verified.
 */
export function readLevelDbLogRecords(file: Uint8Array): Uint8Array[] {
  const records: Uint8Array[] = [];
  let pending: Uint8Array[] | undefined;
  let i = 0;
  while (i < file.length) {
    const leftInBlock = LOG_BLOCK_SIZE - (i % LOG_BLOCK_SIZE);
    if (leftInBlock < LOG_HEADER_LENGTH) {
      i += leftInBlock; // the writer pads a block's last < 7 bytes with zeros
      continue;
    }
    if (i + LOG_HEADER_LENGTH > file.length) break;
    const length = readUintLE(file, i + 4, 2);
    const type = byteAt(file, i + 6);
    const start = i + LOG_HEADER_LENGTH;
    if (type === 0 && length === 0) {
      i += leftInBlock; // zero-filled space (preallocated or padding): skip to the next block
      continue;
    }
    if (type < FULL || type > LAST || start + length > file.length || LOG_HEADER_LENGTH + length > leftInBlock) break;
    const fragment = file.subarray(start, start + length);
    if (type === FULL) {
      records.push(fragment);
      pending = undefined;
    } else if (type === FIRST) {
      pending = [fragment];
    } else if (pending && (type === MIDDLE || type === LAST)) {
      pending.push(fragment);
      if (type === LAST) {
        records.push(concatBytes(pending));
        pending = undefined;
      }
    }
    i = start + length;
  }
  return records;
}
