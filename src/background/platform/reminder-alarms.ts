// The vote reminders' alarms (issue 14, item 6). `alarms` wake a stopped background (a setTimeout dies with
// the MV3 service worker or the suspended event page), so the reminders keep all their state in alarms and
// need nothing in memory after a restart.
//
// Three kinds, told apart by their names (see vote-reminder-names.ts): one alarm per proposal and lead
// (`vote-reminder|…`), a marker per reminder already shown (`vote-reminded|…`, which expires at the close
// and does nothing when it fires), and the periodic refresh that finds new proposals.
//
// Chrome raises a `when` or period shorter than 30 s to 30 s for a packed extension (see transaction-alarm.ts);
// reminders come hours ahead, so that never matters here.
import type { Alarms } from 'webextension-polyfill';

/** What the reminders need of the browser's `alarms`: a subset, so that a test can hand in a fake. */
export type ReminderAlarmsApi = Pick<Alarms.Static, 'create' | 'clear' | 'get' | 'getAll'>;

export interface ScheduledAlarm {
  name: string;
  /** Unix ms. */
  at: number;
}

export interface ReminderAlarms {
  /** The alarms whose names start with `prefix`. */
  list(prefix: string): Promise<ScheduledAlarm[]>;
  /** Fires `name` once at `at` (Unix ms), replacing an alarm of that name. */
  set(name: string, at: number): Promise<void>;
  clear(name: string): Promise<void>;
  /** Fires `name` every `periodMinutes`, unless it is already set with that period (setting it again would push it back). */
  keepPeriodic(name: string, periodMinutes: number): Promise<void>;
}

export function createReminderAlarms(alarms: ReminderAlarmsApi): ReminderAlarms {
  return {
    async list(prefix) {
      return (await alarms.getAll())
        .filter((alarm) => alarm.name.startsWith(prefix))
        .map((alarm) => ({ name: alarm.name, at: alarm.scheduledTime }));
    },
    async set(name, at) {
      await alarms.create(name, { when: at });
    },
    async clear(name) {
      await alarms.clear(name);
    },
    async keepPeriodic(name, periodMinutes) {
      const existing = await alarms.get(name);
      if (existing?.periodInMinutes === periodMinutes) return;
      await alarms.create(name, { delayInMinutes: periodMinutes, periodInMinutes: periodMinutes });
    },
  };
}
