// Opening the background's database and running the migrations it lacks.
import { openDB, type IDBPDatabase } from 'idb';
import { DATABASE_VERSION, migrations } from './migrations';
import { DATABASE_NAME, type WalletSchema } from './schema';

export type WalletDatabase = IDBPDatabase<WalletSchema>;

/**
 * Opens (and upgrades) the wallet database through the global `indexedDB` (fake-indexeddb in Node tests).
 * @throws the IndexedDB error when the database cannot be opened.
 */
export async function openWalletDatabase(name = DATABASE_NAME): Promise<WalletDatabase> {
  const db = await openDB<WalletSchema>(name, DATABASE_VERSION, {
    upgrade(upgrading, oldVersion, _newVersion, transaction) {
      for (let version = oldVersion; version < DATABASE_VERSION; version++) migrations[version]?.(upgrading, transaction);
    },
  });
  // A newer copy of the background wants to upgrade: let it, rather than block it forever.
  db.addEventListener('versionchange', () => { db.close(); });
  return db;
}
