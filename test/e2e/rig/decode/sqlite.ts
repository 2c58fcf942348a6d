/**
 * Just enough of the SQLite file format (https://www.sqlite.org/fileformat2.html) to pull every cell
 * payload and every BLOB value out of a database or its write-ahead log, without SQLite itself.
 * Firefox keeps IndexedDB (and so extension storage.local) in SQLite with Snappy-compressed values;
 * a byte search of the file cannot see inside those, and misses text that an overflow chain splits.
 */
import { DecodeError, byteAt, concatBytes, readUintBE, startsWithAt } from './bytes';

const HEADER_MAGIC = new TextEncoder().encode('SQLite format 3\0');
const TABLE_LEAF = 0x0d;
const TABLE_INTERIOR = 0x05;
const INDEX_LEAF = 0x0a;
const INDEX_INTERIOR = 0x02;
const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_HEADER_LENGTH = 32;
const WAL_FRAME_HEADER_LENGTH = 24;

/** One cell: its whole payload (overflow chain followed) and whether the payload overflowed. */
export interface SqliteCell {
  payload: Uint8Array;
  overflowed: boolean;
}

/** What a database (or WAL) yields: every cell, and every BLOB value of every parsed record. */
export interface SqliteContents {
  cells: SqliteCell[];
  blobs: Uint8Array[];
}

/** SQLite's own varint: big-endian 7-bit groups, at most 9 bytes, the 9th contributing 8 bits. */
function readSqliteVarint(src: Uint8Array, index: number): { value: number; next: number } {
  let value = 0;
  for (let k = 0; k < 8; k++) {
    const b = byteAt(src, index + k);
    value = value * 128 + (b & 0x7f);
    if (b < 0x80) return { value, next: index + k + 1 };
  }
  return { value: value * 256 + byteAt(src, index + 8), next: index + 9 };
}

export function isSqliteDatabase(file: Uint8Array): boolean {
  return startsWithAt(file, HEADER_MAGIC);
}

export function isSqliteWal(file: Uint8Array): boolean {
  if (file.length < WAL_HEADER_LENGTH) return false;
  const magic = readUintBE(file, 0, 4);
  return magic === WAL_MAGIC_LE || magic === WAL_MAGIC_BE;
}

interface Geometry {
  pageSize: number;
  usable: number;
}

/** Reads pages by number from the main file; a WAL's frames are searched page by page as they are. */
type PageSource = (pageNumber: number) => Uint8Array | undefined;

/** The payload of the cell at `at`, following its overflow chain (fileformat2 §1.6 "Cell Payload Overflow Pages"). */
function readPayload(page: Uint8Array, at: number, size: number, isTable: boolean, geo: Geometry, pages: PageSource): SqliteCell {
  const u = geo.usable;
  const maxLocal = isTable ? u - 35 : Math.floor(((u - 12) * 64) / 255) - 23;
  if (size <= maxLocal) {
    if (at + size > page.length) throw new DecodeError('sqlite: cell overruns its page');
    return { payload: page.subarray(at, at + size), overflowed: false };
  }
  const minLocal = Math.floor(((u - 12) * 32) / 255) - 23;
  const k = minLocal + ((size - minLocal) % (u - 4));
  const local = k <= maxLocal ? k : minLocal;
  const parts = [page.subarray(at, at + local)];
  let remaining = size - local;
  let next = readUintBE(page, at + local, 4);
  const seen = new Set<number>();
  while (remaining > 0 && next !== 0 && !seen.has(next)) {
    seen.add(next);
    const overflow = pages(next);
    if (!overflow) break; // the chain leaves the file (a WAL frame's page): keep what we have
    const take = Math.min(remaining, u - 4);
    parts.push(overflow.subarray(4, 4 + take));
    remaining -= take;
    next = readUintBE(overflow, 0, 4);
  }
  return { payload: concatBytes(parts), overflowed: true };
}

/** The BLOB values of a record (fileformat2 §2.1 "Record Format"); serial type N >= 12, even, is a BLOB of (N-12)/2 bytes. */
function recordBlobs(payload: Uint8Array): Uint8Array[] {
  const header = readSqliteVarint(payload, 0);
  const types: number[] = [];
  let i = header.next;
  while (i < header.value) {
    const t = readSqliteVarint(payload, i);
    types.push(t.value);
    i = t.next;
  }
  const blobs: Uint8Array[] = [];
  let at = header.value;
  const fixed = [0, 1, 2, 3, 4, 6, 8, 8, 0, 0];
  for (const t of types) {
    const length = t >= 12 ? Math.floor((t - 12) / 2) : (fixed[t] ?? 0);
    if (t >= 12 && t % 2 === 0) blobs.push(payload.subarray(at, Math.min(at + length, payload.length)));
    at += length;
  }
  return blobs;
}

