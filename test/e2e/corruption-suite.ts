// A vault record corrupted on disk (issue 6, fault suite): with the browser closed, the test changes
// one character of the stored salt in the profile's own IndexedDB files (rig/corrupt-profile.ts keeps
// LevelDB's CRCs valid, so the browser hands the wallet the damaged value instead of dropping the
// database). The wallet must say so clearly, leave the record as it is, and restore from the phrase
// while keeping the damaged record aside. The same suite runs in Chromium and Firefox.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreWallet, selectedAddress } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { corruptIndexedDbText, type ProfileEdit } from './rig/corrupt-profile';
import { getByRole, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const ANVIL_FIRST = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PASSWORD = 'Shares-are-forever-42';
/** Not a base64 character: the salt no longer parses, so the record is damaged in its shape. */
const NOT_BASE64 = '!';

interface StoredVault {
  schema: number;
  record: { kdf: { salt: string } };
  createdAt: number;
}

/** Every record of the `vault` store by key, read from an extension page through IndexedDB. */
async function vaultStore(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('shareholder-wallet');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(request.error ?? new Error('open failed')); };
    });
    const store = db.transaction('vault', 'readonly').objectStore('vault');
    const read = <T>(request: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(request.error ?? new Error('read failed')); };
    });
    const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
    db.close();
    return Object.fromEntries(keys.map((key, k) => [typeof key === 'string' ? key : JSON.stringify(key), values[k]]));
  });
}

/**
 * Chromium: ~5 MiB of incompressible values, in a database of their own (the same origin, so the same
 * LevelDB), fill LevelDB's write buffer: it writes what the log held, the vault included, into a table
 * (.ldb). The noise's keys sort after the wallet's, so the wallet's records get blocks of their own
 * (seen stored plain: base64 does not shrink by the eighth LevelDB asks of Snappy).
 */
async function pushVaultIntoLevelDbTable(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('corruption-test-noise');
      request.onupgradeneeded = () => { request.result.createObjectStore('noise'); };
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(request.error ?? new Error('open failed')); };
    });
    const tx = db.transaction('noise', 'readwrite');
    for (let i = 0; i < 90; i++) {
      let text = '';
      for (const byte of crypto.getRandomValues(new Uint8Array(45_000))) text += String.fromCharCode(byte);
      tx.objectStore('noise').put(btoa(text), i);
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => { reject(tx.error ?? new Error('write failed')); };
    });
    db.close();
  });
}

function withSalt(vault: StoredVault, salt: string): StoredVault {
  return { ...vault, record: { ...vault.record, kdf: { ...vault.record.kdf, salt } } };
}

/**
 * With the browser closed, changes the first character of the stored salt in the profile's files; then
 * checks that the popup reports the damage, that the record is still there as corrupted, and that
 * restoring the phrase opens the wallet and keeps the damaged record aside. `prepare` runs on an
 * extension page first.
 * @returns the files changed and where.
 */
async function corruptOnDiskAndRestore(rig: RigBrowser, prepare?: (page: Page) => Promise<void>): Promise<ProfileEdit[]> {
  const page = await rig.openExtensionPage('popup.html');
  await prepare?.(page);
  const before = await vaultStore(page);
  await page.close();
  const original = before.current as StoredVault;
  const salt = original.record.kdf.salt;
  const corrupted = withSalt(original, `${NOT_BASE64}${salt.slice(1)}`);

  let edits: ProfileEdit[] = [];
  await rig.restart(async () => {
    edits = await corruptIndexedDbText(rig, { text: salt, position: 0, replacement: NOT_BASE64 });
  });

  const popup = await rig.openExtensionPage('popup.html');
  await waitForText(popup, 'The stored wallet is damaged');
  await waitForText(popup, 'The damaged record is kept aside, not deleted.');
  await getByRole(popup, 'button', 'Restore from recovery phrase').wait();
  // The browser read the edited bytes, and the wallet wrote nothing over them.
  expect(await vaultStore(popup)).toEqual({ ...before, current: corrupted });

  await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
  expect(await selectedAddress(popup)).toBe(ANVIL_FIRST);
  const after = await vaultStore(popup);
  const restored = after.current as StoredVault;
  expect(after).toEqual({ ...before, current: restored, [`damaged-${restored.createdAt}`]: corrupted });
  expect(restored.record.kdf.salt).not.toBe(corrupted.record.kdf.salt);
  await popup.close();
  return edits;
}

const extensions = (edits: readonly ProfileEdit[]): string[] => [...new Set(edits.map((e) => path.extname(e.file)))];

export function corruptionSuite(kind: BrowserKind): void {
  describe(`a vault record corrupted on disk, in ${kind}`, () => {
    let rig: RigBrowser;

    beforeAll(async () => {
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      await popup.close();
    });

    afterAll(async () => {
      await rig.close();
    });

    it('reports a vault record corrupted on disk, keeps it, and restores from the phrase', async () => {
      const edits = await corruptOnDiskAndRestore(rig);
      // Chromium: a LevelDB log record (CRC written again); Firefox: a SQLite page.
      expect(extensions(edits)).toEqual([kind === 'chromium' ? '.log' : '.sqlite']);
    });

    if (kind === 'chromium') {
      it('does the same when LevelDB has moved the record from its log into a table file', async () => {
        const edits = await corruptOnDiskAndRestore(rig, pushVaultIntoLevelDbTable);
        expect(extensions(edits)).toEqual(['.ldb']);
      });
    }
  });
}
