// Reads and writes of the wallet's records. Each change is one transaction, so a failure in the middle
// never leaves half a wallet (a vault without accounts, or a new password on some records only).
import { parseVaultRecord, type VaultRecord, type WordlistName } from '../../core';
import { WalletError } from '../errors';
import type { WalletDatabase } from './database';
import { holdingsWrite } from './holdings-store';
import type { MetaValues, StoredAccount, StoredVault } from './schema';

const CURRENT = 'current';

export type VaultState =
  | { kind: 'none' }
  | { kind: 'ok'; vault: StoredVault }
  | { kind: 'damaged'; raw: unknown };

function isWordlist(value: unknown): value is WordlistName {
  return value === 'english' || value === 'chinese_simplified';
}

/** The stored vault, when it and its record have the shape and parameters this wallet can open. */
function asStoredVault(raw: unknown): StoredVault | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { schema, record, wordlist, createdAt } = raw as Record<string, unknown>;
  if (schema !== 1 || !isWordlist(wordlist) || typeof createdAt !== 'number') return undefined;
  let parsed: VaultRecord;
  try {
    parsed = parseVaultRecord(record);
  } catch {
    return undefined;
  }
  return { schema, record: parsed, wordlist, createdAt };
}

export async function readVault(db: WalletDatabase): Promise<VaultState> {
  const raw = await db.get('vault', CURRENT);
  if (raw === undefined) return { kind: 'none' };
  const vault = asStoredVault(raw);
  return vault === undefined ? { kind: 'damaged', raw } : { kind: 'ok', vault };
}

/**
 * Writes a new wallet: vault and first accounts in one transaction. A damaged vault that is replaced is
 * kept aside under `damaged-<time>`, so that restoring never destroys what was on disk.
 */
export async function writeNewWallet(db: WalletDatabase, vault: StoredVault, accounts: StoredAccount[]): Promise<void> {
  const tx = db.transaction(['vault', 'accounts'], 'readwrite');
  const vaults = tx.objectStore('vault');
  const previous: unknown = await vaults.get(CURRENT);
  if (previous !== undefined) {
    if (asStoredVault(previous) !== undefined) {
      tx.abort();
      throw new WalletError('wrong-state', 'a wallet already exists; remove it before creating another');
    }
    await vaults.put(previous, `damaged-${vault.createdAt}`);
  }
  await vaults.put(vault, CURRENT);
  const store = tx.objectStore('accounts');
  await store.clear();
  for (const account of accounts) await store.put(account);
  await tx.done;
}

/** Replaces the vault record (password change, parameter upgrade) in one transaction. */
export async function replaceVaultRecord(db: WalletDatabase, vault: StoredVault): Promise<void> {
  const tx = db.transaction('vault', 'readwrite');
  await tx.store.put(vault, CURRENT);
  await tx.done;
}

/**
 * Removes the wallet: vault, damaged copies, accounts, and the sites' permissions and activity and the
 * cached holdings (they name the removed accounts), in one transaction. Settings, networks and tokens stay.
 */
export function removeWallet(db: WalletDatabase): Promise<void> {
  return holdingsWrite(db, async () => {
    const tx = db.transaction(['vault', 'accounts', 'meta', 'permissions', 'activity', 'holdings'], 'readwrite');
    await tx.objectStore('vault').clear();
    await tx.objectStore('accounts').clear();
    await tx.objectStore('permissions').clear();
    await tx.objectStore('activity').clear();
    await tx.objectStore('holdings').clear();
    await tx.objectStore('meta').delete('unlockAttempts');
    await tx.done;
    return undefined;
  });
}

export async function readAccounts(db: WalletDatabase): Promise<StoredAccount[]> {
  return db.getAll('accounts');
}

export async function putAccount(db: WalletDatabase, account: StoredAccount): Promise<void> {
  await db.put('accounts', account);
}

export async function readMeta<K extends keyof MetaValues>(db: WalletDatabase, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.get('meta', key)) as MetaValues[K] | undefined;
}

export async function writeMeta<K extends keyof MetaValues>(db: WalletDatabase, key: K, value: MetaValues[K]): Promise<void> {
  await db.put('meta', value, key);
}
