// The shares the wallet's accounts hold, read from each registry's chain and cached in IndexedDB.
// A refresh of one network is at most 2 HTTP requests whatever the number of accounts and tokens: the
// latest block, then ONE JSON-RPC batch of every account × token's calls, each token's total supply and,
// for restricted share tokens (ERC-3643, ERC-7943), the register's facts per account, pinned at that
// block, so all figures of a network are from the same block. What each token is (restricted or plain)
// is probed once per network and remembered (register-facts.ts); a token never probed has its probe
// sent in the same HTTP request as the block (then a batch), so recognising it costs no request of its
// own and its facts are read in the same refresh. A network a site added is read only for the accounts
// connected to that site, unless the user chose it (account-scope.ts).
import type { HoldingsView } from '../../protocol/holdings';
import { JsonRpcError, type JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import { readAllHoldings, writeProblem, writeReading, type ChainReading } from '../storage/holdings-store';
import type { StoredAccount, StoredChain, StoredToken } from '../storage/schema';
import { accountsReadableOn, type PermittedAccounts } from './account-scope';
import { HoldingsReadError, holdingsCalls, parseBlock, readHoldings } from './holdings-reads';
import { buildHoldingsView } from './holdings-view';
import type { RegisterFactsService, RegisterNetwork } from './register-facts';
import { registerHoldingsReads } from './register-holdings-reads';
import { withRegisterFacts } from './register-holdings-rows';

/** What a refresh needs of the register: the probes it sends with its block request, and forgetting a moved register. */
export type HoldingsRegisters = Pick<RegisterFactsService, 'probesAlong' | 'forget'>;

export interface HoldingsDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  /** The wallet's accounts; throws WalletError wrong-state while locked. */
  accounts: () => Promise<StoredAccount[]>;
  /** The accounts connected to a site: all a site-added network's node may be asked about. */
  permittedAccounts: PermittedAccounts;
  registers: HoldingsRegisters;
  now: () => number;
}

/** What went wrong, in words for the user: names the RPC and never carries anything secret. */
function failureMessage(chain: StoredChain, error: unknown): string {
  if (error instanceof HoldingsReadError) return error.message;
  if (error instanceof JsonRpcError) {
    // Transport failures already say "the node at <url> …"; a JSON-RPC error is the node's own words.
    return error.message.startsWith('the node at ') ? error.message : `the node at ${chain.rpcUrl} answered with an error: ${error.message}`;
  }
  return `reading the holdings from ${chain.rpcUrl} failed unexpectedly`;
}

export function createHoldingsService(deps: HoldingsDeps) {
  const { db, rpc } = deps;
  /** One refresh per network at a time: the latest one runs after the one in flight. */
  const inFlight = new Map<string, Promise<void>>();

  /** The latest block, with the probes of tokens never probed in the same request; then what is known of every token. */
  async function blockAndRegisters(network: RegisterNetwork, tokens: readonly StoredToken[]) {
    const url = network.rpcUrl;
    const blockCall = { method: 'eth_getBlockByNumber', params: ['latest', false] };
    const probes = await deps.registers.probesAlong(network, tokens.map((token) => token.address));
    if (probes.calls.length === 0) return { block: parseBlock(url, await rpc.request(url, blockCall.method, blockCall.params)), registers: probes.known };
    const [blockItem, ...probeItems] = await rpc.batch(url, [blockCall, ...probes.calls]);
    if (blockItem?.ok !== true) throw blockItem?.error ?? new HoldingsReadError(`the node at ${url} left eth_getBlockByNumber unanswered`);
    return { block: parseBlock(url, blockItem.result), registers: [...probes.known, ...await probes.remember(probeItems)] };
  }

  async function read(chain: StoredChain, tokens: StoredToken[], accounts: string[]): Promise<ChainReading> {
    const network = { chainId: chain.chainId, rpcUrl: chain.rpcUrl };
    const { block, registers } = await blockAndRegisters(network, tokens);
    const calls = holdingsCalls(tokens, accounts, block.number);
    const register = registerHoldingsReads(registers, accounts, block.number);
    const items = await rpc.batch(chain.rpcUrl, [...calls, ...register.calls]);
    const { rows, votesTokens, supplies } = readHoldings(chain.rpcUrl, tokens, accounts, items.slice(0, calls.length));
    const facts = register.read(items.slice(calls.length));
    // A token that names another identity registry than the one probed is probed afresh next time.
    await Promise.all(facts.tokens.filter((token) => token.movedIdentityRegistry !== undefined).map((token) => deps.registers.forget(network, token.token)));
    return {
      asOf: { blockNumber: BigInt(block.number).toString(), blockTime: block.time, fetchedAt: deps.now() },
      ...withRegisterFacts(rows, facts), votesTokens, supplies,
    };
  }

  /** Refreshes one network; a failure is recorded with the network, never thrown. */
  async function refreshNow(chainId: string): Promise<void> {
    const chain = await db.get('chains', chainId);
    if (chain === undefined) return;
    const tokens = (await db.getAll('tokens')).filter((token) => token.chainId === chainId);
    const readable = await accountsReadableOn(chain, await deps.accounts(), deps.permittedAccounts);
    const accounts = readable.map((account) => account.address);
    if (tokens.length === 0 || accounts.length === 0) return;
    let reading: ChainReading;
    try {
      reading = await read(chain, tokens, accounts);
    } catch (error) {
      if (!(error instanceof JsonRpcError) && !(error instanceof HoldingsReadError)) {
        // Only the kind: an unexpected error's text could hold anything.
        console.error('holdings refresh failed', error instanceof Error ? error.name : typeof error);
      }
      await writeProblem(db, chainId, { message: failureMessage(chain, error), at: deps.now() });
      return;
    }
    await writeReading(db, chainId, reading);
  }

  function refreshChain(chainId: string): Promise<void> {
    const previous = inFlight.get(chainId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => refreshNow(chainId));
    inFlight.set(chainId, next);
    void next.finally(() => { if (inFlight.get(chainId) === next) inFlight.delete(chainId); }).catch(() => undefined);
    return next;
  }

  async function view(): Promise<HoldingsView> {
    // The lock check and the reads at once: the popup's first screen waits on this answer.
    const [accounts, chains, tokens, records] = await Promise.all([deps.accounts(), db.getAll('chains'), db.getAll('tokens'), readAllHoldings(db)]);
    return buildHoldingsView({ chains, tokens, records, accounts });
  }

  return {
    /**
     * The cached holdings of the wallet's accounts, without touching the network.
     * @throws WalletError wrong-state while locked.
     */
    view,

    /**
     * Reads one network again (its failure is recorded with it, not thrown).
     * @throws WalletError wrong-state while locked.
     */
    refreshChain,

    /**
     * Reads every known network at once, then returns the view. A network that fails keeps its cached
     * figures and gets a `problem`; the call itself succeeds.
     * @throws WalletError wrong-state while locked.
     */
    async refresh(): Promise<HoldingsView> {
      await deps.accounts();
      const chains = await db.getAll('chains');
      await Promise.all(chains.map((chain) => refreshChain(chain.chainId)));
      return view();
    },
  };
}

export type HoldingsService = ReturnType<typeof createHoldingsService>;
