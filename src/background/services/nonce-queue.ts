// Nonces of the wallet's own transactions. The next nonce of an account is the larger of the chain's
// pending count and one past the highest nonce among the wallet's own pending transactions: the node may
// not have seen (or may have dropped) a transaction the wallet sent, and a nonce given twice would make
// one of the two transactions replace the other. Nonces are taken one at a time per network and account,
// and the sending step records its transaction before it lets the next one go, so requests that come
// together get consecutive nonces and a background restart continues after the recorded ones.
import type { JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import { highestPendingNonce } from '../storage/transaction-store';
import { nodeQuantity } from './node-quantity';

export interface NonceAccount {
  rpcUrl: string;
  /** 0x-hex, as the wallet stores it. */
  chainId: string;
  /** EIP-55, as the wallet stores it. */
  from: string;
}

export function createNonceQueue(deps: { db: WalletDatabase; rpc: JsonRpcClient }) {
  const { db, rpc } = deps;
  const tails = new Map<string, Promise<void>>();

  /** @throws JsonRpcError when the node refuses or cannot be reached. */
  async function next(account: NonceAccount): Promise<bigint> {
    const [counted, highest] = await Promise.all([
      rpc.request(account.rpcUrl, 'eth_getTransactionCount', [account.from, 'pending']),
      highestPendingNonce(db, account.chainId, account.from),
    ]);
    const chain = nodeQuantity(account.rpcUrl, counted, 'eth_getTransactionCount');
    return highest === undefined || chain > highest ? chain : highest + 1n;
  }

  return {
    /** The nonce the account's next transaction would get now (shown before approval; taken again at signing). */
    peek: next,

    /**
     * Runs `use` with the account's next nonce, after every earlier `use` of the same network and account
     * has finished. `use` must have recorded its transaction (or not used the nonce) when it settles.
     */
    withNextNonce<T>(account: NonceAccount, use: (nonce: bigint) => Promise<T>): Promise<T> {
      const key = `${account.chainId}/${account.from.toLowerCase()}`;
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(async () => use(await next(account)));
      const tail = run.then(() => undefined, () => undefined);
      tails.set(key, tail);
      void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
      return run;
    },
  };
}

export type NonceQueue = ReturnType<typeof createNonceQueue>;
