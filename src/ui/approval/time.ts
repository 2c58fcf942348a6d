// Times in requests (ERC-3009 validity, ERC-2612 deadlines, ERC20Votes expiry) are unix seconds as
// decimal strings; times in the wallet's records are epoch milliseconds. Shown in the user's language.
import { t } from '../i18n';

/** 9999-12-31T23:59:59Z: later "times" are a way of saying "no end" (often 2^256 - 1), not dates. */
const LAST_DATE_SECONDS = 253_402_300_799n;

/** Epoch ms of a unix-seconds value, or undefined when it is not a date the wallet can show. */
export function secondsToMs(seconds: string): number | undefined {
  if (!/^\d{1,78}$/.test(seconds)) return undefined;
  const value = BigInt(seconds);
  return value > LAST_DATE_SECONDS ? undefined : Number(value) * 1000;
}

/** A date and time in the UI's language and the computer's time zone, e.g. "24 Nov 2026, 05:13". */
export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(t('lang'), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
