// Migration 2: the sites' permissions (with their active chain) and the activity log.
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration002(db: IDBPDatabase<WalletSchema>): void {
  db.createObjectStore('permissions', { keyPath: 'origin' });
  db.createObjectStore('activity', { keyPath: 'id' }).createIndex('time', 'time');
}
