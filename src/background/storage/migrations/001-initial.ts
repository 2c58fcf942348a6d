// Migration 1: the vault, the accounts and the wallet's settings.
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration001(db: IDBPDatabase<WalletSchema>): void {
  db.createObjectStore('vault');
  db.createObjectStore('accounts', { keyPath: 'index' });
  db.createObjectStore('meta');
}
