// What one network says about the wallet's pending transactions, in as few HTTP requests as it can be
// asked: one batch for every account's mined nonce, every receipt and whether the node still knows each
// transaction; a second batch only to replay the ones that failed; a third only to send again the ones the
// node forgot.
import { decodeSignedTransaction } from '../../core';
import type { SimulatedFailure } from '../../protocol/transactions';
import { JsonRpcError, type BatchCall, type BatchItem, type JsonRpcClient } from '../platform/json-rpc';
import type { StoredTransaction } from '../storage/schema';
import { failureFromCallError } from './transaction-failure';

/** What the receipt says, or `error` when the node could not answer for this transaction this time. */
export type ReceiptReading =
  | { kind: 'mined'; succeeded: boolean; blockNumber: bigint }
  | { kind: 'none' }
  | { kind: 'error' };

export interface NetworkObservation {
  receipts: Map<string, ReceiptReading>;
  /** Whether the node knows the transaction (eth_getTransactionByHash); absent when it could not say. */
  known: Map<string, boolean>;
  /** eth_getTransactionCount(from, 'latest') by lowercase account: the number of its mined transactions. */
  minedNonces: Map<string, bigint>;
}

const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;

function quantity(value: unknown): bigint | undefined {
  return typeof value === 'string' && QUANTITY.test(value) ? BigInt(value) : undefined;
}

function receiptOf(item: BatchItem | undefined): ReceiptReading {
  if (item?.ok !== true) return { kind: 'error' };
  if (item.result === null) return { kind: 'none' };
  if (typeof item.result !== 'object') return { kind: 'error' };
  const { status, blockNumber } = item.result as { status?: unknown; blockNumber?: unknown };
  const block = quantity(blockNumber);
  // EIP-658: status 1 success, 0 failure. A receipt without it (pre-Byzantium) is not read.
  const code = quantity(status);
  if (block === undefined || (code !== 0n && code !== 1n)) return { kind: 'error' };
  return { kind: 'mined', succeeded: code === 1n, blockNumber: block };
}

/** One batch: each account's mined nonce first, then each receipt, then each transaction by hash. */
export async function observeNetwork(rpc: JsonRpcClient, rpcUrl: string, pending: readonly StoredTransaction[]): Promise<NetworkObservation> {
  const accounts = [...new Set(pending.map((stored) => stored.from.toLowerCase()))];
  // The nonces are read before the receipts: a transaction mined between the two reads then shows as
  // mined (its receipt), never as replaced by a nonce that moved past it without a receipt to match.
  const calls: BatchCall[] = [
    ...accounts.map((account) => ({ method: 'eth_getTransactionCount', params: [account, 'latest'] })),
    ...pending.map((stored) => ({ method: 'eth_getTransactionReceipt', params: [stored.hash] })),
    ...pending.map((stored) => ({ method: 'eth_getTransactionByHash', params: [stored.hash] })),
  ];
  const items = await rpc.batch(rpcUrl, calls);
  const minedNonces = new Map<string, bigint>();
  accounts.forEach((account, i) => {
    const item = items[i];
    const count = item?.ok === true ? quantity(item.result) : undefined;
    if (count !== undefined) minedNonces.set(account, count);
  });
  const receipts = new Map<string, ReceiptReading>();
  const known = new Map<string, boolean>();
  pending.forEach((stored, i) => {
    receipts.set(stored.hash, receiptOf(items[accounts.length + i]));
    const byHash = items[accounts.length + pending.length + i];
    if (byHash?.ok === true) known.set(stored.hash, byHash.result !== null);
  });
  return { receipts, known, minedNonces };
}

/**
 * Replays each failed transaction with eth_call at the block of its receipt (its from, to, value, data
 * and gas), and reads the revert. A replay that succeeds or fails otherwise gives no reason (undefined).
 */
export async function replayFailures(
  rpc: JsonRpcClient, rpcUrl: string, failed: readonly { stored: StoredTransaction; blockNumber: bigint }[],
): Promise<Map<string, SimulatedFailure | undefined>> {
  const calls = failed.map(({ stored, blockNumber }): BatchCall => {
    const { transaction } = decodeSignedTransaction(stored.raw);
    const call = {
      from: stored.from, data: transaction.data, value: `0x${transaction.value.toString(16)}`, gas: `0x${transaction.gas.toString(16)}`,
      ...(transaction.to === null ? {} : { to: transaction.to }),
    };
    return { method: 'eth_call', params: [call, `0x${blockNumber.toString(16)}`] };
  });
  const reasons = new Map<string, SimulatedFailure | undefined>();
  let items: BatchItem[] = [];
  try {
    items = await rpc.batch(rpcUrl, calls);
  } catch (error) {
    // The failure itself is known from the receipt; only its reason is missing.
    if (!(error instanceof JsonRpcError)) throw error;
  }
  failed.forEach(({ stored }, i) => {
    const item = items[i];
    reasons.set(stored.hash, item === undefined || item.ok ? undefined : failureFromCallError(item.error));
  });
  return reasons;
}

/**
 * Sends the signed bytes again (after a node restart, or a node that dropped them from its pool). The
 * answers are not read: "already known", "nonce too low" and the like change nothing for the watcher,
 * which sees the outcome in its next round.
 */
export async function resendRaw(rpc: JsonRpcClient, rpcUrl: string, forgotten: readonly StoredTransaction[]): Promise<void> {
  await rpc.batch(rpcUrl, forgotten.map((stored) => ({ method: 'eth_sendRawTransaction', params: [stored.raw] })));
}
