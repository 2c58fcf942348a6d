// Reminders before a proposal closes (issue 14, item 6): opt-in per company, a browser notification a day
// and an hour before an open proposal closes while one of the user's accounts with votes has not voted.
//
// Every refresh of the governance reschedules the alarms from what it read; an alarm that fires refreshes
// again and shows its notification only if the proposal is still open and still not voted on. All the state
// is in the alarms themselves and the governance cache in IndexedDB, so a stopped background loses nothing.
import { isOpen } from '../../core/governance/proposal-state';
import { reminderSchedule } from '../../core/governance/reminders';
import type { CompanyVotesView, ProposalView, VotesView } from '../../protocol/governance';
import type { ReminderAlarms } from '../platform/reminder-alarms';
import type { ReminderNotifier } from '../platform/reminder-notifications';
import type { GovernanceService } from './governance-service';
import {
  parseReminderAlarm, REMINDED_ALARM_PREFIX, remindedAlarmName, REMINDER_ALARM_PREFIX, REMINDER_NOTIFICATION_PREFIX,
  REMINDER_REFRESH_ALARM, REMINDER_REFRESH_PERIOD_MINUTES, reminderAlarmName, reminderNotificationId, type ReminderKey,
} from './vote-reminder-names';
import { reminderNotice, type GetMessage } from './vote-reminder-words';

export interface VoteReminders {
  /** Sets the alarms `view` calls for and clears every other reminder. Never throws. */
  reschedule(view: VotesView): Promise<void>;
  /** Handles a fired alarm if it is one of the reminders'; true when it was. Never throws. */
  onAlarm(name: string): Promise<boolean>;
  /** Handles a click on a notification if it is a reminder: opens the Votes screen and clears it; true when it was. */
  onNotificationClicked(id: string): Promise<boolean>;
  /** Reschedules from the cached view, for a background that just started (Firefox forgets alarms across a browser restart). */
  resume(): Promise<void>;
}

export interface VoteReminderDeps {
  /** The governance service itself, not the one withReminders wraps (which would reschedule twice). */
  governance: GovernanceService;
  alarms: ReminderAlarms;
  notifier: ReminderNotifier;
  getMessage: GetMessage;
  /** Opens the popup's Votes screen in a window. */
  showVotes: () => Promise<void>;
  now: () => number;
}

