/**
 * Changes a byte of a value inside LevelDB files (google/leveldb doc/log_format.md and
 * doc/table_format.md) and writes the CRC-32C that covers it again, so that LevelDB (and Chromium,
 * which opens IndexedDB with checksums verified) reads the edited value instead of declaring the
 * database corrupt. Each CRC is checked against the bytes before they are touched: a mismatch means
 * this file is not what the patcher understands, and nothing is written.
 */
import { DecodeError, byteAt, concatBytes, indexesOf, readUintLE } from '../decode/bytes';
import {
  blockEntries, FOOTER_LENGTH, isLevelDbTable, NO_COMPRESSION, readHandle, SNAPPY_COMPRESSION, type BlockHandle,
} from '../decode/leveldb';
import { decompressSnappy } from '../decode/snappy';
import { applyEdit, checkEdit, type ByteEdit, type PatchResult } from './byte-edit';
import { crc32c, maskCrc } from './crc32c';

function writeUint32LE(out: Uint8Array, index: number, value: number): void {
  for (let k = 0; k < 4; k++) out[index + k] = (value >>> (8 * k)) & 0xff;
}

const LOG_BLOCK_SIZE = 32768;
const LOG_HEADER_LENGTH = 7;
const FULL = 1;
const FIRST = 2;
/** MIDDLE (3) fragments continue a FIRST one until LAST. */
const LAST = 4;

/** One physical log record: the 7-byte header (masked CRC, 2-byte length, type) at `headerAt`, then its data. */
interface LogFragment {
  headerAt: number;
  type: number;
  start: number;
  length: number;
}

/**
 * The logical records of a log, each as the fragments that hold it (walked as
 * ../decode/leveldb readLevelDbLogRecords does, keeping where each fragment is).
 */
function logRecords(file: Uint8Array): LogFragment[][] {
  const records: LogFragment[][] = [];
  let pending: LogFragment[] | undefined;
  let i = 0;
  while (i < file.length) {
    const leftInBlock = LOG_BLOCK_SIZE - (i % LOG_BLOCK_SIZE);
    if (leftInBlock < LOG_HEADER_LENGTH) {
      i += leftInBlock;
      continue;
    }
    if (i + LOG_HEADER_LENGTH > file.length) break;
    const length = readUintLE(file, i + 4, 2);
    const type = byteAt(file, i + 6);
    if (type === 0 && length === 0) {
      i += leftInBlock;
      continue;
    }
    const start = i + LOG_HEADER_LENGTH;
    if (type < FULL || type > LAST || start + length > file.length || LOG_HEADER_LENGTH + length > leftInBlock) break;
    const fragment = { headerAt: i, type, start, length };
    if (type === FULL) {
      records.push([fragment]);
      pending = undefined;
    } else if (type === FIRST) {
      pending = [fragment];
    } else if (pending) {
      pending.push(fragment);
      if (type === LAST) {
        records.push(pending);
        pending = undefined;
      }
    }
    i = start + length;
  }
  return records;
}

/** The masked CRC a log fragment must carry: over its type byte, then its data. */
function fragmentCrc(file: Uint8Array, fragment: LogFragment): number {
  return maskCrc(crc32c(file.subarray(fragment.start, fragment.start + fragment.length), crc32c(Uint8Array.of(fragment.type))));
}

/**
 * Edits every copy of `edit.needle` in the records of a LevelDB log (`NNNNNN.log`), even one split
 * across fragments, and rewrites the CRC of each fragment changed. A value that Chromium stored
 * Snappy-wrapped (`FF 11 02`, over 64 KiB) is edited in its literal bytes without decompressing it to
 * check the result; the vault record is far smaller and stored as it is.
 * @throws DecodeError when a fragment to change does not carry the CRC its bytes give.
 */
