// Wrong passwords slow down: after the n-th failure in a row the next attempt waits 2^(n-1) seconds,
// up to 5 minutes. The count lives in IndexedDB, so closing the popup or restarting the browser does
// not reset it; a correct password does.
//
// Two things keep the delay from being bypassed (issue 11, item 13): password checks run one at a time,
// so parallel guesses queue and find the delay set by the first; and a check is counted as failed on
// disk BEFORE the key derivation starts, so a background stopped or killed mid-check still counts it.
import { VaultOpenError } from '../../core';
import { WalletError } from '../errors';
import type { WalletDatabase } from '../storage/database';
import type { UnlockAttempts } from '../storage/schema';
import { readMeta, writeMeta } from '../storage/wallet-store';

const MAX_DELAY_MS = 5 * 60_000;

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - 1, 30), MAX_DELAY_MS);
}

export function recordFailure(previous: UnlockAttempts | undefined, now: number): UnlockAttempts {
  const failures = (previous?.failures ?? 0) + 1;
  return { failures, blockedUntil: now + delayAfterFailures(failures) };
}

export interface PasswordGate {
  /** Runs `task` after every task queued before it has settled, whatever their outcome. */
  serialize<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Checks a password with `open` (which throws VaultOpenError `wrong-password-or-tampered` for a wrong
   * one). The failure is written first and removed only when `open` succeeds; an error that says nothing
   * about the password (a malformed record) puts the previous count back. Call it inside `serialize`.
   * @throws WalletError `unlock-blocked` while the delay runs (`open` is not called), `wrong-password`
   * with the time of the next allowed attempt; whatever else `open` throws.
   */
  attempt<T>(open: () => Promise<T>): Promise<T>;
}

export function createPasswordGate(deps: { db: WalletDatabase; now: () => number }): PasswordGate {
  const { db, now } = deps;
  let tail: Promise<unknown> = Promise.resolve();

  async function restore(previous: UnlockAttempts | undefined): Promise<void> {
    if (previous === undefined) await db.delete('meta', 'unlockAttempts');
    else await writeMeta(db, 'unlockAttempts', previous);
  }

  return {
    serialize<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      tail = result.catch(() => undefined);
      return result;
    },

    async attempt<T>(open: () => Promise<T>): Promise<T> {
      const previous = await readMeta(db, 'unlockAttempts');
      if (previous !== undefined && now() < previous.blockedUntil) {
        throw new WalletError('unlock-blocked', 'too many wrong passwords; wait before trying again', previous.blockedUntil);
      }
      const failed = recordFailure(previous, now());
      await writeMeta(db, 'unlockAttempts', failed);
      let opened: T;
      try {
        opened = await open();
      } catch (error) {
        if (error instanceof VaultOpenError && error.reason === 'wrong-password-or-tampered') {
          throw new WalletError('wrong-password', 'wrong password', failed.blockedUntil);
        }
        await restore(previous);
        throw error;
      }
      await db.delete('meta', 'unlockAttempts');
      return opened;
    },
  };
}
