// The EIP-5792 batches sites sent: their ids (unique per site, held while a batch waits for the user and is
// sent), their records (stored once the sending ended, so wallet_getCallsStatus answers after the background
// stopped) and their status, read from the wallet's transaction records and, for mined ones, the receipts.
import type { CallsStatus } from '../../protocol/dapp-methods';
import type { JsonRpcClient } from '../platform/json-rpc';
import { putCallBatch, readCallBatch } from '../storage/call-batch-store';
import type { WalletDatabase } from '../storage/database';
import type { StoredCallBatch, StoredChain } from '../storage/schema';
import { readAccountTransactions } from '../storage/transaction-store';
import { callState, callsStatusCode } from './call-batch-status';
import { readCallReceipts } from './call-receipts';
import { UnknownChainError } from './transaction-errors';

/** The site already sent a batch with this id, or one with this id is on its way. */
export class DuplicateBatchError extends Error {
  override readonly name = 'DuplicateBatchError';
  constructor(readonly id: string) {
    super('there is already a batch with this id from this site');
  }
}

export interface CallBatchesDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  chains: { get(chainId: string): Promise<StoredChain | undefined> };
  /** A fresh batch id; EIP-5792 §Security Considerations: it must be unpredictable. */
  newBatchId: () => string;
}

export function createCallBatches(deps: CallBatchesDeps) {
  const { db } = deps;
  // Ids of batches between wallet_sendCalls and their record: a second request with the same id is a duplicate.
  const held = new Set<string>();
  const key = (origin: string, id: string) => JSON.stringify([origin, id]);

  return {
    newId: deps.newBatchId,

    /**
     * Holds `id` for `origin` until the returned release is called (after the batch was stored, or when
     * nothing was sent).
     * @throws DuplicateBatchError when the site has a batch with this id, stored or on its way.
     */
    async hold(origin: string, id: string): Promise<() => void> {
      const heldKey = key(origin, id);
      if (held.has(heldKey)) throw new DuplicateBatchError(id);
      held.add(heldKey);
      const release = () => { held.delete(heldKey); };
      try {
        if ((await readCallBatch(db, origin, id)) !== undefined) throw new DuplicateBatchError(id);
      } catch (error) {
        release();
        throw error;
      }
      return release;
    },

    save(batch: StoredCallBatch): Promise<void> {
      return putCallBatch(db, batch);
    },

    /** `origin`'s batch `id`; undefined when this site sent none with that id. */
    find(origin: string, id: string): Promise<StoredCallBatch | undefined> {
      return readCallBatch(db, origin, id);
    },

    /**
     * EIP-5792 v2.0.0 status of `batch`, with the receipts of the calls mined so far.
     * @throws UnknownChainError when the batch's network was removed and a receipt is to be read;
     *   JsonRpcError when its node cannot give the receipts.
     */
    async status(batch: StoredCallBatch): Promise<CallsStatus> {
      const records = new Map((await readAccountTransactions(db, batch.chainId, batch.from)).map((record) => [record.hash, record]));
      const states = batch.hashes.map((hash) => callState(hash, (wanted) => records.get(wanted)));
      const mined = states.flatMap((state) => (state.kind === 'included' ? [state.hash] : []));
      let receipts: CallsStatus['receipts'] = [];
      if (mined.length > 0) {
        const chain = await deps.chains.get(batch.chainId);
        if (chain === undefined) throw new UnknownChainError(batch.chainId);
        receipts = await readCallReceipts(deps.rpc, chain.rpcUrl, mined);
      }
      return {
        version: '2.0.0', id: batch.id, chainId: batch.chainId as `0x${string}`, status: callsStatusCode(batch.calls, states), atomic: false, receipts,
      };
    },
  };
}

export type CallBatches = ReturnType<typeof createCallBatches>;
