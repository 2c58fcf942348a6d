// Text the wallet did not write but draws (a token contract's name() and symbol(), a network's name as a
// site gave it, a node's words): cut to a cap before it reaches the screen, so a long name cannot push
// the wallet's own words (an address, an amount) out of sight, and with its hidden characters revealed.
import { revealInvisible, type TextPiece } from './visible-text';

/**
 * Who chose the text: a token contract, a governor contract (its name), a site, a network's node, or a
 * governance proposal's author (its title).
 */
export type OutsideSource = 'contract' | 'governor' | 'site' | 'node' | 'proposal';

/** Names (a token's name(), a network's name): enough for "Acme Holdings Class B Preference Shares". */
export const NAME_CAP = 40;
/** Symbols (a token's symbol(), a currency's symbol): real ones are a few letters. */
export const SYMBOL_CAP = 12;

/** What is drawn of an outside text: its pieces within the cap, and whether the rest was cut. */
export interface CappedText {
  pieces: TextPiece[];
  cut: boolean;
}

/**
 * The first `cap` shown characters of `text`, a hidden character counting as the length of its code
 * ("U+202E", 6), so that a name of hidden characters is capped on screen as well. Code points are never
 * split. Throws RangeError for a cap below 1.
 */
export function capText(text: string, cap: number): CappedText {
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`capText: cap must be a positive integer, got ${cap}`);
  const pieces: TextPiece[] = [];
  let room = cap;
  for (const piece of revealInvisible(text)) {
    if (piece.kind === 'hidden') {
      if (piece.code.length > room) return { pieces, cut: true };
      pieces.push(piece);
      room -= piece.code.length;
      continue;
    }
    // Code points, not grapheme clusters: one cluster may carry any number of combining marks.
    const chars = Array.from(piece.text);
    if (chars.length > room) {
      pieces.push({ kind: 'text', text: chars.slice(0, room).join('') });
      return { pieces, cut: true };
    }
    pieces.push(piece);
    room -= chars.length;
  }
  return { pieces, cut: false };
}

/**
 * `text` capped and revealed as one plain string ("Acme Holdings [U+202E]serahs", "…" when cut), for the
 * places that take a string only: an <option>, an aria-label, an announcement.
 */
export function cappedString(text: string, cap: number): string {
  const { pieces, cut } = capText(text, cap);
  const shown = pieces.map((piece) => piece.kind === 'text' ? piece.text : `[${piece.code}]`).join('');
  return cut ? `${shown}…` : shown;
}
