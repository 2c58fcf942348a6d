// Waiting out the delay the background imposes after wrong passwords.

/** Whole seconds left until `until` (epoch ms), rounded up; 0 once it has passed or when absent. */
export function secondsUntil(until: number | undefined, now: number): number {
  if (until === undefined) return 0;
  return Math.max(0, Math.ceil((until - now) / 1000));
}
