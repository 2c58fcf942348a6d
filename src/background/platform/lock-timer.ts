// Auto-lock through `alarms`, which wake a stopped background (a setTimeout would die with it).
import type { Alarms } from 'webextension-polyfill';

export const AUTO_LOCK_ALARM = 'auto-lock';

export interface LockTimer {
  /** Fire the auto-lock at epoch ms `when` (replacing any earlier schedule). */
  schedule(when: number): Promise<void>;
  cancel(): Promise<void>;
}

export function createLockTimer(alarms: Alarms.Static): LockTimer {
  return {
    async schedule(when) {
      await alarms.create(AUTO_LOCK_ALARM, { when });
    },
    async cancel() {
      await alarms.clear(AUTO_LOCK_ALARM);
    },
  };
}
