// The transaction services wired together: one nonce queue shared by the preparation (which shows the
// next nonce) and the sending (which takes it), as the background and the tests build them.
import type { TokenLookup } from '../../core';
import type { JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredChain, StoredTransaction } from '../storage/schema';
import { createNonceQueue } from './nonce-queue';
import { createTransactionPreparation } from './transaction-preparation';
import { createTransactionSending, type TransactionSendingDeps } from './transaction-sending';

export interface TransactionPipelineDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  chains: { get(chainId: string): Promise<StoredChain | undefined> };
  tokens: { lookup(defaultChainId: bigint): Promise<TokenLookup> };
  wallet: TransactionSendingDeps['wallet'] & { accounts(): Promise<{ address: string }[]> };
  /** The receipt watcher's hook: told of every transaction handed to the node; not awaited; must not throw. */
  onSent: (stored: StoredTransaction) => void;
  now: () => number;
}

export function createTransactionPipeline(deps: TransactionPipelineDeps) {
  const { db, rpc, wallet } = deps;
  const nonces = createNonceQueue({ db, rpc });
  const preparation = createTransactionPreparation({
    db, rpc, chains: deps.chains, tokens: deps.tokens, nonces,
    accounts: async () => (await wallet.accounts()).map((account) => account.address),
  });
  const sending = createTransactionSending({ db, rpc, nonces, wallet, onSent: deps.onSent, now: deps.now });
  return { nonces, preparation, sending };
}

export type TransactionPipeline = ReturnType<typeof createTransactionPipeline>;