export function patchLevelDbLog(file: Uint8Array, edit: ByteEdit): PatchResult {
  checkEdit(edit);
  const out = Uint8Array.from(file);
  const places: string[] = [];
  const touched = new Set<LogFragment>();
  for (const record of logRecords(file)) {
    const payload = concatBytes(record.map((f) => file.subarray(f.start, f.start + f.length)));
    for (const hit of indexesOf(payload, edit.needle)) {
      let logical = hit + edit.position;
      const fragment = record.find((f) => {
        if (logical < f.length) return true;
        logical -= f.length;
        return false;
      });
      if (fragment === undefined) throw new DecodeError('leveldb log: a hit past the end of its record');
      const at = fragment.start + logical;
      out[at] = edit.replacement;
      touched.add(fragment);
      places.push(`log record fragment at ${fragment.headerAt}, byte ${at}`);
    }
  }
  for (const fragment of touched) {
    if (readUintLE(file, fragment.headerAt, 4) !== fragmentCrc(file, fragment)) {
      throw new DecodeError(`leveldb log: the fragment at ${fragment.headerAt} does not carry the CRC of its bytes`);
    }
    writeUint32LE(out, fragment.headerAt, fragmentCrc(out, fragment));
  }
  return { file: out, places };
}


/** A block's stored bytes and its trailer's compression type; the CRC follows at offset + size + 1. */
function storedBlock(file: Uint8Array, handle: BlockHandle): { raw: Uint8Array; type: number } {
  if (handle.offset + handle.size + 5 > file.length) throw new DecodeError('leveldb: block handle past the end');
  return { raw: file.subarray(handle.offset, handle.offset + handle.size), type: byteAt(file, handle.offset + handle.size) };
}

/** The masked CRC a table block must carry: over its stored bytes, then its compression type byte. */
function blockCrc(raw: Uint8Array, type: number): number {
  return maskCrc(crc32c(Uint8Array.of(type), crc32c(raw)));
}

function decodedBlock(raw: Uint8Array, type: number): Uint8Array {
  if (type === NO_COMPRESSION) return raw;
  if (type === SNAPPY_COMPRESSION) return decompressSnappy(raw);
  throw new DecodeError(`leveldb: unsupported block compression type ${type}`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, k) => b[k] === byte);
}

/**
 * Edits every copy of `edit.needle` in the data blocks of a LevelDB table (`.ldb`/`.sst`) and rewrites
 * each changed block's CRC. In a Snappy block the needle is edited where it is stored as literal bytes,
 * so the block keeps its size and the table its layout; the block is then decompressed to prove that
 * exactly the needle's copies changed.
 * @throws DecodeError when the table does not parse, a block to change does not carry the CRC of its
 * bytes, or a copy cannot be edited in place (inside a Snappy back-reference, or an unknown compression).
 */
export function patchLevelDbTable(file: Uint8Array, edit: ByteEdit): PatchResult {
  checkEdit(edit);
  if (!isLevelDbTable(file)) throw new DecodeError('leveldb: no table magic');
  const out = Uint8Array.from(file);
  const places: string[] = [];
  const metaindex = readHandle(file, file.length - FOOTER_LENGTH);
  const indexHandle = readHandle(file, metaindex.next).handle;
  const index = storedBlock(file, indexHandle);
  for (const entry of blockEntries(decodedBlock(index.raw, index.type))) {
    const handle = readHandle(entry.value, 0).handle;
    const { raw, type } = storedBlock(file, handle);
    const contents = decodedBlock(raw, type);
    const expected = applyEdit(contents, edit);
    if (expected.hits.length === 0) continue;
    const patched = applyEdit(raw, edit);
    if (!sameBytes(decodedBlock(patched.data, type), expected.data)) {
      throw new DecodeError(`leveldb: the block at ${handle.offset} holds the text in a form that cannot be edited in place`);
    }
    const crcAt = handle.offset + handle.size + 1;
    if (readUintLE(file, crcAt, 4) !== blockCrc(raw, type)) {
      throw new DecodeError(`leveldb: the block at ${handle.offset} does not carry the CRC of its bytes`);
    }
    out.set(patched.data, handle.offset);
    writeUint32LE(out, crcAt, blockCrc(patched.data, type));
    for (const hit of patched.hits) places.push(`table block at ${handle.offset}${type === SNAPPY_COMPRESSION ? ' (snappy)' : ''}, byte ${handle.offset + hit + edit.position}`);
  }
  return { file: out, places };
}
