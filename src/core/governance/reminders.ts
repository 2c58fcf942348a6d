// When to remind a holder who has not voted: a day and an hour before voting closes, each only while it is
// still ahead. The times are Unix milliseconds, for the browser's `alarms`.

export const REMINDER_LEADS_MS = [24 * 60 * 60 * 1000, 60 * 60 * 1000] as const;

export interface Reminder {
  /** When to notify (Unix ms). */
  at: number;
  /** How long before the close it comes (ms): one of REMINDER_LEADS_MS. */
  lead: number;
}

/**
 * The reminders still to come for a proposal that closes at `closesAtMs`, as of `nowMs`, soonest first.
 * None once the holder has voted or voting has closed; a lead already past is dropped, not sent late.
 */
export function reminderSchedule(closesAtMs: number, nowMs: number, voted: boolean): Reminder[] {
  if (voted || closesAtMs <= nowMs) return [];
  return REMINDER_LEADS_MS
    .map((lead) => ({ at: closesAtMs - lead, lead }))
    .filter((reminder) => reminder.at > nowMs)
    .sort((a, b) => a.at - b.at);
}
