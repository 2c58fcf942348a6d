// Recovery discovery: after a restore, finds the accounts the phrase has used on the known networks and
// adds them. BIP-44 §Account discovery: scan indexes in order and stop after a gap of 20 unused ones
// after the last used one. An index is used when, on any network, its native balance, its nonce or its
// balance of one of that network's known tokens is not zero. One JSON-RPC batch per network per window.
// Only networks the user chose in the popup are scanned: a site's node would otherwise learn every
// address of the phrase (account-scope.ts). One run adds at most MAX_ACCOUNTS_PER_DISCOVERY accounts,
// then stops and says where, so the user decides whether to keep looking.
import type { DiscoveryView } from '../../protocol/holdings';
import { JsonRpcError, type BatchItem, type JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredChain, StoredToken } from '../storage/schema';
import { tokenCall, uintAnswer } from './holdings-reads';

/** BIP-44 gap limit, also the size of a scanned window. */
export const GAP_LIMIT = 20;

/**
 * A node decides what "used" means: one that answers non-zero for every address would make discovery add
 * accounts without end (a review saw 1,000 added in 1.2 s). A shareholder with more than 50 used accounts
 * on one phrase is rare, and for them "Keep looking" goes on from where a run stopped, 50 at a time.
 */
export const MAX_ACCOUNTS_PER_DISCOVERY = 50;

export interface DiscoveryOptions {
  /** Only these networks (each still only if the user chose it); all the user chose when absent. */
  chainIds?: readonly string[];
  /** The account index to start at: 0, or a stopped run's `stoppedAt` to keep looking from there. */
  from?: number;
}

export interface DiscoveryDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  /** The wallet's accounts; throws WalletError wrong-state while locked. */
  accounts: () => Promise<readonly { index: number }[]>;
  /** Derives an account's address without adding it; throws WalletError wrong-state while locked. */
  deriveAddress: (index: number) => Promise<string>;
  /** Adds the accounts with these indexes that the wallet lacks; returns the ones it added. */
  addAccounts: (indexes: readonly number[]) => Promise<number[]>;
}

class UnusableAnswer extends Error {
  override readonly name = 'UnusableAnswer';
}

/** A quantity answer (eth_getBalance, eth_getTransactionCount) is non-zero. */
function nonZeroQuantity(url: string, item: BatchItem | undefined, what: string): boolean {
  if (item?.ok !== true || typeof item.result !== 'string' || !/^0x[0-9a-fA-F]+$/.test(item.result)) {
    throw new UnusableAnswer(`the node at ${url} ${item?.ok === false ? `refused ${what}: ${item.error.message}` : `answered ${what} with something that is not a number`}`);
  }
  return BigInt(item.result) !== 0n;
}

/** Which of `addresses` are used on `chain`, from one batch. */
async function usedOn(rpc: JsonRpcClient, chain: StoredChain, tokens: readonly StoredToken[], addresses: readonly string[]): Promise<boolean[]> {
  const perAddress = 2 + tokens.length;
  const calls = addresses.flatMap((address) => [
    { method: 'eth_getBalance', params: [address, 'latest'] },
    { method: 'eth_getTransactionCount', params: [address, 'latest'] },
    ...tokens.map((token) => tokenCall('balanceOf', token.address, address, 'latest')),
  ]);
  const items = await rpc.batch(chain.rpcUrl, calls);
  return addresses.map((_address, a) => {
    const base = a * perAddress;
    const native = nonZeroQuantity(chain.rpcUrl, items[base], 'eth_getBalance');
    const nonce = nonZeroQuantity(chain.rpcUrl, items[base + 1], 'eth_getTransactionCount');
    const shares = tokens.some((token, t) => {
      const balance = uintAnswer(items[base + 2 + t]);
      if (balance === undefined) throw new UnusableAnswer(`the node at ${chain.rpcUrl} answered balanceOf of ${token.symbol} (${token.address}) with something that is not a balance`);
      return balance !== '0';
    });
    return native || nonce || shares;
  });
}

function reason(error: unknown, chain: StoredChain): string {
  if (error instanceof JsonRpcError || error instanceof UnusableAnswer) return error.message;
  console.error('discovery failed on a network', error instanceof Error ? error.name : typeof error);
  return `reading ${chain.rpcUrl} failed unexpectedly`;
}

export function createDiscoveryService(deps: DiscoveryDeps) {
  const { db, rpc } = deps;

  return {
    /**
     * Scans accounts `from`, `from` + 1, … on the networks the user chose (or only those of `chainIds`)
     * and adds every used one, stopping once it added MAX_ACCOUNTS_PER_DISCOVERY (`stoppedAt` then says
     * where to go on). A network that fails is listed in `unreachable` and not read again; what it
     * answered before stays.
     * @throws WalletError wrong-state while locked.
     */
    async discover(options: DiscoveryOptions = {}): Promise<DiscoveryView> {
      const { chainIds, from = 0 } = options;
      const chains = (await db.getAll('chains')).filter((chain) =>
        chain.userChosen === true && (chainIds === undefined || chainIds.includes(chain.chainId)));
      const tokens = await db.getAll('tokens');
      const unreachable = new Map<string, string>();
      const known = new Set((await deps.accounts()).map((account) => account.index));
      const used: number[] = [];
      let newlyUsed = 0;
      let stoppedAt: number | undefined;
      // Going on from a stopped run: the account before `from` was used, so the gap counts from there.
      let lastUsed = from - 1;
      let start = from;
      scan: while (chains.length > 0 && start <= lastUsed + GAP_LIMIT) {
        // Only as far as the gap allows: an index past lastUsed + 20 is never looked at.
        const end = Math.min(start + GAP_LIMIT, lastUsed + GAP_LIMIT + 1);
        const indexes = Array.from({ length: end - start }, (_, i) => start + i);
        const addresses: string[] = [];
        for (const index of indexes) addresses.push(await deps.deriveAddress(index));
        const reachable = chains.filter((chain) => !unreachable.has(chain.chainId));
        if (reachable.length === 0) break;
        const answers = await Promise.all(reachable.map(async (chain) => {
          try {
            return await usedOn(rpc, chain, tokens.filter((token) => token.chainId === chain.chainId), addresses);
          } catch (error) {
            unreachable.set(chain.chainId, reason(error, chain));
            return [];
          }
        }));
        for (const [i, index] of indexes.entries()) {
          if (!answers.some((perChain) => perChain[i] === true)) continue;
          used.push(index);
          lastUsed = index;
          if (!known.has(index)) newlyUsed += 1;
          if (newlyUsed === MAX_ACCOUNTS_PER_DISCOVERY) {
            stoppedAt = index + 1;
            break scan;
          }
        }
        start = end;
      }
      const added = used.length === 0 ? [] : await deps.addAccounts(used);
      return {
        added,
        unreachable: chains.flatMap(({ chainId }) => {
          const message = unreachable.get(chainId);
          return message === undefined ? [] : [{ chainId, message }];
        }),
        ...(stoppedAt === undefined ? {} : { stoppedAt }),
      };
    },
  };
}

export type DiscoveryService = ReturnType<typeof createDiscoveryService>;
