// Builds what the popup shows from the cache alone: no network, so it is instant on every open.
import type { AccountHoldingView, AccountRegisterView, ChainHoldingsStatus, HoldingsView, TokenHoldingsView } from '../../protocol/holdings';
import type { StoredAccount, StoredChain, StoredChainHoldings, StoredHoldingRow, StoredRegisterFacts, StoredToken } from '../storage/schema';

const key = (token: string, account: string) => `${token.toLowerCase()} ${account.toLowerCase()}`;

function chainOrder(a: StoredChain | undefined, b: StoredChain | undefined, aId: string, bId: string): number {
  return (a?.name ?? aId).localeCompare(b?.name ?? bId) || aId.localeCompare(bId);
}

function registerView(facts: StoredRegisterFacts): AccountRegisterView {
  const { frozenTokens, ...flags } = facts;
  return { ...(frozenTokens === undefined ? {} : { frozen: frozenTokens }), ...flags };
}

function status(chain: StoredChain, record: StoredChainHoldings | undefined): ChainHoldingsStatus {
  return {
    chainId: chain.chainId, name: chain.name, userChosen: chain.userChosen === true,
    ...(chain.addedBy === undefined ? {} : { addedBy: chain.addedBy }),
    ...(record?.asOf === undefined ? {} : { asOf: { ...record.asOf } }),
    ...(record?.problem === undefined ? {} : { problem: { ...record.problem } }),
  };
}

/**
 * The holdings of the wallet's current `accounts` (in index order): one entry per known token, ordered by
 * network then token name; an account without a cached row is left out of that token's rows.
 */
export function buildHoldingsView(input: {
  chains: readonly StoredChain[];
  tokens: readonly StoredToken[];
  records: readonly StoredChainHoldings[];
  accounts: readonly StoredAccount[];
}): HoldingsView {
  const chains = new Map(input.chains.map((chain) => [chain.chainId, chain]));
  const records = new Map(input.records.map((record) => [record.chainId, record]));
  const accounts = [...input.accounts].sort((a, b) => a.index - b.index);
  const tokens = [...input.tokens].sort((a, b) =>
    (a.chainId === b.chainId ? 0 : chainOrder(chains.get(a.chainId), chains.get(b.chainId), a.chainId, b.chainId))
    || a.name.localeCompare(b.name) || a.address.localeCompare(b.address));

  // Each network's rows by token and account, indexed once: the view is linear in the cached rows.
  const rowsByChain = new Map([...records].map(([chainId, record]) =>
    [chainId, new Map(record.rows.map((row) => [key(row.token, row.account), row]))]));
  const views = tokens.map((token): TokenHoldingsView => {
    const record = records.get(token.chainId);
    const rows = rowsByChain.get(token.chainId) ?? new Map<string, StoredHoldingRow>();
    const hasVotes = record?.votesTokens.some((address) => address.toLowerCase() === token.address.toLowerCase()) ?? false;
    const register = record?.registerTokens?.find((restricted) => restricted.token.toLowerCase() === token.address.toLowerCase());
    const shown = accounts.flatMap((account): AccountHoldingView[] => {
      const row = rows.get(key(token.address, account.address));
      if (row === undefined) return [];
      const holding: AccountHoldingView = hasVotes && row.votes !== undefined && row.delegate !== undefined
        ? { address: account.address, balance: row.balance, votes: row.votes, delegate: row.delegate }
        : { address: account.address, balance: row.balance };
      return [register !== undefined && row.register !== undefined ? { ...holding, register: registerView(row.register) } : holding];
    });
    return {
      token: { chainId: token.chainId, address: token.address, name: token.name, symbol: token.symbol, decimals: token.decimals },
      chainName: chains.get(token.chainId)?.name ?? token.chainId,
      hasVotes,
      accounts: shown,
      total: shown.reduce((sum, row) => sum + BigInt(row.balance), 0n).toString(),
      ...(register === undefined ? {} : { register: { standard: register.standard, ...(register.paused === undefined ? {} : { paused: register.paused }) } }),
    };
  });
  const chainList = [...input.chains].sort((a, b) => chainOrder(a, b, a.chainId, b.chainId));
  return { tokens: views, chains: chainList.map((chain) => status(chain, records.get(chain.chainId))) };
}
