// Migration 5: the transactions the wallet signed and sent, by hash, with an index on the sending account
// and network, which the nonce and the receipt watcher read (pending ones first of all).
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration005(db: IDBPDatabase<WalletSchema>): void {
  const store = db.createObjectStore('transactions', { keyPath: 'hash' });
  store.createIndex('account', ['chainId', 'from']);
  store.createIndex('status', 'status');
}
