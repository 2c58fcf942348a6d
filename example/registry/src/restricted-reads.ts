// What the page reads about the restricted company (ERC-3643) from the registry's node: its cap table,
// with each holder's verified status in the token's identity registry and the shares the agent froze.
import { erc20Abi, zeroAddress, type Address, type PublicClient } from 'viem';
import type { RestrictedCompanyInfo } from './api-types';
import { identityRegistryAbi, restrictedTokenAbi } from './restricted-abi';

export interface RestrictedCapTableRow {
  holder: Address;
  /** In base units, frozen shares included. */
  balance: bigint;
  /** Shares the agent froze (`getFrozenTokens`): they cannot move. */
  frozen: bigint;
  /** The whole address is frozen (`isFrozen`): it can neither send nor receive. */
  addressFrozen: boolean;
  /** `isVerified` in the identity registry: only verified investors may receive shares. */
  verified: boolean;
}

export interface RestrictedCapTable {
  rows: RestrictedCapTableRow[];
  totalSupply: bigint;
  blockNumber: bigint;
}

export function createRestrictedReader(client: PublicClient, company: RestrictedCompanyInfo) {
  const token = { address: company.token.address, abi: erc20Abi } as const;
  const restricted = { address: company.token.address, abi: restrictedTokenAbi } as const;
  const registry = { address: company.identityRegistry, abi: identityRegistryAbi } as const;
  return {
    /**
     * Every address that ever received shares (the token's Transfer logs; T-REX mints emit them too),
     * with its balance, frozen shares and verified status now, largest holding first; holders whose
     * balance is back to zero are left out.
     */
    async capTable(): Promise<RestrictedCapTable> {
      const blockNumber = await client.getBlockNumber();
      const transfers = await client.getContractEvents({ ...token, eventName: 'Transfer', fromBlock: 0n, toBlock: blockNumber });
      const holders = [...new Set(transfers.map((log) => log.args.to).filter((to): to is Address => to !== undefined && to !== zeroAddress))];
      const [totalSupply, rows] = await Promise.all([
        client.readContract({ ...token, functionName: 'totalSupply', blockNumber }),
        Promise.all(holders.map(async (holder): Promise<RestrictedCapTableRow> => {
          const [balance, frozen, addressFrozen, verified] = await Promise.all([
            client.readContract({ ...token, functionName: 'balanceOf', args: [holder], blockNumber }),
            client.readContract({ ...restricted, functionName: 'getFrozenTokens', args: [holder], blockNumber }),
            client.readContract({ ...restricted, functionName: 'isFrozen', args: [holder], blockNumber }),
            client.readContract({ ...registry, functionName: 'isVerified', args: [holder], blockNumber }),
          ]);
          return { holder, balance, frozen, addressFrozen, verified };
        })),
      ]);
      return {
        rows: rows.filter((row) => row.balance > 0n).sort((a, b) => (a.balance === b.balance ? 0 : a.balance > b.balance ? -1 : 1)),
        totalSupply,
        blockNumber,
      };
    },
  };
}

export type RestrictedReader = ReturnType<typeof createRestrictedReader>;
