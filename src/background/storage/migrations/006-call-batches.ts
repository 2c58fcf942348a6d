// Migration 6: the EIP-5792 batches sites sent, keyed by the site's origin and the batch id (an id is unique
// per site, EIP-5792 §wallet_sendCalls), each naming its transactions by hash in the 'transactions' store.
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration006(db: IDBPDatabase<WalletSchema>): void {
  db.createObjectStore('callBatches', { keyPath: ['origin', 'id'] });
}
