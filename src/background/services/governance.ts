// The voting centre's background (issue 14): the governors the wallet knows (added by the user, or learned
// from a site's vote request), their proposals read from the chain's logs and cached with the last block
// read, each account's votes and delegation, and the facts a vote request is put in words with.
// A network a site added is read only for the accounts connected to that site (account-scope.ts): a
// VoteCast filter or a getVotes call names the account to the node.
import { toChecksumAddress } from '../../core';
import type { ChainNow } from '../../core/governance/clock';
import type { GovernorRef, VoteFactsView, VotesView } from '../../protocol/governance';
import { WalletError } from '../errors';
import { JsonRpcError, type JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredGovernor } from '../storage/governance-schema';
import { deleteGovernor, getGovernor, listGovernors, putGovernor, updateGovernor } from '../storage/governance-store';
import type { StoredAccount, StoredChain } from '../storage/schema';
import { accountsReadableOn, type PermittedAccounts } from './account-scope';
import { GovernanceReadError } from './governance-calls';
import { NotAGovernorError, probeGovernor } from './governance-probe';
import { refreshFailure, refreshGovernor, type GovernorRefreshDeps } from './governance-refresh';
import type { GovernanceService } from './governance-service';
import { latestBlock, readVoteFacts } from './governance-vote-facts';
import { buildVotesView } from './governance-view';

export interface GovernanceDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  /** The networks the user added (the chains service's get). */
  chains: { get(chainId: string): Promise<StoredChain | undefined> };
  /** The wallet's accounts; throws WalletError wrong-state while locked. */
  accounts: () => Promise<StoredAccount[]>;
  permittedAccounts: PermittedAccounts;
  now: () => number;
}

const keyOf = (ref: GovernorRef) => ({ chainId: ref.chainId, address: toChecksumAddress(ref.address) });
const where = (address: string, chain: StoredChain) => `${address} on ${chain.name}`;

