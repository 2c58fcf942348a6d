// The alarm that wakes a stopped background while a sent transaction waits for its receipt. A setTimeout
// dies with the MV3 service worker (Chrome) or the suspended event page (Firefox); an alarm does not.
//
// How often it may fire:
// - Chrome (MV3): at most every 30 seconds for an installed (packed) extension since Chrome 120, and every
//   second for an unpacked one; a shorter period is raised to that minimum with a console warning
//   (chromium extensions/browser/api/alarms/alarms_api_constants.h: kMV3ReleaseDelayMinimum = 30 s,
//   kDevDelayMinimum = 1 s).
// - Firefox: no minimum, for temporary (about:debugging) and installed add-ons alike (toolkit/components/
//   extensions/parent/ext-alarms.js arms a timer of exactly `periodInMinutes`).
// So the wallet asks for 30 seconds everywhere: the most a packed Chrome extension gets, and while the
// background is alive the watcher polls every few seconds on its own timer anyway.
import type { Alarms } from 'webextension-polyfill';

export const TRANSACTION_WATCH_ALARM = 'transaction-watch';
export const TRANSACTION_WATCH_PERIOD_MINUTES = 0.5;

export interface WatchAlarm {
  /** Wake the background every period from now on (replacing any earlier schedule). */
  start(): Promise<void>;
  /** No more wake-ups: nothing is pending. */
  stop(): Promise<void>;
}

export function createWatchAlarm(alarms: Alarms.Static): WatchAlarm {
  return {
    async start() {
      await alarms.create(TRANSACTION_WATCH_ALARM, {
        delayInMinutes: TRANSACTION_WATCH_PERIOD_MINUTES, periodInMinutes: TRANSACTION_WATCH_PERIOD_MINUTES,
      });
    },
    async stop() {
      await alarms.clear(TRANSACTION_WATCH_ALARM);
    },
  };
}
