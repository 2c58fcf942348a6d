// Reads and writes of the transactions the wallet sent, as the sending side needs them: the nonce rule
// (pending ones of an account), the address-poisoning check (past recipients), and the record itself.
import type { WalletDatabase } from './database';
import type { StoredTransaction } from './schema';

export async function putTransaction(db: WalletDatabase, record: StoredTransaction): Promise<void> {
  await db.put('transactions', record);
}

/** The highest nonce among `from`'s pending transactions on `chainId`; undefined when none is pending. */
export async function highestPendingNonce(db: WalletDatabase, chainId: string, from: string): Promise<bigint | undefined> {
  const sent = await db.getAllFromIndex('transactions', 'account', [chainId, from]);
  let highest: bigint | undefined;
  for (const record of sent) {
    if (record.status !== 'pending') continue;
    const nonce = BigInt(record.nonce);
    if (highest === undefined || nonce > highest) highest = nonce;
  }
  return highest;
}

/** Every address the wallet sent to: the recipient of a transfer, else the contract called. */
export async function pastRecipients(db: WalletDatabase): Promise<string[]> {
  const recipients = new Set<string>();
  for (const record of await db.getAll('transactions')) {
    const { action, to } = record.call;
    if ('to' in action) recipients.add(action.to);
    else if (action.kind === 'token-batch-transfer') for (const transfer of action.transfers) recipients.add(transfer.to);
    else if (to !== undefined) recipients.add(to);
  }
  return [...recipients];
}

/** The node refused `hash` when it was sent: it failed, never mined, and its nonce is free again. */
export async function markRefused(db: WalletDatabase, hash: string, refusal: string): Promise<void> {
  const tx = db.transaction('transactions', 'readwrite');
  const record = await tx.store.get(hash);
  if (record !== undefined) await tx.store.put({ ...record, status: 'failed', refusal });
  await tx.done;
}
