// The networks the user added, and read-only JSON-RPC forwarded to a site's chain.
import type { ChainView } from '../../protocol/approvals';
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { JsonRpcError, type JsonRpcClient } from '../platform/json-rpc';
import { rpcErrors } from '../rpc-error';
import type { WalletDatabase } from '../storage/database';
import type { StoredChain } from '../storage/schema';

/** Calls a site may make that only read the chain; they go to the site's chain without a prompt. */
export const READ_ONLY_METHODS: ReadonlySet<string> = new Set([
  'eth_blockNumber', 'eth_call', 'eth_estimateGas', 'eth_feeHistory', 'eth_gasPrice', 'eth_getBalance',
  'eth_getBlockByHash', 'eth_getBlockByNumber', 'eth_getCode', 'eth_getLogs', 'eth_getStorageAt',
  'eth_getTransactionByHash', 'eth_getTransactionCount', 'eth_getTransactionReceipt', 'eth_maxPriorityFeePerGas',
]);

/** The network's RPC did not confirm the chain id a site gave for it. */
export class ChainNotConfirmedError extends Error {
  override readonly name = 'ChainNotConfirmedError';
  constructor(readonly chainId: string, readonly detail: string) {
    super(`the RPC did not confirm chain id ${chainId}`);
  }
}

export function createChainService(deps: { db: WalletDatabase; rpc: JsonRpcClient; now: () => number }) {
  const { db, rpc } = deps;

  return {
    get(chainId: string): Promise<StoredChain | undefined> {
      return db.get('chains', chainId);
    },

    /**
     * Checks that the network's RPC answers the chain id it claims (EIP-3085 §Security considerations).
     * Call it only after the user approved the network: it contacts a URL a site chose.
     * @throws ChainNotConfirmedError, whose `detail` (the node's words) is for the user, never the page.
     */
    async verify(chain: ChainView): Promise<void> {
      let answered: unknown;
      try {
        answered = await rpc.request(chain.rpcUrl, 'eth_chainId');
      } catch (error) {
        throw new ChainNotConfirmedError(chain.chainId, error instanceof JsonRpcError ? error.message : 'the RPC could not be reached');
      }
      // A chain id is at most 64 hex digits (uint256); a longer answer is refused before BigInt reads it.
      if (typeof answered !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(answered) || BigInt(answered) !== BigInt(chain.chainId)) {
        throw new ChainNotConfirmedError(chain.chainId, `the RPC at ${chain.rpcUrl} answers chain id ${String(answered).slice(0, 80)}, not ${chain.chainId}`);
      }
    },

    /**
     * Stores the network whose RPC URL the site at `addedBy` gave. A choice the user made for an earlier
     * record of this chain is not kept: it was a choice to read all accounts through the earlier node.
     */
    async add(chain: ChainView, addedBy: string): Promise<void> {
      await db.put('chains', { ...chain, addedAt: deps.now(), addedBy });
    },

    /** The user chose, in the popup, to read all their accounts on `chainId`; undefined for an unknown network. */
    async choose(chainId: string): Promise<StoredChain | undefined> {
      const chain = await db.get('chains', chainId);
      if (chain === undefined) return undefined;
      const chosen: StoredChain = { ...chain, userChosen: true };
      await db.put('chains', chosen);
      return chosen;
    },

    /**
     * Forwards a read-only call to `chainId`'s RPC.
     * @throws ProviderRpcError 4901 when the wallet has no RPC for that chain; the node's error otherwise.
     */
    async forward(chainId: string, method: string, params: unknown): Promise<unknown> {
      const chain = await db.get('chains', chainId);
      if (chain === undefined) {
        throw new ProviderRpcError(ErrorCode.chainDisconnected, `${method}: the wallet has no RPC for chain ${chainId}; add the network with wallet_addEthereumChain`);
      }
      if (params !== undefined && !Array.isArray(params)) throw rpcErrors.invalidParams(`${method}: params must be an array`);
      try {
        return await rpc.request(chain.rpcUrl, method, params ?? []);
      } catch (error) {
        if (error instanceof JsonRpcError) throw new ProviderRpcError(error.code, error.message, error.data);
        throw error;
      }
    },
  };
}

export type ChainService = ReturnType<typeof createChainService>;
