// The names of the vote reminders' alarms and notifications. A name says everything the alarm needs when it
// fires (network, governor, proposal, lead), so scheduling is idempotent (the same reminder always has the
// same name) and nothing has to be remembered in memory across a background restart.

export const REMINDER_ALARM_PREFIX = 'vote-reminder|';
/** A reminder already shown; it keeps the same lead from being scheduled again when a block clock's estimated close moves. */
export const REMINDED_ALARM_PREFIX = 'vote-reminded|';
/** Refreshes the governance now and then so that new proposals get their reminders without the popup being opened. */
export const REMINDER_REFRESH_ALARM = 'vote-reminder-refresh';
export const REMINDER_REFRESH_PERIOD_MINUTES = 6 * 60;
/** Notification ids: one per proposal, so the hour's reminder replaces the day's. */
export const REMINDER_NOTIFICATION_PREFIX = 'vote-reminder|';

/** The alarm is one of the reminders' (a reminder, a shown marker, or the periodic refresh). */
export function isVoteReminderAlarm(name: string): boolean {
  return name.startsWith(REMINDER_ALARM_PREFIX) || name.startsWith(REMINDED_ALARM_PREFIX) || name === REMINDER_REFRESH_ALARM;
}

/** The notification is a vote reminder. */
export function isVoteReminderNotification(id: string): boolean {
  return id.startsWith(REMINDER_NOTIFICATION_PREFIX);
}

export interface ProposalKey {
  /** EIP-155, 0x-hex. */
  chainId: string;
  /** As the view spells it (EIP-55); compared without regard to case. */
  governor: string;
  /** Decimal. */
  proposalId: string;
}

export interface ReminderKey extends ProposalKey {
  /** How long before the close (ms): one of REMINDER_LEADS_MS. */
  lead: number;
}

const parts = (key: ReminderKey): string => `${key.chainId}|${key.governor}|${key.proposalId}|${String(key.lead)}`;

export const reminderAlarmName = (key: ReminderKey): string => `${REMINDER_ALARM_PREFIX}${parts(key)}`;
export const remindedAlarmName = (key: ReminderKey): string => `${REMINDED_ALARM_PREFIX}${parts(key)}`;
export const reminderNotificationId = (key: ProposalKey): string =>
  `${REMINDER_NOTIFICATION_PREFIX}${key.chainId}|${key.governor}|${key.proposalId}`;

/** The reminder an alarm named by reminderAlarmName stands for; undefined for any other name. */
export function parseReminderAlarm(name: string): ReminderKey | undefined {
  if (!name.startsWith(REMINDER_ALARM_PREFIX)) return undefined;
  const [chainId, governor, proposalId, lead, ...rest] = name.slice(REMINDER_ALARM_PREFIX.length).split('|');
  if (chainId === undefined || governor === undefined || proposalId === undefined || lead === undefined || rest.length > 0) return undefined;
  if (!/^0x[0-9a-f]+$/i.test(chainId) || !/^0x[0-9a-f]{40}$/i.test(governor) || !/^\d+$/.test(proposalId) || !/^\d+$/.test(lead)) return undefined;
  return { chainId, governor, proposalId, lead: Number(lead) };
}
