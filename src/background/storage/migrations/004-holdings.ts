// Migration 4: the cached holdings, one record per network (its block, rows per token × account, and the
// latest refresh's failure), so the popup shows them at once on the next open.
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration004(db: IDBPDatabase<WalletSchema>): void {
  db.createObjectStore('holdings', { keyPath: 'chainId' });
}
