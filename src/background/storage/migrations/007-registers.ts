// Migration 7: what each share token is to the register check (ERC-3643, ERC-7943 or a plain ERC-20),
// found once per network and token and remembered, keyed like the tokens by chain id and address.
import type { IDBPDatabase } from 'idb';
import type { WalletSchema } from '../schema';

export function migration007(db: IDBPDatabase<WalletSchema>): void {
  db.createObjectStore('registers', { keyPath: ['chainId', 'address'] });
}
