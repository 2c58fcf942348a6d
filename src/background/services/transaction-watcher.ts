// Watches the transactions the wallet sent until each is mined (confirmed or failed) or replaced. The state
// lives in IndexedDB (status 'pending'), never only in memory, so a stopped background picks it up again:
// `resume()` at start, and an alarm (platform/transaction-alarm.ts) that wakes it while anything is
// pending. While the background lives it also polls on its own, more often than alarms may fire.
import type { SentTransactionView } from '../../protocol/transactions';
import { JsonRpcError, type JsonRpcClient } from '../platform/json-rpc';
import type { WatchAlarm } from '../platform/transaction-alarm';
import type { WalletDatabase } from '../storage/database';
import type { StoredTransaction } from '../storage/schema';
import {
  readAccountTransactions, readPendingTransactions, sentTransactionView, settleTransaction, type SettledFields,
} from '../storage/transaction-store';
import { observeNetwork, replayFailures, resendRaw, type NetworkObservation } from './transaction-receipts';

/** How long after a round the next one runs while the background lives (a block on most chains is 2-12 s). */
export const POLL_INTERVAL_MS = 4_000;

/** Runs `run` once after `ms` (setTimeout in the background; a test runs it when it chooses). Returns a cancel. */
export type Scheduler = (ms: number, run: () => void) => () => void;

export interface TransactionWatcherDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  alarm: WatchAlarm;
  schedule: Scheduler;
  /** A transaction was mined: confirmed or failed. Its errors are logged, never stop the watcher. */
  settled: (view: SentTransactionView) => Promise<void>;
}

function logKind(what: string, error: unknown): void {
  // Only the kind: the text of an unexpected error could hold anything.
  console.error(what, error instanceof Error ? error.name : typeof error);
}

function groupByChain(pending: readonly StoredTransaction[]): Map<string, StoredTransaction[]> {
  const groups = new Map<string, StoredTransaction[]>();
  for (const stored of pending) groups.set(stored.chainId, [...(groups.get(stored.chainId) ?? []), stored]);
  return groups;
}

export function createTransactionWatcher(deps: TransactionWatcherDeps) {
  const { db, rpc } = deps;
  let cancelTimer: (() => void) | undefined;
  let alarmOn = false;
  let tail: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;

  async function settle(hash: string, outcome: SettledFields): Promise<void> {
    const updated = await settleTransaction(db, hash, outcome);
    if (updated === undefined || outcome.status === 'replaced') return;
    await deps.settled(sentTransactionView(updated)).catch((error: unknown) => { logKind('after a transaction settled', error); });
  }

  /**
   * A transaction whose nonce was mined without it: replaced by the wallet's own transaction of the same
   * nonce that has a receipt, if any. While such a sibling is still pending, this one waits a round, so that
   * it can name the sibling once the sibling's receipt is in.
   */
  async function settleReplaced(stored: StoredTransaction): Promise<void> {
    const siblings = (await readAccountTransactions(db, stored.chainId, stored.from))
      .filter((other) => other.hash !== stored.hash && other.nonce === stored.nonce);
    // A sibling the node refused when it was sent is 'failed' too, but was never mined: it has no block.
    const mined = siblings.find((other) => other.blockNumber !== undefined && (other.status === 'confirmed' || other.status === 'failed'));
    if (mined === undefined && siblings.some((other) => other.status === 'pending')) return;
    await settle(stored.hash, { status: 'replaced', blockNumber: undefined, failure: undefined, replacedBy: mined?.hash });
  }

  async function applyReceipts(rpcUrl: string, pending: readonly StoredTransaction[], seen: NetworkObservation): Promise<void> {
    const failed: { stored: StoredTransaction; blockNumber: bigint }[] = [];
    for (const stored of pending) {
      const receipt = seen.receipts.get(stored.hash);
      if (receipt?.kind !== 'mined') continue;
      if (receipt.succeeded) {
        await settle(stored.hash, { status: 'confirmed', blockNumber: receipt.blockNumber.toString(), failure: undefined, replacedBy: undefined });
      } else {
        failed.push({ stored, blockNumber: receipt.blockNumber });
      }
    }
    if (failed.length === 0) return;
    const reasons = await replayFailures(rpc, rpcUrl, failed);
    for (const { stored, blockNumber } of failed) {
      await settle(stored.hash, { status: 'failed', blockNumber: blockNumber.toString(), failure: reasons.get(stored.hash), replacedBy: undefined });
    }
  }

  async function pollNetwork(chainId: string, pending: readonly StoredTransaction[]): Promise<void> {
    const chain = await db.get('chains', chainId);
    // A network the user removed has no RPC to ask; its transactions stay pending until it is back.
    if (chain === undefined) return;
    const seen = await observeNetwork(rpc, chain.rpcUrl, pending);
    await applyReceipts(chain.rpcUrl, pending, seen);
    const forgotten: StoredTransaction[] = [];
    for (const stored of pending) {
      if (seen.receipts.get(stored.hash)?.kind !== 'none') continue;
      const minedNonce = seen.minedNonces.get(stored.from.toLowerCase());
      if (minedNonce !== undefined && minedNonce > BigInt(stored.nonce)) await settleReplaced(stored);
      else if (seen.known.get(stored.hash) === false) forgotten.push(stored);
    }
    if (forgotten.length > 0) await resendRaw(rpc, chain.rpcUrl, forgotten);
  }

  async function keepWatching(): Promise<void> {
    cancelTimer ??= deps.schedule(POLL_INTERVAL_MS, () => {
      cancelTimer = undefined;
      poll().catch((error: unknown) => { logKind('transaction watch failed', error); });
    });
    if (!alarmOn) {
      alarmOn = true;
      await deps.alarm.start();
    }
  }

  async function stopWatching(): Promise<void> {
    cancelTimer?.();
    cancelTimer = undefined;
    alarmOn = false;
    await deps.alarm.stop();
  }

  async function round(): Promise<void> {
    const pending = await readPendingTransactions(db);
    await Promise.all([...groupByChain(pending)].map(async ([chainId, transactions]) => {
      try {
        await pollNetwork(chainId, transactions);
      } catch (error) {
        // A node that is down or answers garbage: this network waits for the next round.
        if (!(error instanceof JsonRpcError)) logKind('transaction watch failed', error);
      }
    }));
    if ((await readPendingTransactions(db)).length > 0) await keepWatching();
    else await stopWatching();
  }

  /**
   * One round over every pending transaction of every network. Rounds never overlap: a call during a
   * round gets the one round queued after it.
   */
  function poll(): Promise<void> {
    if (waiting !== undefined) return waiting;
    const next = tail.then(() => {
      waiting = undefined;
      return round();
    });
    waiting = next;
    tail = next.catch(() => undefined);
    return next;
  }

  return {
    /** Starts watching a transaction just sent (its 'pending' record is already stored). */
    async track(stored: StoredTransaction): Promise<void> {
      if (stored.status === 'pending') await keepWatching();
    },

    /** At background start: watches every pending record again, beginning with one round now. */
    resume: poll,

    /** The alarm fired (the background may just have been woken for it): one round now. */
    onAlarm: poll,

    poll,
  };
}

export type TransactionWatcher = ReturnType<typeof createTransactionWatcher>;