/** Some account of the user could cast votes on `proposal` and has not. */
function awaitsAVote(proposal: ProposalView): boolean {
  return proposal.accounts.some((account) => !account.voted && BigInt(account.weight) > 0n);
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function findProposal(view: VotesView, key: ReminderKey): { company: CompanyVotesView; proposal: ProposalView } | undefined {
  for (const company of view.companies) {
    if (company.governor.chainId !== key.chainId || !sameAddress(company.governor.address, key.governor)) continue;
    const proposal = company.open.find((candidate) => candidate.id === key.proposalId);
    return proposal === undefined ? undefined : { company, proposal };
  }
  return undefined;
}

function logFailure(what: string) {
  return (error: unknown): void => {
    console.error(what, error instanceof Error ? error.name : typeof error);
  };
}

export function createVoteReminders(deps: VoteReminderDeps): VoteReminders {
  /** The newest figures: read from the chain if it can be, else the cache (e.g. the node is down). */
  async function latestView(): Promise<VotesView> {
    try {
      return await deps.governance.refresh();
    } catch {
      return deps.governance.view();
    }
  }

  /** Alarm name to time, for every reminder `view` calls for that was not shown already. */
  async function wanted(view: VotesView): Promise<Map<string, number>> {
    const alarms = new Map<string, number>();
    const shown = new Set((await deps.alarms.list(REMINDED_ALARM_PREFIX)).map((alarm) => alarm.name));
    const now = deps.now();
    for (const company of view.companies) {
      if (!company.governor.remindersOn) continue;
      for (const proposal of company.open) {
        if (!isOpen(proposal.state)) continue;
        for (const reminder of reminderSchedule(proposal.closesAt, now, !awaitsAVote(proposal))) {
          const key = { chainId: proposal.chainId, governor: company.governor.address, proposalId: proposal.id, lead: reminder.lead };
          if (!shown.has(remindedAlarmName(key))) alarms.set(reminderAlarmName(key), reminder.at);
        }
      }
    }
    return alarms;
  }

  async function applySchedule(view: VotesView): Promise<void> {
    const permitted = await deps.notifier.permitted();
    const want = permitted ? await wanted(view) : new Map<string, number>();
    const existing = await deps.alarms.list(REMINDER_ALARM_PREFIX);
    for (const alarm of existing) {
      if (!want.has(alarm.name)) await deps.alarms.clear(alarm.name);
    }
    const scheduled = new Map(existing.map((alarm) => [alarm.name, alarm.at]));
    for (const [name, at] of want) {
      if (scheduled.get(name) !== at) await deps.alarms.set(name, at);
    }
    if (permitted && view.companies.some((company) => company.governor.remindersOn)) {
      await deps.alarms.keepPeriodic(REMINDER_REFRESH_ALARM, REMINDER_REFRESH_PERIOD_MINUTES);
    } else {
      await deps.alarms.clear(REMINDER_REFRESH_ALARM);
    }
  }

  // One reschedule at a time: two interleaved ones (a refresh from the popup and a firing alarm) could
  // otherwise each clear what the other just set.
  let queue: Promise<void> = Promise.resolve();
  function reschedule(view: VotesView): Promise<void> {
    queue = queue.then(() => applySchedule(view)).catch(logFailure('scheduling vote reminders failed'));
    return queue;
  }

  async function remind(key: ReminderKey): Promise<void> {
    // Without the permission there is nothing to show: every reminder goes, none is read for.
    if (!(await deps.notifier.permitted())) {
      await reschedule({ companies: [] });
      return;
    }
    const view = await latestView();
    try {
      const found = findProposal(view, key);
      const now = deps.now();
      if (found === undefined || !found.company.governor.remindersOn) return;
      const { company, proposal } = found;
      if (!isOpen(proposal.state) || proposal.closesAt <= now || !awaitsAVote(proposal)) return;
      await deps.notifier.show(reminderNotificationId(key), reminderNotice(deps.getMessage, {
        company: company.governor.companyName, proposal: proposal.title, closesAt: proposal.closesAt, now,
      }));
      // Marks this lead as shown until the close, so that a block clock's close estimated later does not bring it back.
      await deps.alarms.set(remindedAlarmName(key), proposal.closesAt);
    } finally {
      await reschedule(view);
    }
  }

  return {
    reschedule,
    async onAlarm(name) {
      if (name.startsWith(REMINDED_ALARM_PREFIX)) return true;
      if (name === REMINDER_REFRESH_ALARM) {
        await latestView().then(reschedule).catch(logFailure('refreshing the votes for reminders failed'));
        return true;
      }
      const key = parseReminderAlarm(name);
      if (key === undefined) return false;
      await remind(key).catch(logFailure('a vote reminder failed'));
      return true;
    },
    async onNotificationClicked(id) {
      if (!id.startsWith(REMINDER_NOTIFICATION_PREFIX)) return false;
      await deps.notifier.clear(id).catch(logFailure('clearing a vote reminder failed'));
      await deps.showVotes().catch(logFailure('opening the Votes screen failed'));
      return true;
    },
    async resume() {
      await deps.governance.view().then(reschedule).catch(logFailure('resuming vote reminders failed'));
    },
  };
}

/**
 * `governance` as the routers get it: every answer that changes what is known (a refresh, a governor added
 * or removed, reminders turned on or off) reschedules the reminders before it is returned.
 */
export function withReminders(governance: GovernanceService, reminders: Pick<VoteReminders, 'reschedule'>): GovernanceService {
  const rescheduled = async (view: Promise<VotesView>): Promise<VotesView> => {
    const result = await view;
    await reminders.reschedule(result);
    return result;
  };
  return {
    view: () => governance.view(),
    learn: (ref, origin) => governance.learn(ref, origin),
    voteFacts: (ref, proposalId, voter) => governance.voteFacts(ref, proposalId, voter),
    refresh: () => rescheduled(governance.refresh()),
    add: (ref) => rescheduled(governance.add(ref)),
    remove: (ref) => rescheduled(governance.remove(ref)),
    setReminders: (ref) => rescheduled(governance.setReminders(ref)),
  };
}
