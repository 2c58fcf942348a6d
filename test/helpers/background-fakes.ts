// Fakes for the background's platform: an in-memory session, a recording lock timer and a settable clock.
import 'fake-indexeddb/auto';
import type { Storage } from 'webextension-polyfill';
import type { LockTimer } from '../../src/background/platform/lock-timer';
import type { SessionStore, UnlockedSession } from '../../src/background/platform/session';
import { createJsonRpcClient, type Fetch } from '../../src/background/platform/json-rpc';
import { createChainService } from '../../src/background/services/chains';
import { createDiscoveryService } from '../../src/background/services/discovery';
import { createVoteFactsService } from '../../src/background/services/vote-facts';
import { createGovernanceService } from '../../src/background/services/governance';
import { createHoldingsService } from '../../src/background/services/holdings';
import type { ApprovalService } from '../../src/background/services/approvals';
import { createRegisterCheckService } from '../../src/background/services/register-check';
import { createRegisterFacts } from '../../src/background/services/register-facts';
import type { JsonRpcClient } from '../../src/background/platform/json-rpc';
import { createSiteService } from '../../src/background/services/sites';
import { createTokenManager } from '../../src/background/services/token-manager';
import { createTokenService } from '../../src/background/services/tokens';
import { createTransactionPipeline } from '../../src/background/services/transaction-pipeline';
import { createTransactionReplacement } from '../../src/background/services/transaction-replacement';
import { createTransactionWatcher, type Scheduler } from '../../src/background/services/transaction-watcher';
import type { WatchAlarm } from '../../src/background/platform/transaction-alarm';
import { listSentTransactions } from '../../src/background/storage/transaction-store';
import { createPopupLanding } from '../../src/background/platform/popup-landing';
import type { WalletService } from '../../src/background/services/wallet';
import { openWalletDatabase, type WalletDatabase } from '../../src/background/storage/database';

export function createFakeSession(): SessionStore & { current: UnlockedSession | undefined } {
  const fake = {
    current: undefined as UnlockedSession | undefined,
    get: () => Promise.resolve(fake.current === undefined ? undefined : { ...fake.current }),
    set: (session: UnlockedSession) => { fake.current = { ...session }; return Promise.resolve(); },
    clear: () => { fake.current = undefined; return Promise.resolve(); },
  };
  return fake;
}

export function createFakeLockTimer(): LockTimer & { when: number | undefined } {
  const fake = {
    when: undefined as number | undefined,
    schedule: (when: number) => { fake.when = when; return Promise.resolve(); },
    cancel: () => { fake.when = undefined; return Promise.resolve(); },
  };
  return fake;
}

export function createClock(start = 1_800_000_000_000) {
  const clock = { time: start, now: () => clock.time, advance: (ms: number) => { clock.time += ms; } };
  return clock;
}

/** The watcher's alarm as the browser would hold it: on or off, and how many times it was started. */
export function createFakeWatchAlarm(): WatchAlarm & { on: boolean; starts: number } {
  const fake = {
    on: false,
    starts: 0,
    start: () => { fake.on = true; fake.starts += 1; return Promise.resolve(); },
    stop: () => { fake.on = false; return Promise.resolve(); },
  };
  return fake;
}

/** A scheduler whose timers run only when the test says so (`runDue`), never by the wall clock. */
export function createManualScheduler(): { schedule: Scheduler; due: number; runDue: () => void } {
  let timers: { ms: number; run: () => void }[] = [];
  return {
    schedule: (ms, run) => {
      const timer = { ms, run };
      timers.push(timer);
      return () => { timers = timers.filter((other) => other !== timer); };
    },
    get due() { return timers.length; },
    runDue: () => {
      const now = timers;
      timers = [];
      for (const timer of now) timer.run();
    },
  };
}

let counter = 0;

/** A fresh database per test (fake-indexeddb keeps databases for the life of the process). */
export function freshDatabase(): Promise<WalletDatabase> {
  counter += 1;
  return openWalletDatabase(`test-wallet-${counter}-${Math.random().toString(36).slice(2)}`);
}

