import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../e2e/rig/decode/bytes';
import { trySnappy } from '../../e2e/rig/decode/snappy';
import { isSqliteDatabase, isSqliteWal, readSqliteDatabase, readSqliteWal } from '../../e2e/rig/decode/sqlite';

/*
 * Fixtures made with the sqlite3 3.40 command-line shell (gzip + base64 here):
 *   PRAGMA page_size=512; PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;
 *   CREATE TABLE kv(k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;   -- stored as an index b-tree, like Firefox IndexedDB
 *   CREATE TABLE notes(body TEXT);
 *   INSERT INTO kv VALUES('short', X'1d50736e617070792d696e2d73716c6974653a616263641104');  -- a raw Snappy block
 *   INSERT INTO kv VALUES('long', CAST(printf('%.*c',700,'x') || 'overflowed-index-marker' || printf('%.*c',700,'y') AS BLOB));
 *   INSERT INTO notes VALUES(printf('%.*c',900,'a') || 'overflowed-table-marker' || printf('%.*c',900,'b'));
 *   .shell cp t.db-wal t.wal.copy        -- the WAL before any checkpoint: every page is in it
 *   PRAGMA wal_checkpoint(TRUNCATE);
 *   .shell cp t.db t.db.copy             -- the database after the checkpoint
 * The markers sit across page boundaries (512-byte pages), so only a decoder that follows overflow
 * chains sees them whole.
 */
const DATABASE = `
H4sIAAAAAAACAwsO9MksSVVIyy/KTSxRMGZgYmBiYnBQUGBgADIZGDgZEADEZ0HiMzIQBkwMesmMvCAGYwMD41YgMQpQgDETm7i4
OKN7SWJSTmpefklqMZhgdg5ydQxxVQhxdPJxVQALaSTlp1QqhLhGhGh6MrKJCwoy1oM1ZZdllzGhKM8u08gGK1QICPL0dQyKVPB2
jdRRKFNw8vF30lQI9wzx8A8NUQjyD/d04QLHzUYGxo2M90ZjYwiAbnEW0WlaOfl56RX4ASi3KjKL2xVn5BeVyAYU5yUWFFTqZubp
FhfmALO8VWJScoogCy84I59mAKEhDvqUGJnneCeOAmIBMMzYgZi1YhSMWACMf7ZB78j8stSitJz88tQUYPmVklqhm5tYlJ1aVDkK
KAaggnM0FAYu7AcB4BitCUd0G4CTphYgld3g7gq07E4aBYMCgAqA0VAYuQAAFRxLiwASAAA=`;
const WAL = `
H4sIAAAAAAACAzOvZ2ti0H0kwcDAxAAC2g1fvqfckfl4Zn+zXek2c3egECOyuNbv9atnBdY0Bgf6ZJakKqTlF+UmligYA3UzMTE4
KCgwQAyCGAYBIP0saHxCgIlBL5mRF6SYcSsDEI0CagBPRjZxQUHG+pLEpJzU7LLsMibnIFfHEFeFEEcnH1eF7DKNbIUQ14gQhYAg
T1/HoEgFb9dIHYUyBScffydNhXDPEA//0BCFIP9wTxdYPMPShdgXR/sVy9o8uBjQYn8UjDSAUl7Iq/w/NpP78xQC5QUzSt6noLxg
YmwAlhdAYhSgAGMmNnFxcUZ3cNbPyy9JLQYTzCgFAFhIIyk/pRJcDGhSt7wAxTEzLF0EvmC+eLVTIp53tLwY6YAJOV3UfXvxtC/0
+QEucN1/jwGIRsGwA4rM4nbFGflFJbIBxXmJBQWVupl5usWFOcAqwioxKTlFkAW9HrnEkTlrxa8IMQL1CNtoPTLs6xEm5HTBvDTP
2e6AWw4XOM42MjBuHC0xhgToFmcRnaaVk5+XXoEfgHIxUeUFC3K6CEnIrTJU8/0JFGKtGAUjFoDiHzld2HNfnjBtyts8UF0x6B2f
X5ZalJaTX56aAkzvKakVurmJRdmpRZWjgGIAbSuwwdKFU3bihU9RvvNBaWU0dAYsTgbd+IXchbLOR+pPdhFod3KOtjtHxPgFPF3c
zLoefsTidSh4jJrhNAMIDXHQp8TIPMc7cRQQC4Bhxg7F8HQxr1es9f2p3nqgEMdoCI3otMGBnC4WzXt2gUfAJBxUV9DUYqQ2I7jY
g7YZk0bBoADQtgInLF1I79mUObdlAyi9MIyGzsgFAC3IX0KIHwAA`;

const fixture = (base64: string): Uint8Array => new Uint8Array(gunzipSync(Buffer.from(base64.replace(/\s+/gu, ''), 'base64')));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const markerIndex = `${'x'.repeat(700)}overflowed-index-marker${'y'.repeat(700)}`;
const markerTable = `${'a'.repeat(900)}overflowed-table-marker${'b'.repeat(900)}`;

describe('SQLite databases', () => {
  const db = fixture(DATABASE);

  it('recognises the header and the raw file does not hold the markers whole', () => {
    expect(isSqliteDatabase(db)).toBe(true);
    expect(text(db)).not.toContain(markerIndex);
    expect(text(db)).not.toContain(markerTable);
  });

  it('follows overflow chains of index (WITHOUT ROWID) and table b-tree cells', () => {
    const payloads = readSqliteDatabase(db).cells.filter((c) => c.overflowed).map((c) => text(c.payload));
    expect(payloads.some((p) => p.includes(markerIndex))).toBe(true);
    expect(payloads.some((p) => p.includes(markerTable))).toBe(true);
  });

  it('returns BLOB values, so a Snappy-compressed value can be decompressed', () => {
    const decoded = readSqliteDatabase(db).blobs.map((b) => trySnappy(b)).filter((b) => b !== undefined).map(text);
    expect(decoded).toContain('snappy-in-sqlite:abcdabcdabcd');
  });

  it('refuses a file that is not SQLite', () => {
    expect(() => readSqliteDatabase(new Uint8Array(1024))).toThrow(DecodeError);
  });
});

describe('SQLite write-ahead logs', () => {
  const wal = fixture(WAL);

  it('reads cells and overflow chains from the frames alone', () => {
    expect(isSqliteWal(wal)).toBe(true);
    const contents = readSqliteWal(wal);
    const payloads = contents.cells.map((c) => text(c.payload));
    expect(payloads.some((p) => p.includes(markerIndex))).toBe(true);
    expect(payloads.some((p) => p.includes(markerTable))).toBe(true);
    expect(contents.blobs.map((b) => trySnappy(b)).filter((b) => b !== undefined).map(text)).toContain('snappy-in-sqlite:abcdabcdabcd');
  });
});
