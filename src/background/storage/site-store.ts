// Reads and writes of the sites' permissions and the activity log.
import type { WalletDatabase } from './database';
import type { StoredActivity, StoredPermission } from './schema';

/** The Activity screen keeps the newest this many requests. */
export const ACTIVITY_LIMIT = 1000;

export async function readPermission(db: WalletDatabase, origin: string): Promise<StoredPermission | undefined> {
  return db.get('permissions', origin);
}

export async function readPermissions(db: WalletDatabase): Promise<StoredPermission[]> {
  return db.getAll('permissions');
}

export async function writePermission(db: WalletDatabase, permission: StoredPermission): Promise<void> {
  await db.put('permissions', permission);
}

/** Appends to the log and drops the oldest entries beyond the limit, in one transaction. */
export async function appendActivity(db: WalletDatabase, entry: StoredActivity, limit = ACTIVITY_LIMIT): Promise<void> {
  const tx = db.transaction('activity', 'readwrite');
  await tx.store.put(entry);
  let excess = (await tx.store.count()) - limit;
  if (excess > 0) {
    let cursor = await tx.store.index('time').openCursor();
    while (cursor !== null && excess > 0) {
      await cursor.delete();
      excess -= 1;
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

/** Newest first. */
export async function readActivity(db: WalletDatabase): Promise<StoredActivity[]> {
  return (await db.getAllFromIndex('activity', 'time')).reverse();
}