/**
 * The real holdings, discovery, token and sent-transaction services wired as the background wires them, over `fetch`
 * (a fake node, or Node's fetch to a real one).
 */
export function createHoldingsParts(deps: { db: WalletDatabase; wallet: WalletService; fetch: Fetch; now: () => number; timeoutMs?: number }) {
  const { db, wallet, now } = deps;
  const rpc = createJsonRpcClient(deps.fetch, deps.timeoutMs);
  const chains = createChainService({ db, rpc, now });
  const tokens = createTokenService({ db, chains, now });
  const accounts = () => wallet.accounts();
  const sites = createSiteService({ db, now });
  const registers = createRegisterFacts({ db, rpc, now });
  const holdings = createHoldingsService({ db, rpc, accounts, permittedAccounts: (origin) => sites.permittedAccounts(origin), registers, now });
  const discovery = createDiscoveryService({
    db, rpc, accounts, deriveAddress: (index) => wallet.deriveAddress(index), addAccounts: (indexes) => wallet.addAccounts(indexes),
  });
  const tokenManager = createTokenManager({ db, chains, tokens, holdings, discovery, accounts });
  const watcher = createTransactionWatcher({
    db, rpc, alarm: createFakeWatchAlarm(), schedule: createManualScheduler().schedule, settled: () => Promise.resolve(),
  });
  const replacement = createTransactionReplacement({ db, rpc, wallet, watcher, now });
  const sentTransactions = { ...replacement, list: () => listSentTransactions(db) };
  const transactions = createTransactionPipeline({ db, rpc, chains, tokens, wallet, onSent: (stored) => { void watcher.track(stored); }, now });
  const landing = createPopupLanding(createFakeStorageArea(), now);
  return { rpc, chains, tokens, holdings, discovery, tokenManager, sentTransactions, transactions, landing, newId: () => crypto.randomUUID() };
}

/** The register's transfer check over the node the holdings parts use, for a router built in a test. */
export function createRegisterCheckPart(deps: {
  db: WalletDatabase; approvals: Pick<ApprovalService, 'pending'>; chains: ReturnType<typeof createChainService>; rpc: JsonRpcClient; now: () => number;
}) {
  return createRegisterCheckService({ approvals: deps.approvals, chains: deps.chains, register: createRegisterFacts(deps) });
}

/** The voting centre over the node the holdings parts use, for a router built in a test. */
export function createGovernancePart(deps: {
  db: WalletDatabase; wallet: Pick<WalletService, 'accounts'>; chains: ReturnType<typeof createChainService>; rpc: JsonRpcClient; now: () => number;
}) {
  const sites = createSiteService({ db: deps.db, now: deps.now });
  return createGovernanceService({
    db: deps.db, rpc: deps.rpc, chains: deps.chains, accounts: () => deps.wallet.accounts(),
    permittedAccounts: (origin) => sites.permittedAccounts(origin), now: deps.now,
  });
}

/** The voting centre and the vote facts of the approvals over it, for a router built in a test. */
export function createVotingParts(deps: Parameters<typeof createGovernancePart>[0] & { approvals: Pick<ApprovalService, 'pending'>; ownOrigin: string }) {
  const governance = createGovernancePart(deps);
  return { governance, voteFacts: createVoteFactsService({ approvals: deps.approvals, governance, ownOrigin: deps.ownOrigin }) };
}

/** A `storage.session` of a map: what the background keeps there, without a browser. */
export function createFakeStorageArea(): Pick<Storage.StorageArea, 'get' | 'set' | 'remove'> & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: (key) => Promise.resolve(typeof key === 'string' && items.has(key) ? { [key]: items.get(key) } : {}),
    set: (values) => { for (const [key, value] of Object.entries(values)) items.set(key, value); return Promise.resolve(); },
    remove: (key) => { for (const each of typeof key === 'string' ? [key] : key) items.delete(each); return Promise.resolve(); },
  };
}
