/**
 * Corrupts a value of an extension's IndexedDB on disk, in the profile of a closed browser, as a
 * failing disk or another program would: one character of a stored text is changed and every
 * container around it is kept valid (LevelDB CRCs written again; SQLite has none), so that the browser
 * opens the database and hands the wallet the damaged value, rather than finding a corrupt database
 * and deleting the origin's data (a different failure). Pass it to `RigBrowser.restart(whileClosed)`.
 *
 * Where the values are: Chromium keeps an origin's IndexedDB in one LevelDB,
 * `Default/IndexedDB/chrome-extension_<id>_0.indexeddb.leveldb/` (V8-serialized values, a short
 * string's bytes as they are, in `*.log` records and `*.ldb` tables); Firefox in SQLite,
 * `storage/default/moz-extension+++<uuid>/idb/*.sqlite` (structured clones in raw Snappy blocks,
 * where a random text stays literal bytes). The text must be ASCII: both browsers store it one byte
 * a character.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserKind } from './browser-config';
import type { ByteEdit, PatchResult } from './encode/byte-edit';
import { patchLevelDbLog, patchLevelDbTable } from './encode/leveldb-patch';
import { patchSqliteDatabase } from './encode/sqlite-patch';

/** Change character `position` of every stored copy of `text` to `replacement`. */
export interface StoredTextEdit {
  text: string;
  position: number;
  replacement: string;
}

/** A file that was changed, relative to the profile, and where in it. */
export interface ProfileEdit {
  file: string;
  places: string[];
}

/** What the rig knows of a browser whose profile is to be edited (a RigBrowser, closed). */
export interface ClosedProfile {
  kind: BrowserKind;
  userDataDir: string;
  extensionBaseUrl: string;
}

type Patcher = (file: Uint8Array, edit: ByteEdit) => PatchResult;

function asciiBytes(text: string, what: string): Uint8Array {
  if (!/^[\x20-\x7e]*$/u.test(text)) throw new RangeError(`${what} must be printable ASCII`);
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: unknown) => {
    throw new Error(`no IndexedDB directory at ${dir}`, { cause: error });
  });
}

/** The IndexedDB files of the extension's origin, each with the patcher for its format. */
async function indexedDbFiles(profile: ClosedProfile): Promise<{ path: string; patch: Patcher }[]> {
  const host = new URL(profile.extensionBaseUrl).host;
  if (profile.kind === 'chromium') {
    const dir = join(profile.userDataDir, 'Default', 'IndexedDB', `chrome-extension_${host}_0.indexeddb.leveldb`);
    return (await entries(dir)).flatMap((name) => {
      if (name.endsWith('.log')) return [{ path: join(dir, name), patch: patchLevelDbLog }];
      if (name.endsWith('.ldb') || name.endsWith('.sst')) return [{ path: join(dir, name), patch: patchLevelDbTable }];
      return [];
    });
  }
  const storage = join(profile.userDataDir, 'storage', 'default');
  const files: { path: string; patch: Patcher }[] = [];
  for (const origin of (await entries(storage)).filter((name) => name.startsWith(`moz-extension+++${host}`))) {
    const idb = join(storage, origin, 'idb');
    for (const name of (await readdir(idb).catch(() => [])).filter((n) => n.endsWith('.sqlite'))) {
      // A WAL's frames would replace the edited page, and carry checksums this rig does not write: a
      // cleanly closed Firefox leaves it empty (checkpointed), the only state this edit is sound in.
      const wal = await stat(join(idb, `${name}-wal`)).catch(() => undefined);
      if (wal !== undefined && wal.size > 0) throw new Error(`${join(origin, 'idb', name)}-wal holds frames: close the browser cleanly first`);
      files.push({ path: join(idb, name), patch: patchSqliteDatabase });
    }
  }
  return files;
}

/**
 * Changes one character of every copy of `edit.text` stored in the extension's IndexedDB. Call it
 * only while the browser is closed.
 * @returns the files changed and where.
 * @throws Error when the text is stored nowhere in a form that can be edited in place, or a file is not
 * what its name says (then nothing of that file was written).
 */
export async function corruptIndexedDbText(profile: ClosedProfile, edit: StoredTextEdit): Promise<ProfileEdit[]> {
  const needle = asciiBytes(edit.text, 'the text');
  const replacement = asciiBytes(edit.replacement, 'the replacement');
  if (replacement.length !== 1 || replacement[0] === undefined) throw new RangeError('the replacement must be one character');
  const byteEdit: ByteEdit = { needle, position: edit.position, replacement: replacement[0] };
  const files = await indexedDbFiles(profile);
  const changed: ProfileEdit[] = [];
  for (const { path, patch } of files) {
    const result = patch(new Uint8Array(await readFile(path)), byteEdit);
    if (result.places.length === 0) continue;
    await writeFile(path, result.file);
    changed.push({ file: path.slice(profile.userDataDir.length + 1), places: result.places });
  }
  if (changed.length === 0) {
    throw new Error(`"${edit.text}" is not stored as such in the extension's IndexedDB (searched ${files.length} files)`);
  }
  return changed;
}
