// Reads and writes of the voting centre's records. A refresh's writes land only while the governor is still
// known (checked in the same transaction), so a refresh that ends after the user removed a governor does not
// bring it back.
import type { WalletDatabase } from './database';
import type { StoredGovernor, StoredProposal } from './governance-schema';

export interface GovernorKey {
  chainId: string;
  /** EIP-55 */
  address: string;
}

export function listGovernors(db: WalletDatabase): Promise<StoredGovernor[]> {
  return db.getAll('governors');
}

export function getGovernor(db: WalletDatabase, key: GovernorKey): Promise<StoredGovernor | undefined> {
  return db.get('governors', [key.chainId, key.address]);
}

export async function putGovernor(db: WalletDatabase, governor: StoredGovernor): Promise<void> {
  await db.put('governors', governor);
}

/** A governor's cached proposals, in no particular order. */
export function proposalsOf(db: WalletDatabase, key: GovernorKey): Promise<StoredProposal[]> {
  return db.getAllFromIndex('proposals', 'governor', [key.chainId, key.address]);
}

export function getProposal(db: WalletDatabase, key: GovernorKey, id: string): Promise<StoredProposal | undefined> {
  return db.get('proposals', [key.chainId, key.address, id]);
}

/** Forgets a governor and its proposals, in one transaction. */
export async function deleteGovernor(db: WalletDatabase, key: GovernorKey): Promise<void> {
  const tx = db.transaction(['governors', 'proposals'], 'readwrite');
  await tx.objectStore('governors').delete([key.chainId, key.address]);
  const proposals = tx.objectStore('proposals');
  for (const stored of await proposals.index('governor').getAllKeys([key.chainId, key.address])) await proposals.delete(stored);
  await tx.done;
}

/**
 * Replaces a governor's record with `change(current)` and puts `proposals`, in one transaction, if the
 * governor is still known; returns whether it was.
 */
export async function updateGovernor(
  db: WalletDatabase, key: GovernorKey, change: (current: StoredGovernor) => StoredGovernor, proposals: readonly StoredProposal[] = [],
): Promise<boolean> {
  const tx = db.transaction(['governors', 'proposals'], 'readwrite');
  const governors = tx.objectStore('governors');
  const current = await governors.get([key.chainId, key.address]);
  if (current === undefined) {
    await tx.done;
    return false;
  }
  await governors.put(change(current));
  const store = tx.objectStore('proposals');
  for (const proposal of proposals) await store.put(proposal);
  await tx.done;
  return true;
}
