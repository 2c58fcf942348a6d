// Sending an approved transaction: the user's fees checked, the nonce taken in the account's queue, the
// transaction checked (core), signed by the wallet service, recorded as pending, and only then handed to
// the node, so that a background stopped mid-way never gives the same nonce again.
import { checkTransaction } from '../../core';
import { feeChoiceProblem, type FeeValues } from '../../core/transactions/fees';
import type { SignedTransaction, CheckedTransaction } from '../../core/transactions/types';
import type { FeesView, SentTransactionOrigin, TransactionChoice } from '../../protocol/transactions';
import { JsonRpcError, JsonRpcTransportError, type JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredTransaction } from '../storage/schema';
import { markRefused, putTransaction } from '../storage/transaction-store';
import { capNodeMessage } from './gas-estimate';
import type { NonceQueue } from './nonce-queue';
import { FeeChoiceError, TransactionRefusedError, TransactionRequestError } from './transaction-errors';
import { feesView, type PreparedTransaction } from './transaction-preparation';

export interface TransactionSendingDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  nonces: Pick<NonceQueue, 'withNextNonce'>;
  wallet: { signTransaction(address: string, transaction: CheckedTransaction): Promise<SignedTransaction> };
  /**
   * Told of every transaction handed to the node (the receipt watcher's hook). Not awaited: the page's
   * answer does not wait for it; must not throw.
   */
  onSent: (stored: StoredTransaction) => void;
  now: () => number;
}

/** FeesView (decimal strings, already shape-checked by the private router) as numbers. */
function feeValues(fees: FeesView): FeeValues {
  return fees.type === 'eip1559'
    ? { type: 'eip1559', maxFeePerGas: BigInt(fees.maxFeePerGas), maxPriorityFeePerGas: BigInt(fees.maxPriorityFeePerGas) }
    : { type: 'legacy', gasPrice: BigInt(fees.gasPrice) };
}

/** The fees to sign: the user's choice when sane against the proposal, else the proposal. */
export function chosenFees(prepared: PreparedTransaction, choice: TransactionChoice | undefined): FeeValues {
  if (choice?.fees === undefined) return prepared.fees;
  const chosen = feeValues(choice.fees);
  const problem = feeChoiceProblem(chosen, prepared.fees);
  if (problem !== undefined) throw new FeeChoiceError(problem);
  return chosen;
}

export function createTransactionSending(deps: TransactionSendingDeps) {
  const { db, rpc } = deps;

  function announce(stored: StoredTransaction): void {
    try {
      deps.onSent(stored);
    } catch {
      // The watcher's trouble is not the sender's: the transaction is recorded and sent either way.
    }
  }

  return {
    /**
     * Signs and sends `prepared` with the user's `choice`, recorded under `origin`.
     * @returns the transaction's hash and its record.
     * @throws FeeChoiceError for fees out of bounds; TransactionRequestError when the site's nonce is no
     *   longer the next; TransactionRefusedError when the node refused it (recorded as failed); the wallet
     *   service's WalletError when it is locked.
     */
    async send(prepared: PreparedTransaction, choice: TransactionChoice | undefined, origin: SentTransactionOrigin): Promise<StoredTransaction> {
      const fees = chosenFees(prepared, choice);
      const { account } = prepared;
      const stored = await deps.nonces.withNextNonce(account, async (nonce) => {
        if (prepared.requiredNonce !== undefined && nonce !== prepared.requiredNonce) {
          throw new TransactionRequestError('nonce', `0x${prepared.requiredNonce.toString(16)} is no longer the account's next nonce (0x${nonce.toString(16)}); nothing was sent`);
        }
        const transaction = checkTransaction({
          ...fees, chainId: BigInt(account.chainId), nonce, to: prepared.to, value: prepared.value, data: prepared.data, gas: prepared.gas,
        });
        const signed = await deps.wallet.signTransaction(account.from, transaction);
        const record: StoredTransaction = {
          schema: 1, raw: signed.raw, hash: signed.hash, chainId: account.chainId, from: account.from, nonce: nonce.toString(),
          call: prepared.call, nativeCurrency: prepared.nativeCurrency, gas: prepared.gas.toString(), fees: feesView(fees), origin,
          status: 'pending', blockNumber: undefined, failure: undefined, replacedBy: undefined, sentAt: deps.now(),
        };
        await putTransaction(db, record);
        try {
          await rpc.request(account.rpcUrl, 'eth_sendRawTransaction', [signed.raw]);
        } catch (error) {
          // No answer (timeout, unreachable) does not say the node did not take it: the record stays
          // pending, its raw bytes are there to send again, and the hash is the transaction's all the same.
          if (error instanceof JsonRpcTransportError) return record;
          if (!(error instanceof JsonRpcError)) throw error;
          const refusal = capNodeMessage(error.message);
          await markRefused(db, signed.hash, refusal);
          throw new TransactionRefusedError(signed.hash, refusal);
        }
        return record;
      });
      announce(stored);
      return stored;
    },
  };
}

export type TransactionSending = ReturnType<typeof createTransactionSending>;