export function createGovernanceService(deps: GovernanceDeps): GovernanceService {
  const { db } = deps;
  const refreshDeps: GovernorRefreshDeps = { db, rpc: deps.rpc, now: deps.now, spans: new Map() };
  /** One refresh per governor at a time: a later one runs after the one in flight. */
  const inFlight = new Map<string, Promise<void>>();

  async function view(): Promise<VotesView> {
    await deps.accounts();
    const [governors, proposals, chains] = await Promise.all([listGovernors(db), db.getAll('proposals'), db.getAll('chains')]);
    return buildVotesView(governors, proposals, chains);
  }

  /** The chain's latest block, or the governors' problem when the node cannot give it. */
  async function refreshChain(chainId: string, governors: readonly StoredGovernor[], accounts: readonly StoredAccount[]): Promise<void> {
    const chain = await deps.chains.get(chainId);
    if (chain === undefined) return;
    const voters = (await accountsReadableOn(chain, accounts, deps.permittedAccounts)).map((account) => account.address);
    let latest: ChainNow;
    try {
      latest = await latestBlock(refreshDeps, chain.rpcUrl);
    } catch (error) {
      if (!(error instanceof JsonRpcError) && !(error instanceof GovernanceReadError)) throw error;
      const problem = { message: refreshFailure(chain, error), at: deps.now() };
      await Promise.all(governors.map((governor) => updateGovernor(db, governor, (current) => ({ ...current, problem }))));
      return;
    }
    await Promise.all(governors.map((governor) => {
      const key = `${governor.chainId} ${governor.address}`;
      const previous = inFlight.get(key) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(async () => {
        const current = await getGovernor(db, governor);
        if (current !== undefined) await refreshGovernor(refreshDeps, current, chain, voters, latest);
      });
      inFlight.set(key, next);
      void next.finally(() => { if (inFlight.get(key) === next) inFlight.delete(key); }).catch(() => undefined);
      return next;
    }));
  }

  async function refreshAll(only?: (governor: StoredGovernor) => boolean): Promise<void> {
    const accounts = await deps.accounts();
    const governors = (await listGovernors(db)).filter((governor) => only?.(governor) ?? true);
    const chainIds = [...new Set(governors.map((governor) => governor.chainId))];
    await Promise.all(chainIds.map((chainId) => refreshChain(chainId, governors.filter((governor) => governor.chainId === chainId), accounts)));
  }

  /**
   * The governor `ref` as its contract describes itself.
   * @throws WalletError invalid-params for an unknown network or a contract that is not a Governor; the node's error when it failed.
   */
  async function probe(ref: GovernorRef) {
    const chain = await deps.chains.get(ref.chainId);
    if (chain === undefined) throw new WalletError('invalid-params', `the wallet does not know the network ${ref.chainId}: add it first`);
    const address = toChecksumAddress(ref.address);
    try {
      return { chain, address, facts: await probeGovernor(deps.rpc, chain.rpcUrl, address, where(address, chain)) };
    } catch (error) {
      if (error instanceof NotAGovernorError) throw new WalletError('invalid-params', error.message);
      if (error instanceof JsonRpcError || error instanceof GovernanceReadError) {
        throw new WalletError('invalid-params', `could not read ${where(address, chain)}: ${refreshFailure(chain, error)}`);
      }
      throw error;
    }
  }

  async function remember(ref: GovernorRef, learnedFrom: StoredGovernor['learnedFrom']): Promise<StoredGovernor> {
    const { address, facts } = await probe(ref);
    const governor: StoredGovernor = { schema: 1, chainId: ref.chainId, address, ...facts, learnedFrom, remindersOn: false, addedAt: deps.now() };
    await putGovernor(db, governor);
    return governor;
  }

  return {
    view,

    async refresh() {
      await refreshAll();
      return view();
    },

    async add(ref) {
      await deps.accounts();
      const key = keyOf(ref);
      const known = await getGovernor(db, key);
      if (known === undefined) await remember(ref, { kind: 'user' });
      else await putGovernor(db, { ...known, learnedFrom: { kind: 'user' } });
      // Read at once, so the screen shows its proposals; a failure here is the governor's problem, not the add's.
      await refreshAll((governor) => governor.chainId === key.chainId && governor.address === key.address);
      return view();
    },

    async remove(ref) {
      await deps.accounts();
      await deleteGovernor(db, keyOf(ref));
      return view();
    },

    async setReminders(ref) {
      await deps.accounts();
      const key = keyOf(ref);
      const known = await updateGovernor(db, key, (current) => ({ ...current, remindersOn: ref.on }));
      if (!known) throw new WalletError('invalid-params', `the wallet does not know the governor ${key.address} on ${key.chainId}`);
      return view();
    },

    async learn(ref, origin) {
      try {
        if (await getGovernor(db, keyOf(ref)) !== undefined) return;
        await remember(ref, { kind: 'site', origin });
      } catch {
        // Not a Governor, or the node failed: nothing is learned (learn never throws).
      }
    },

    async voteFacts(ref, proposalId, voter): Promise<VoteFactsView> {
      const key = keyOf(ref);
      const ids = { chainId: key.chainId, governor: key.address, proposalId: proposalId.toString() };
      const chain = await deps.chains.get(key.chainId);
      if (chain === undefined) return { kind: 'unchecked', ...ids, message: `the wallet does not know the network ${key.chainId}` };
      let governor = await getGovernor(db, key);
      if (governor === undefined) {
        try {
          const { facts } = await probe(key);
          // Read for this request only: the governor is remembered by learn(), which knows the asking site.
          governor = { schema: 1, ...key, ...facts, learnedFrom: { kind: 'site', origin: '' }, remindersOn: false, addedAt: deps.now() };
        } catch (error) {
          return { kind: 'unchecked', ...ids, message: error instanceof Error ? error.message : 'the governor could not be read' };
        }
      }
      return readVoteFacts(refreshDeps, chain, governor, proposalId, voter);
    },
  };
}
