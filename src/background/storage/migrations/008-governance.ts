// Migration 8: the voting centre (issue 14). The governors the wallet knows, keyed like the tokens by chain
// id and address; their proposals keyed by chain id, governor and proposal id, indexed by governor so a
// company's proposals are read (and forgotten with it) together.
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration008(db: IDBPDatabase<WalletSchema>): void {
  db.createObjectStore('governors', { keyPath: ['chainId', 'address'] });
  const proposals = db.createObjectStore('proposals', { keyPath: ['chainId', 'governor', 'id'] });
  proposals.createIndex('governor', ['chainId', 'governor']);
}
