import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../e2e/rig/decode/bytes';
import { trySnappy } from '../../e2e/rig/decode/snappy';
import { readSqliteDatabase } from '../../e2e/rig/decode/sqlite';
import { patchSqliteDatabase } from '../../e2e/rig/encode/sqlite-patch';
import { sqliteValuesDatabase } from './sqlite-values-fixture';

const database = sqliteValuesDatabase();
const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
/** Change the first character of each copy of `needle` to '!'. */
const bang = (needle: string) => ({ needle: ascii(needle), position: 0, replacement: 0x21 });
const values = (file: Uint8Array): string[] => readSqliteDatabase(file).blobs.map((blob) => text(trySnappy(blob) ?? blob));

describe('patching a SQLite database', () => {
  it('edits the literal bytes of a Snappy value in place: one byte of the file changes, the value still decompresses', () => {
    const result = patchSqliteDatabase(database, bang('gM1TH91s9BgpDD9zLEVTGQ=='));
    expect(result.places).toHaveLength(1);
    expect([...result.file].filter((byte, k) => byte !== database[k])).toEqual([0x21]);
    expect(values(result.file)).toContain('kdf salt !M1TH91s9BgpDD9zLEVTGQ== iv ird23vFFO7kaDxxG');
    expect(values(database)).toContain('kdf salt gM1TH91s9BgpDD9zLEVTGQ== iv ird23vFFO7kaDxxG'); // the input is left as it was
  });

  it('edits a plain BLOB', () => {
    expect(values(patchSqliteDatabase(database, bang('a-raw-needle')).file)).toContain('plain blob holding !-raw-needle');
  });

  it('accepts a back-reference that repeats the whole text: both copies read edited', () => {
    expect(values(patchSqliteDatabase(database, bang('abcdefgh')).file)).toContain('!bcdefgh!bcdefgh');
  });

  it('refuses a back-reference that repeats the changed byte outside the text', () => {
    expect(() => patchSqliteDatabase(database, { needle: ascii('ijklmnop'), position: 1, replacement: 0x21 })).toThrow(DecodeError);
  });

  it('refuses a text held only inside a back-reference, or split by an overflow page boundary', () => {
    expect(() => patchSqliteDatabase(database, bang('habcd'))).toThrow(DecodeError);
    expect(() => patchSqliteDatabase(database, bang('split-needle-marker'))).toThrow(DecodeError);
  });

  it('changes nothing where the text is not, and refuses a file that is not SQLite', () => {
    expect(patchSqliteDatabase(database, bang('not stored'))).toEqual({ file: database, places: [] });
    expect(() => patchSqliteDatabase(new Uint8Array(1024), bang('gM1TH91s9BgpDD9zLEVTGQ=='))).toThrow(DecodeError);
  });
});
