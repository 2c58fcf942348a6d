// A vote reminder's words, in the user's language from extension/_locales (chrome.i18n works in the
// background too). A notification may be shown by other apps and on the lock screen, so it names only the
// company and the proposal: no amounts, no addresses.
//
// The company's and the proposal's names come from contracts (`name()`, the proposal's description), so they
// are shown as the wallet shows outside text elsewhere (Unicode TR 36 §2.1): hidden characters written out
// as their code points, on one line, capped. A notification cannot frame them apart as the popup does.
import type { ReminderNotice } from '../platform/reminder-notifications';

/** chrome.i18n.getMessage */
export type GetMessage = (key: string, substitutions?: string[]) => string;

const COMPANY_MAX = 40;
const PROPOSAL_MAX = 80;
const MINUTE = 60 * 1000;

// Controls and format characters (bidi controls, zero-width ones, tag characters), line and paragraph
// separators, Hangul fillers that draw as blanks, and the variation selectors supplement (as ui/lib/visible-text.ts).
const INVISIBLE = /^(?:[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u3164\uFFA0]|\u115F|\u1160)$/u;
const VARIATION_SELECTORS_SUPPLEMENT = [0xe0100, 0xe01ef] as const;

function revealed(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hidden = INVISIBLE.test(char) || (code >= VARIATION_SELECTORS_SUPPLEMENT[0] && code <= VARIATION_SELECTORS_SUPPLEMENT[1]);
  return hidden ? `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]` : char;
}

/** `text` on one line, hidden characters written as `[U+202E]`, cut to `max` characters (graphemes) with an ellipsis. */
export function outsideTextForNotice(text: string, max: number): string {
  const shown = Array.from(text.replace(/[\r\n\t]+/g, ' ').trim(), revealed).join('');
  // Cut between user-perceived characters, never inside one.
  const graphemes = Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(shown), (part) => part.segment);
  return graphemes.length > max ? `${graphemes.slice(0, max - 1).join('')}…` : shown;
}

/** "1 hour", "23 hours", "40 minutes": the time left until the close, as of when the alarm fired. */
function timeLeft(getMessage: GetMessage, msLeft: number): string {
  const minutes = Math.max(1, Math.round(msLeft / MINUTE));
  if (minutes < 60) return minutes === 1 ? getMessage('voteReminder_oneMinute') : getMessage('voteReminder_minutes', [String(minutes)]);
  const hours = Math.round(minutes / 60);
  return hours === 1 ? getMessage('voteReminder_oneHour') : getMessage('voteReminder_hours', [String(hours)]);
}

/** "Acme Holdings: voting on 'Approve the 2026 dividend' closes in 1 hour; you have not voted" */
export function reminderNotice(getMessage: GetMessage, facts: { company: string; proposal: string; closesAt: number; now: number }): ReminderNotice {
  return {
    title: getMessage('voteReminder_title'),
    message: getMessage('voteReminder_message', [
      outsideTextForNotice(facts.company, COMPANY_MAX),
      outsideTextForNotice(facts.proposal, PROPOSAL_MAX),
      timeLeft(getMessage, facts.closesAt - facts.now),
    ]),
  };
}
