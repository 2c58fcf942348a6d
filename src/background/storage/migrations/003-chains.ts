// Migration 3: the networks the user added (EIP-3085) and the share tokens the wallet shows (EIP-747).
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration003(db: IDBPDatabase<WalletSchema>): void {
  db.createObjectStore('chains', { keyPath: 'chainId' });
  db.createObjectStore('tokens', { keyPath: ['chainId', 'address'] });
}
