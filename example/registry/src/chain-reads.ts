// What the page reads from the registry's chain itself, over the node's JSON-RPC (not through the
// wallet, which may be on another chain or not connected): the cap table, the governor's tally and a
// voter's ballot nonce. Calls made together go in one batched HTTP request.
import { createPublicClient, defineChain, http, zeroAddress, type Address, type PublicClient } from 'viem';
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

export function createChainReader(deployment: DeploymentInfo) {
  const chain = defineChain({
    id: deployment.chainId,
    name: deployment.chainName,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [deployment.rpcUrl] } },
  });
  const client: PublicClient = createPublicClient({ chain, transport: http(deployment.rpcUrl, { batch: true, retryCount: 1 }) });
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
  };
}

export type ChainReader = ReturnType<typeof createChainReader>;
