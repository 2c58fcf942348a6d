// Wrong passwords slow down: after the n-th failure in a row the next attempt waits 2^(n-1) seconds,
// up to 5 minutes. The count lives in IndexedDB, so closing the popup or restarting the browser does
// not reset it; a correct password does.
import type { UnlockAttempts } from '../storage/schema';

const MAX_DELAY_MS = 5 * 60_000;

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - 1, 30), MAX_DELAY_MS);
}

export function recordFailure(previous: UnlockAttempts | undefined, now: number): UnlockAttempts {
  const failures = (previous?.failures ?? 0) + 1;
  return { failures, blockedUntil: now + delayAfterFailures(failures) };
}