/** Parse the b-tree page `page` (`headerAt` is 100 on page 1) and add its cells to `out`. */
function readPage(page: Uint8Array, headerAt: number, geo: Geometry, pages: PageSource, out: SqliteContents): void {
  const type = page[headerAt];
  if (type !== TABLE_LEAF && type !== INDEX_LEAF && type !== INDEX_INTERIOR && type !== TABLE_INTERIOR) return;
  if (type === TABLE_INTERIOR) return; // interior table cells hold only child pointers and rowids
  const cellCount = readUintBE(page, headerAt + 3, 2);
  const pointers = headerAt + (type === INDEX_INTERIOR ? 12 : 8);
  for (let c = 0; c < cellCount; c++) {
    try {
      let at = readUintBE(page, pointers + c * 2, 2);
      if (type === INDEX_INTERIOR) at += 4; // left child page number
      const size = readSqliteVarint(page, at);
      at = size.next;
      if (type === TABLE_LEAF) at = readSqliteVarint(page, at).next; // rowid
      const cell = readPayload(page, at, size.value, type === TABLE_LEAF, geo, pages);
      out.cells.push(cell);
      out.blobs.push(...recordBlobs(cell.payload));
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      // A cell that does not parse (a page being rewritten, a free page that looks like a b-tree
      // page) is skipped; the raw byte search still covers its bytes.
    }
  }
}

function geometry(pageSizeField: number, reserved: number): Geometry {
  const pageSize = pageSizeField === 1 ? 65536 : pageSizeField;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw new DecodeError(`sqlite: bad page size ${pageSize}`);
  return { pageSize, usable: pageSize - reserved };
}

/**
 * Every cell and BLOB of a database file. Pages are visited in file order and classified by their
 * type byte, so free pages that still look like b-tree pages are read too.
 * @throws DecodeError when the header is not SQLite's.
 */
export function readSqliteDatabase(file: Uint8Array): SqliteContents {
  if (!isSqliteDatabase(file)) throw new DecodeError('sqlite: no header magic');
  const geo = geometry(readUintBE(file, 16, 2), byteAt(file, 20));
  const pageCount = Math.floor(file.length / geo.pageSize);
  const pages: PageSource = (n) => (n >= 1 && n <= pageCount ? file.subarray((n - 1) * geo.pageSize, n * geo.pageSize) : undefined);
  const out: SqliteContents = { cells: [], blobs: [] };
  for (let n = 1; n <= pageCount; n++) {
    const page = pages(n);
    if (page) readPage(page, n === 1 ? 100 : 0, geo, pages, out);
  }
  return out;
}

/**
 * Every cell and BLOB in the frames of a write-ahead log (`*-wal`). `reservedBytes` comes from the
 * main database header (0 when unknown, as in Firefox's databases). Overflow pages are looked up
 * among the frames first, then in `mainFile` when given.
 * @throws DecodeError when the WAL header is not SQLite's.
 */
export function readSqliteWal(wal: Uint8Array, mainFile?: Uint8Array, reservedBytes = 0): SqliteContents {
  if (!isSqliteWal(wal)) throw new DecodeError('sqlite wal: no header magic');
  const geo = geometry(readUintBE(wal, 8, 4), reservedBytes);
  const frames = new Map<number, Uint8Array>();
  const order: [number, Uint8Array][] = [];
  for (let at = WAL_HEADER_LENGTH; at + WAL_FRAME_HEADER_LENGTH + geo.pageSize <= wal.length; at += WAL_FRAME_HEADER_LENGTH + geo.pageSize) {
    const pageNumber = readUintBE(wal, at, 4);
    const page = wal.subarray(at + WAL_FRAME_HEADER_LENGTH, at + WAL_FRAME_HEADER_LENGTH + geo.pageSize);
    frames.set(pageNumber, page);
    order.push([pageNumber, page]);
  }
  const pages: PageSource = (n) => frames.get(n) ?? (mainFile && n >= 1 && n * geo.pageSize <= mainFile.length
    ? mainFile.subarray((n - 1) * geo.pageSize, n * geo.pageSize) : undefined);
  const out: SqliteContents = { cells: [], blobs: [] };
  for (const [pageNumber, page] of order) readPage(page, pageNumber === 1 ? 100 : 0, geo, pages, out);
  return out;
}
