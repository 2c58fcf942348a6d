// Speed-up and cancel of a pending transaction: a new transaction of the same account, network and nonce,
// with both fees raised by at least 10% (transaction-fee-bump.ts), which nodes take in its place. The
// user's click in Activity is the approval. Like every sent transaction it is recorded before it is sent,
// then watched.
import { checkTransaction, decodeSignedTransaction, describeCall } from '../../core';
import type { FeesView, SentTransactionView } from '../../protocol/transactions';
import { WalletError } from '../errors';
import { jsonify } from '../jsonify';
import { JsonRpcError, JsonRpcTransportError, type JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredTransaction } from '../storage/schema';
import {
  putTransaction, readAccountTransactions, readTransaction, sentTransactionView, settleTransaction,
} from '../storage/transaction-store';
import { feesView, higherFees, replacementFees } from './transaction-fee-bump';
import type { TransactionWatcher } from './transaction-watcher';
import type { WalletService } from './wallet';

/** A plain transfer of the native currency with no data costs exactly this (yellow paper, G_transaction). */
export const CANCEL_GAS = 21_000n;

export type ReplacementKind = 'speed-up' | 'cancel';

export interface TransactionReplacementDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  wallet: Pick<WalletService, 'signTransaction'>;
  watcher: Pick<TransactionWatcher, 'track'>;
  now: () => number;
  /**
   * The fees the wallet would propose now on a network, when it can say (the fee service of
   * eth_sendTransaction); a replacement pays at least these. Without it, the 10% raise alone.
   */
  currentFees?: (chainId: string) => Promise<FeesView | undefined>;
}

const VERB: Record<ReplacementKind, string> = { 'speed-up': 'sped up', cancel: 'cancelled' };

export function createTransactionReplacement(deps: TransactionReplacementDeps) {
  const { db, rpc } = deps;

  async function pendingRecord(hash: string, kind: ReplacementKind): Promise<StoredTransaction> {
    const original = await readTransaction(db, hash);
    if (original === undefined) throw new WalletError('invalid-params', `hash: the wallet sent no transaction ${hash}`);
    if (original.status !== 'pending') {
      throw new WalletError('wrong-state', `transaction ${hash} is ${original.status}: only a pending transaction can be ${VERB[kind]}`);
    }
    return original;
  }

  async function marketFees(chainId: string): Promise<FeesView | undefined> {
    try {
      return await deps.currentFees?.(chainId);
    } catch (error) {
      // The 10% raise is enough for nodes to take the replacement; the market's fees are a bonus.
      if (error instanceof JsonRpcError) return undefined;
      throw error;
    }
  }

  /** Sends the recorded replacement; a node that refuses it marks it failed and says why. */
  async function send(rpcUrl: string, record: StoredTransaction, kind: ReplacementKind): Promise<void> {
    try {
      await rpc.request(rpcUrl, 'eth_sendRawTransaction', [record.raw]);
    } catch (error) {
      if (!(error instanceof JsonRpcError)) throw error;
      // Unreachable, slow or garbled: the record stays pending and the watcher sends it again once the node answers.
      if (error instanceof JsonRpcTransportError) return;
      await settleTransaction(db, record.hash, { status: 'failed', blockNumber: undefined, failure: undefined, replacedBy: undefined });
      throw new WalletError('wrong-state', `the node refused the ${kind}: ${error.message}`);
    }
  }

  async function replace(hash: string, kind: ReplacementKind): Promise<SentTransactionView> {
    const original = await pendingRecord(hash, kind);
    const chain = await db.get('chains', original.chainId);
    if (chain === undefined) throw new WalletError('wrong-state', `the wallet has no RPC for chain ${original.chainId}`);
    const { transaction: old } = decodeSignedTransaction(original.raw);
    const market = await marketFees(original.chainId);
    // Outbid every pending transaction of this nonce: after a speed-up, a cancel must pay more than the speed-up.
    const rivals = (await readAccountTransactions(db, original.chainId, original.from))
      .filter((other) => other.nonce === original.nonce && other.status === 'pending' && other.hash !== original.hash);
    const fees = rivals.reduce(
      (highest, rival) => higherFees(highest, replacementFees(decodeSignedTransaction(rival.raw).transaction, market)),
      replacementFees(old, market),
    );
    // Speed-up: the same call. Cancel: nothing but the nonce is used up, by 0 sent to oneself.
    const call = kind === 'speed-up'
      ? { to: old.to, value: old.value, data: old.data, gas: old.gas }
      : { to: original.from, value: 0n, data: '0x', gas: CANCEL_GAS };
    const checked = checkTransaction({ chainId: old.chainId, nonce: old.nonce, ...call, ...fees });
    // Refuses a locked wallet (wrong-state) before anything is recorded.
    const signed = await deps.wallet.signTransaction(original.from, checked);
    const record: StoredTransaction = {
      schema: 1, raw: signed.raw, hash: signed.hash, chainId: original.chainId, from: original.from, nonce: original.nonce,
      call: kind === 'speed-up' ? original.call
        : jsonify(describeCall({ chainId: old.chainId, from: original.from, to: original.from, value: 0n, data: '0x' }, () => undefined)),
      nativeCurrency: original.nativeCurrency, gas: checked.gas.toString(), fees: feesView(fees), origin: { kind, of: original.hash },
      status: 'pending', blockNumber: undefined, failure: undefined, replacedBy: undefined, sentAt: deps.now(),
    };
    // Recorded before it is sent, as every transaction (storage/schema.ts StoredTransaction).
    await putTransaction(db, record);
    await send(chain.rpcUrl, record, kind);
    await deps.watcher.track(record);
    return sentTransactionView(record);
  }

  return {
    /**
     * The same call again with the same nonce and fees raised by at least 10%.
     * @throws WalletError invalid-params for a hash the wallet did not send; wrong-state for a transaction
     *   that is not pending, a locked wallet, a network without RPC, or a node that refuses the replacement.
     */
    speedUp: (hash: string) => replace(hash, 'speed-up'),

    /**
     * A 0-value transaction to the sender itself with the same nonce and fees raised by at least 10%.
     * @throws as speedUp.
     */
    cancel: (hash: string) => replace(hash, 'cancel'),
  };
}

export type TransactionReplacement = ReturnType<typeof createTransactionReplacement>;
