import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { concatBytes } from '../../e2e/rig/decode/bytes';
import { readLevelDbLogRecords, readLevelDbTable } from '../../e2e/rig/decode/leveldb';
import { trySnappy } from '../../e2e/rig/decode/snappy';
import { readSqliteDatabase } from '../../e2e/rig/decode/sqlite';
import { corruptIndexedDbText, type ClosedProfile } from '../../e2e/rig/corrupt-profile';
import { buildTable, logRecord } from './leveldb-builders';
import { sqliteValuesDatabase } from './sqlite-values-fixture';

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? new Uint8Array(0)).toString('latin1');
const SALT = 'gM1TH91s9BgpDD9zLEVTGQ==';
const EDIT = { text: SALT, position: 0, replacement: '!' };

let profileDir: string;

beforeEach(async () => {
  profileDir = await mkdtemp(join(tmpdir(), 'corrupt-profile-test-'));
});

afterEach(async () => {
  await rm(profileDir, { recursive: true, force: true });
});

async function put(relative: string, bytes: Uint8Array): Promise<string> {
  const path = join(profileDir, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, bytes);
  return path;
}

describe('corrupting a Chromium profile\'s IndexedDB on disk', () => {
  const dir = 'Default/IndexedDB/chrome-extension_abcdefghijklmnopabcdefghijklmnop_0.indexeddb.leveldb';
  const profile = (): ClosedProfile => ({ kind: 'chromium', userDataDir: profileDir, extensionBaseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' });

  it('edits the text in the origin\'s log and tables, and leaves other origins and files alone', async () => {
    const value = ascii(`kdf salt ${SALT} iv`);
    const log = await put(`${dir}/000003.log`, concatBytes([logRecord(1, ascii('metadata')), logRecord(1, value)]));
    const table = await put(`${dir}/000005.ldb`, buildTable([{ entries: [['vault', value]] }]));
    const manifest = await put(`${dir}/MANIFEST-000001`, value);
    const other = await put('Default/IndexedDB/chrome-extension_ponmlkjihgfedcbaponmlkjihgfedcba_0.indexeddb.leveldb/000003.log', logRecord(1, value));

    const edits = await corruptIndexedDbText(profile(), EDIT);

    expect(edits.map((e) => e.file).sort()).toEqual([`${dir}/000003.log`, `${dir}/000005.ldb`]);
    expect(text(readLevelDbLogRecords(await readFile(log))[1])).toBe(`kdf salt !${SALT.slice(1)} iv`);
    expect(text(readLevelDbTable(await readFile(table)).blocks[0])).toContain(`kdf salt !${SALT.slice(1)} iv`);
    expect(text(await readFile(manifest))).toContain(SALT);
    expect(text(await readFile(other))).toContain(SALT);
  });

  it('fails when the text is stored nowhere, or the origin has no IndexedDB', async () => {
    await expect(corruptIndexedDbText(profile(), EDIT)).rejects.toThrow(/no IndexedDB directory/u);
    await put(`${dir}/000003.log`, logRecord(1, ascii('metadata')));
    await expect(corruptIndexedDbText(profile(), EDIT)).rejects.toThrow(/not stored as such/u);
  });

  it('takes printable ASCII text and a one-character replacement only', async () => {
    await expect(corruptIndexedDbText(profile(), { ...EDIT, text: 'sälz' })).rejects.toThrow(RangeError);
    await expect(corruptIndexedDbText(profile(), { ...EDIT, replacement: '!!' })).rejects.toThrow(RangeError);
  });
});

describe('corrupting a Firefox profile\'s IndexedDB on disk', () => {
  const uuid = '0f6a7c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
  const origin = `storage/default/moz-extension+++${uuid}`;
  const profile = (): ClosedProfile => ({ kind: 'firefox', userDataDir: profileDir, extensionBaseUrl: `moz-extension://${uuid}/` });

  it('edits the text in the origin\'s SQLite databases, with an empty write-ahead log', async () => {
    const database = await put(`${origin}/idb/2810266342sthealrleahwo-lrde.sqlite`, sqliteValuesDatabase());
    await put(`${origin}/idb/2810266342sthealrleahwo-lrde.sqlite-wal`, new Uint8Array(0));
    const other = await put('storage/default/moz-extension+++11111111-2222-4333-8444-555555555555/idb/1.sqlite', sqliteValuesDatabase());

    const edits = await corruptIndexedDbText(profile(), EDIT);

    expect(edits).toEqual([{ file: `${origin}/idb/2810266342sthealrleahwo-lrde.sqlite`, places: [expect.stringMatching(/^page \d+, byte \d+$/u)] }]);
    const values = readSqliteDatabase(await readFile(database)).blobs.map((blob) => text(trySnappy(blob) ?? blob));
    expect(values).toContain(`kdf salt !${SALT.slice(1)} iv ird23vFFO7kaDxxG`);
    expect(text(await readFile(other))).toContain(SALT);
  });

  it('refuses a database whose write-ahead log still holds frames', async () => {
    await put(`${origin}/idb/1.sqlite`, sqliteValuesDatabase());
    await put(`${origin}/idb/1.sqlite-wal`, new Uint8Array(1000));
    await expect(corruptIndexedDbText(profile(), EDIT)).rejects.toThrow(/holds frames/u);
  });
});
