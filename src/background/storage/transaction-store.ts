// Reads and writes of the 'transactions' store (migration 5) for the sending side (the nonce rule, the
// address-poisoning check, a node's refusal), the receipt watcher, the replacements and Activity. A status only ever moves away from 'pending': an update is applied inside one IndexedDB
// transaction and only to a record that is still pending, so two writers never undo each other.
import { pastRecipients as recipientsOf } from '../../core/actions/calls/recipients';
import type { SentTransactionView } from '../../protocol/transactions';
import type { WalletDatabase } from './database';
import type { StoredTransaction } from './schema';

/** The record as Activity sees it: without the signed bytes and the record version. */
export function sentTransactionView(stored: StoredTransaction): SentTransactionView {
  const { raw: _raw, schema: _schema, ...view } = stored;
  return view;
}

export function readTransaction(db: WalletDatabase, hash: string): Promise<StoredTransaction | undefined> {
  return db.get('transactions', hash);
}

/** Every record still waiting for its receipt. */
export function readPendingTransactions(db: WalletDatabase): Promise<StoredTransaction[]> {
  return db.getAllFromIndex('transactions', 'status', 'pending');
}

/** The wallet's transactions of one account on one network (any status), in no particular order. */
export function readAccountTransactions(db: WalletDatabase, chainId: string, from: string): Promise<StoredTransaction[]> {
  return db.getAllFromIndex('transactions', 'account', [chainId, from]);
}

/** Every record, newest first (by the time it was sent; equal times by hash, so the order is stable). */
export async function readAllTransactions(db: WalletDatabase): Promise<StoredTransaction[]> {
  const all = await db.getAll('transactions');
  return all.sort((a, b) => b.sentAt - a.sentAt || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}

export async function putTransaction(db: WalletDatabase, stored: StoredTransaction): Promise<void> {
  await db.put('transactions', stored);
}

export type SettledFields = Pick<SentTransactionView, 'status' | 'blockNumber' | 'failure' | 'replacedBy'>;

/**
 * Gives a pending record its outcome. Returns the updated record, or undefined when the record is gone or
 * no longer pending (another writer settled it first).
 */
export async function settleTransaction(db: WalletDatabase, hash: string, outcome: SettledFields): Promise<StoredTransaction | undefined> {
  const transaction = db.transaction('transactions', 'readwrite');
  const current = await transaction.store.get(hash);
  if (current?.status !== 'pending') {
    await transaction.done;
    return undefined;
  }
  const updated: StoredTransaction = { ...current, ...outcome };
  await transaction.store.put(updated);
  await transaction.done;
  return updated;
}

/** Activity's list: every transaction the wallet sent, newest first, without the signed bytes. */
export async function listSentTransactions(db: WalletDatabase): Promise<SentTransactionView[]> {
  return (await readAllTransactions(db)).map(sentTransactionView);
}

/** The highest nonce among `from`'s pending transactions on `chainId`; undefined when none is pending. */
export async function highestPendingNonce(db: WalletDatabase, chainId: string, from: string): Promise<bigint | undefined> {
  let highest: bigint | undefined;
  for (const record of await readAccountTransactions(db, chainId, from)) {
    if (record.status !== 'pending') continue;
    const nonce = BigInt(record.nonce);
    if (highest === undefined || nonce > highest) highest = nonce;
  }
  return highest;
}

/** Every address the wallet sent to: the recipient of a transfer, else the contract called. */
export async function pastRecipients(db: WalletDatabase): Promise<string[]> {
  return recipientsOf((await db.getAll('transactions')).map((record) => record.call));
}

/** The node refused `hash` when it was sent: it failed, never mined, and its nonce is free again. */
export async function markRefused(db: WalletDatabase, hash: string, refusal: string): Promise<void> {
  const tx = db.transaction('transactions', 'readwrite');
  const record = await tx.store.get(hash);
  if (record?.status === 'pending') await tx.store.put({ ...record, status: 'failed', refusal });
  await tx.done;
}
