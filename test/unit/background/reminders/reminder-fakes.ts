// Fakes for the vote reminders: the browser's alarms, notifications and permissions (what outlives a
// background restart), and a GovernanceService whose cached and refreshed views a test sets.
import type { Alarms, Notifications } from 'webextension-polyfill';
import type { ReminderAlarmsApi } from '../../../../src/background/platform/reminder-alarms';
import type { ReminderNotificationsApi } from '../../../../src/background/platform/reminder-notifications';
import type { GovernanceService } from '../../../../src/background/services/governance-service';
import type { AccountVoteView, CompanyVotesView, ProposalView, VotesView } from '../../../../src/protocol/governance';

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export const NOW = 1_800_000_000_000;
export const CHAIN = '0x7a69';
export const GOVERNOR = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

export function fakeAlarms() {
  const alarms = new Map<string, Alarms.Alarm>();
  const api: ReminderAlarmsApi = {
    create: (nameOrInfo: string | undefined | Alarms.CreateAlarmInfoType, maybeInfo?: Alarms.CreateAlarmInfoType) => {
      const key = typeof nameOrInfo === 'string' ? nameOrInfo : '';
      const info = typeof nameOrInfo === 'object' ? nameOrInfo : maybeInfo ?? {};
      const at = info.when ?? NOW + (info.delayInMinutes ?? 0) * 60_000;
      alarms.set(key, { name: key, scheduledTime: at, ...(info.periodInMinutes === undefined ? {} : { periodInMinutes: info.periodInMinutes }) });
      return Promise.resolve();
    },
    clear: (name) => Promise.resolve(alarms.delete(name ?? '')),
    get: (name) => Promise.resolve(alarms.get(name ?? '')),
    getAll: () => Promise.resolve([...alarms.values()]),
  };
  /** The alarms whose names start with `prefix`, name to time. */
  const named = (prefix: string): Record<string, number> =>
    Object.fromEntries([...alarms.values()].filter((alarm) => alarm.name.startsWith(prefix)).map((alarm) => [alarm.name, alarm.scheduledTime]));
  return { alarms, api, named };
}

export function fakeNotifications() {
  const shown = new Map<string, Notifications.CreateNotificationOptions>();
  const created: { id: string; title: string; message: string }[] = [];
  const api: ReminderNotificationsApi = {
    create: (id, options) => {
      shown.set(id, options);
      created.push({ id, title: options.title, message: options.message });
      return Promise.resolve(id);
    },
    clear: (id) => Promise.resolve(shown.delete(id)),
  };
  return { api, shown, created };
}

export function fakePermissions(granted: boolean) {
  const state = { granted };
  return {
    state,
    api: { contains: () => Promise.resolve(state.granted) },
  };
}

export function account(overrides: Partial<AccountVoteView> = {}): AccountVoteView {
  return { account: ACCOUNT, weight: '1500000000000000000000', voted: false, ...overrides };
}

export function proposal(overrides: Partial<ProposalView> = {}): ProposalView {
  return {
    chainId: CHAIN, governor: GOVERNOR, id: '42', title: 'Approve the 2026 dividend', description: 'Approve the 2026 dividend\n\nDetails.',
    proposer: ACCOUNT, state: 'active', snapshot: '10', deadline: '100', startsAt: NOW - DAY, closesAt: NOW + 2 * DAY,
    tally: { against: '0', for: '0', abstain: '0' }, accounts: [account()], ...overrides,
  };
}

export function company(open: ProposalView[], overrides: { remindersOn?: boolean; closed?: ProposalView[]; address?: string; companyName?: string } = {}): CompanyVotesView {
  return {
    governor: {
      chainId: CHAIN, chainName: 'Local', address: overrides.address ?? GOVERNOR, name: 'Acme Governor', token: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
      companyName: overrides.companyName ?? 'Acme Holdings', symbol: 'ACME', decimals: 18, clock: 'timestamp', learnedFrom: { kind: 'user' },
      remindersOn: overrides.remindersOn ?? true,
    },
    totalSupply: '10000000000000000000000', delegation: [], open, closed: overrides.closed ?? [],
  };
}

export const votes = (...companies: CompanyVotesView[]): VotesView => ({ companies, readAt: NOW });

/** A GovernanceService over a cache (`cached`, what IndexedDB holds) and a chain (`onChain`, what a refresh reads). */
export function fakeGovernance(initial: VotesView) {
  const state: { cached: VotesView; onChain: VotesView; refreshFails: boolean; refreshes: number } = {
    cached: initial, onChain: initial, refreshFails: false, refreshes: 0,
  };
  const refuse = (): Promise<never> => Promise.reject(new Error('not in this fake'));
  const service: GovernanceService = {
    view: () => Promise.resolve(state.cached),
    refresh: () => {
      state.refreshes++;
      if (state.refreshFails) return Promise.reject(new Error('locked'));
      state.cached = state.onChain;
      return Promise.resolve(state.cached);
    },
    add: () => Promise.resolve(state.cached),
    remove: () => Promise.resolve(state.cached),
    setReminders: (ref) => {
      const flip = (view: VotesView): VotesView => ({
        ...view,
        companies: view.companies.map((entry) => (entry.governor.address === ref.address
          ? { ...entry, governor: { ...entry.governor, remindersOn: ref.on } } : entry)),
      });
      state.cached = flip(state.cached);
      state.onChain = flip(state.onChain);
      return Promise.resolve(state.cached);
    },
    learn: () => Promise.resolve(),
    voteFacts: refuse,
  };
  return { state, service };
}
