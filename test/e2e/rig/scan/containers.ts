/**
 * Turns one profile file into the byte chunks worth searching: the file as it is, plus whatever the
 * browser stored compressed or fragmented inside it, decoded.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DecodeError, concatBytes, indexesOf } from '../decode/bytes';
import { isLevelDbTable, readLevelDbLogRecords, readLevelDbTable } from '../decode/leveldb';
import { decompressMozLz4, isMozLz4 } from '../decode/lz4';
import { SNAPPY_FRAMED_MAGIC, decompressSnappyFramed, trySnappy } from '../decode/snappy';
import { isSqliteDatabase, isSqliteWal, readSqliteDatabase, readSqliteWal, type SqliteContents } from '../decode/sqlite';

/** Bytes to search and how they were obtained ("raw" for the file itself). */
export interface Chunk {
  container: string;
  bytes: Uint8Array;
}

/** A container the scanner recognised but could not decode: its contents were searched raw only. */
export interface Undecodable {
  container: string;
  reason: string;
}

/**
 * Chromium's IndexedDB wraps a value it compressed as 0xFF (V8 version tag), 0x11 (the "requires
 * processing" pseudo-version), 0x02 (compressed with Snappy), then one raw Snappy block
 * (blink idb_value_wrapping.cc). Large values written to blob files start the same way.
 */
const BLINK_SNAPPY_MARKER = Uint8Array.of(0xff, 0x11, 0x02);
const KEY_SEPARATOR = Uint8Array.of(0);
/** Nested containers are followed this deep (a LevelDB block holding a wrapped value is depth 2). */
const MAX_DEPTH = 3;

/** Chunks hidden inside `chunk`: Blink-wrapped Snappy values and framed Snappy streams, recursively. */
function nestedChunks(chunk: Chunk, depth: number): Chunk[] {
  if (depth >= MAX_DEPTH) return [];
  const found: Chunk[] = [];
  for (const at of indexesOf(chunk.bytes, BLINK_SNAPPY_MARKER)) {
    const bytes = trySnappy(chunk.bytes.subarray(at + BLINK_SNAPPY_MARKER.length), { allowTrailing: true });
    if (bytes) found.push({ container: `${chunk.container} > blink snappy value`, bytes });
  }
  for (const at of indexesOf(chunk.bytes, SNAPPY_FRAMED_MAGIC)) {
    try {
      found.push({ container: `${chunk.container} > snappy framed stream`, bytes: decompressSnappyFramed(chunk.bytes.subarray(at)) });
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
    }
  }
  return [...found, ...found.flatMap((c) => nestedChunks(c, depth + 1))];
}

function sqliteChunks(name: string, contents: SqliteContents): Chunk[] {
  const chunks: Chunk[] = [];
  // Payloads that fit in one page are already contiguous in the raw file; overflowed ones are not.
  for (const cell of contents.cells) if (cell.overflowed) chunks.push({ container: `${name} overflowed cell`, bytes: cell.payload });
  // Firefox IndexedDB stores each value as one raw Snappy block in a BLOB column; any other BLOB
  // that happens to decode as Snappy is searched too (harmless, and it costs little).
  for (const blob of contents.blobs) {
    const bytes = blob.length >= 2 ? trySnappy(blob) : undefined;
    if (bytes) chunks.push({ container: `${name} blob > snappy`, bytes });
  }
  return chunks;
}

/** The main database beside a WAL file, for its reserved-bytes field and for overflow pages. */
function mainDatabaseOf(walPath: string): Uint8Array | undefined {
  try {
    const main = new Uint8Array(readFileSync(walPath.replace(/-wal$/u, '')));
    return isSqliteDatabase(main) ? main : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every chunk to search for one file, and the containers it recognised but could not decode. With
 * `decode: false`, only the raw file (used to show what decoding adds).
 */
export function fileChunks(path: string, bytes: Uint8Array, decode = true): { chunks: Chunk[]; undecodable: Undecodable[] } {
  const raw: Chunk = { container: 'raw', bytes };
  if (!decode) return { chunks: [raw], undecodable: [] };
  const direct: Chunk[] = [raw];
  const undecodable: Undecodable[] = [];
  const attempt = (container: string, decodeIt: () => Chunk[]): void => {
    try {
      direct.push(...decodeIt());
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      undecodable.push({ container, reason: error.message });
    }
  };
  const name = basename(path);
  if (isLevelDbTable(bytes)) {
    attempt('leveldb table', () => {
      const table = readLevelDbTable(bytes);
      return [
        ...table.blocks.map((b) => ({ container: 'leveldb table block', bytes: b })),
        // Keys are stored prefix-compressed; rebuilt, they are searched as one chunk, 0-separated.
        { container: 'leveldb table keys', bytes: concatBytes(table.keys.flatMap((k) => [k, KEY_SEPARATOR])) },
      ];
    });
  }
  if (/\.log$|^MANIFEST-/u.test(name)) {
    attempt('leveldb log', () => readLevelDbLogRecords(bytes).map((r) => ({ container: 'leveldb log record', bytes: r })));
  }
  if (isSqliteDatabase(bytes)) attempt('sqlite', () => sqliteChunks('sqlite', readSqliteDatabase(bytes)));
  if (isSqliteWal(bytes)) {
    attempt('sqlite wal', () => {
      const main = mainDatabaseOf(path);
      return sqliteChunks('sqlite wal', readSqliteWal(bytes, main, main?.[20] ?? 0));
    });
  }
  if (isMozLz4(bytes)) attempt('mozlz4', () => [{ container: 'mozlz4', bytes: decompressMozLz4(bytes) }]);
  return { chunks: [...direct, ...direct.flatMap((c) => nestedChunks(c, 0))], undecodable };
}
