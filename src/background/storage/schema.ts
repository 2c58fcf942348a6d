// The IndexedDB schema of the background. Every store and record carries a version (style.md §9);
// upgrades are the numbered migrations in ./migrations.
import type { DBSchema } from 'idb';
import type { VaultRecord, WordlistName } from '../../core';

export const DATABASE_NAME = 'shareholder-wallet';

/** The vault as stored: the encrypted record plus what the wallet must know without the password. */
export interface StoredVault {
  schema: 1;
  record: VaultRecord;
  wordlist: WordlistName;
  createdAt: number;
}

export interface StoredAccount {
  index: number;
  name: string;
  address: string;
}

export interface UnlockAttempts {
  failures: number;
  blockedUntil: number;
}

/** Values of the `meta` store by key. */
export interface MetaValues {
  autoLockMinutes: number;
  unlockAttempts: UnlockAttempts;
}

export interface WalletSchema extends DBSchema {
  /** Key `current` holds the vault; damaged records are kept aside under `damaged-<time>`, never deleted. */
  vault: { key: string; value: unknown };
  accounts: { key: number; value: StoredAccount };
  meta: { key: keyof MetaValues; value: MetaValues[keyof MetaValues] };
}
