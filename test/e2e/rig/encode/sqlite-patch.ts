/**
 * Changes a byte of a value inside a SQLite database file, as Firefox keeps IndexedDB: each value a
 * BLOB holding a raw Snappy block of a structured clone. SQLite pages carry no checksum, so a byte
 * changed in place is read back as it is; where a Snappy block stores the text as literal bytes, the
 * block keeps its length. Every BLOB is decoded before and after, to prove that exactly the needle's
 * copies changed and every compressed value still decompresses.
 */
import { DecodeError, readUintBE } from '../decode/bytes';
import { trySnappy } from '../decode/snappy';
import { isSqliteDatabase, readSqliteDatabase } from '../decode/sqlite';
import { applyEdit, checkEdit, type ByteEdit, type PatchResult } from './byte-edit';

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((byte, k) => b[k] === byte);
}

/**
 * Each BLOB, as stored or (where it is a Snappy block) decompressed, must read after the edit as it
 * read before with every copy of the needle edited, and nothing else changed.
 */
function checkBlobs(before: Uint8Array, after: Uint8Array, edit: ByteEdit): void {
  const was = readSqliteDatabase(before).blobs;
  const is = readSqliteDatabase(after).blobs;
  if (was.length !== is.length) throw new DecodeError('sqlite: the edit changed the number of values');
  was.forEach((blob, k) => {
    const edited = is[k] ?? new Uint8Array(0);
    const plain = blob.length >= 2 ? trySnappy(blob) : undefined;
    const [then, now] = plain === undefined ? [blob, edited] : [plain, trySnappy(edited)];
    if (!sameBytes(now, applyEdit(then, edit).data)) {
      throw new DecodeError('sqlite: a value holds the text where it cannot be edited in place (a Snappy back-reference or an overflow page boundary)');
    }
  });
}

/**
 * Edits every copy of `edit.needle` stored as such in a database file (not its `-wal`: see
 * corrupt-profile).
 * @throws DecodeError when the file is not a SQLite database, or a value holds the text where it
 * cannot be edited in place (inside a Snappy back-reference, or split by an overflow page boundary).
 */
export function patchSqliteDatabase(file: Uint8Array, edit: ByteEdit): PatchResult {
  checkEdit(edit);
  if (!isSqliteDatabase(file)) throw new DecodeError('sqlite: no database header');
  const { data, hits } = applyEdit(file, edit);
  checkBlobs(file, data, edit);
  // The page size is a big-endian u16 at offset 16; 1 stands for 65536 (fileformat2 §1.3.2).
  const size = readUintBE(file, 16, 2);
  const pageSize = size === 1 ? 65536 : size;
  return { file: data, places: hits.map((hit) => `page ${Math.floor(hit / pageSize) + 1}, byte ${hit + edit.position}`) };
}
