// How long until a proposal opens or closes, in the largest unit that reads naturally: minutes under an
// hour, hours under two days, days beyond. Always rounded down, so the wallet never promises more time
// than there is. The screens word it (votes-text.ts).

export type TimeUnit = 'minute' | 'hour' | 'day';

export interface TimeSpan {
  unit: TimeUnit;
  count: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The time from `nowMs` to `targetMs`; undefined when less than a minute is left (or it is past). */
export function spanUntil(targetMs: number, nowMs: number): TimeSpan | undefined {
  const left = targetMs - nowMs;
  if (!Number.isFinite(left) || left < MINUTE_MS) return undefined;
  if (left < HOUR_MS) return { unit: 'minute', count: Math.floor(left / MINUTE_MS) };
  if (left < 2 * DAY_MS) return { unit: 'hour', count: Math.floor(left / HOUR_MS) };
  return { unit: 'day', count: Math.floor(left / DAY_MS) };
}

/**
 * Where a proposal stands in time: voting opens (pending) or closes (active) in `span`, or any moment now
 * (`span` undefined: under a minute, or the cached time has passed); a closed one has no time left.
 */
export type ProposalTiming = { kind: 'opens' | 'closes'; span: TimeSpan | undefined; at: number } | { kind: 'closed' };

export function proposalTiming(proposal: { state: string; startsAt: number; closesAt: number }, nowMs: number): ProposalTiming {
  if (proposal.state === 'pending') return { kind: 'opens', span: spanUntil(proposal.startsAt, nowMs), at: proposal.startsAt };
  if (proposal.state === 'active') return { kind: 'closes', span: spanUntil(proposal.closesAt, nowMs), at: proposal.closesAt };
  return { kind: 'closed' };
}
