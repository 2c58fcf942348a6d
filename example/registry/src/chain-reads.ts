// What the page reads from the registry's chain itself, over the node's JSON-RPC (not through the
// wallet, which may be on another chain or not connected): the cap table, the governor's tally and a
// voter's ballot nonce. Calls made together go in one batched HTTP request.
import { createPublicClient, defineChain, http, zeroAddress, type Address, type Chain, type Hash, type PublicClient } from 'viem';
import { shareholderGovernorAbi, shareTokenAbi } from '../chain/abi';
import type { DeploymentInfo } from './api-types';

export interface CapTableRow {
  holder: Address;
  /** In base units. */
  balance: bigint;
  /** Current voting power (ERC20Votes `getVotes`), in base units. */
  votes: bigint;
}

export interface CapTable {
  rows: CapTableRow[];
  totalSupply: bigint;
  /** The block the figures were read at. */
  blockNumber: bigint;
}

export interface Tally {
  against: bigint;
  for: bigint;
  abstain: bigint;
}

/** The registry's chain as viem describes chains, for the clients and for the wallet's transactions. */
export function registryChain(deployment: DeploymentInfo): Chain {
  return defineChain({
    id: deployment.chainId,
    name: deployment.chainName,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [deployment.rpcUrl] } },
  });
}

/** A transaction as the chain recorded it. */
export interface MinedTransaction {
  status: 'success' | 'reverted';
  blockNumber: bigint;
  /** The transaction that was mined: the one sent, or the one that took its nonce. */
  hash: Hash;
  /**
   * Set when another transaction from the same account took its nonce (viem's words): `repriced` the
   * same call with higher fees (a speed-up), `cancelled` a 0-value transaction to oneself, `replaced` anything else.
   */
  replaced: 'repriced' | 'cancelled' | 'replaced' | undefined;
}

/** How often a receipt is asked for while a transaction waits to be mined (a local chain mines at once). */
const RECEIPT_POLL_MS = 500;

/** A batched JSON-RPC client of the registry's node, shared by the readers of both companies. */
export function registryChainClient(deployment: DeploymentInfo): PublicClient {
  return createPublicClient({
    chain: registryChain(deployment),
    transport: http(deployment.rpcUrl, { batch: true, retryCount: 1 }),
    pollingInterval: RECEIPT_POLL_MS,
    // viem caches the block number for cacheTime (by default the polling interval): a cap table re-read
    // right after a transaction is mined must read at the new block, not at one remembered from before.
    cacheTime: 0,
  });
}

export function createChainReader(deployment: DeploymentInfo, client: PublicClient = registryChainClient(deployment)) {
  const token = { address: deployment.token.address, abi: shareTokenAbi } as const;
  const governor = { address: deployment.governor.address, abi: shareholderGovernorAbi } as const;

  return {
    /**
     * Every address that ever received shares (from the token's Transfer logs) with its balance and
     * votes now, largest holding first; holders whose balance is back to zero are left out.
     */
    async capTable(): Promise<CapTable> {
      const blockNumber = await client.getBlockNumber();
      const transfers = await client.getContractEvents({ ...token, eventName: 'Transfer', fromBlock: 0n, toBlock: blockNumber });
      const holders = [...new Set(transfers.map((log) => log.args.to).filter((to): to is Address => to !== undefined && to !== zeroAddress))];
      const [totalSupply, rows] = await Promise.all([
        client.readContract({ ...token, functionName: 'totalSupply', blockNumber }),
        Promise.all(holders.map(async (holder) => {
          const [balance, votes] = await Promise.all([
            client.readContract({ ...token, functionName: 'balanceOf', args: [holder], blockNumber }),
            client.readContract({ ...token, functionName: 'getVotes', args: [holder], blockNumber }),
          ]);
          return { holder, balance, votes };
        })),
      ]);
      return {
        rows: rows.filter((row) => row.balance > 0n).sort((a, b) => (a.balance === b.balance ? 0 : a.balance > b.balance ? -1 : 1)),
        totalSupply,
        blockNumber,
      };
    },

    /** The governor's `proposalVotes(id)`. */
    async tally(proposalId: bigint): Promise<Tally> {
      const [against, inFavour, abstain] = await client.readContract({ ...governor, functionName: 'proposalVotes', args: [proposalId] });
      return { against, for: inFavour, abstain };
    },

    /** The voter's next ballot nonce on the governor (`nonces(voter)`), part of what the wallet signs. */
    ballotNonce(voter: Address): Promise<bigint> {
      return client.readContract({ ...governor, functionName: 'nonces', args: [voter] });
    },

    /**
     * Waits until the transaction the wallet sent (or one that replaced it) is mined, asking the
     * registry's own node, not the wallet. No time limit: a slow transaction is the wallet's to speed up
     * or cancel, and the page keeps waiting as long as it is open.
     */
    async mined(hash: Hash): Promise<MinedTransaction> {
      let replaced: MinedTransaction['replaced'];
      const receipt = await client.waitForTransactionReceipt({ hash, timeout: 0, onReplaced: ({ reason }) => { replaced = reason; } });
      return { status: receipt.status, blockNumber: receipt.blockNumber, hash: receipt.transactionHash, replaced };
    },
  };
}

export type ChainReader = ReturnType<typeof createChainReader>;
