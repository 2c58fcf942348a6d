// Text from a page may hide characters: bidi overrides that reorder what is shown (U+202E), zero-width
// characters, tag characters that carry invisible text, controls. The wallet shows each of them as a
// visible code (U+202E) instead, so what the user reads is what the page sent (Unicode TR 36 §2.1).

export type TextPiece = { kind: 'text'; text: string } | { kind: 'hidden'; code: string };

// Controls and format characters (bidi controls, zero-width ones, U+FEFF, soft hyphen, tag characters),
// line and paragraph separators, Hangul fillers that draw as blanks, and the variation selectors
// supplement (used to smuggle bytes after a visible character).
const INVISIBLE = /^(?:[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u3164\uFFA0]|\u115F|\u1160)$/u;
const VARIATION_SELECTORS_SUPPLEMENT = [0xe0100, 0xe01ef] as const;
/** Layout characters a message may use, shown as what they are. */
const ALLOWED = new Set(['\n', '\r', '\t']);

function isHidden(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= VARIATION_SELECTORS_SUPPLEMENT[0] && code <= VARIATION_SELECTORS_SUPPLEMENT[1]) return true;
  return !ALLOWED.has(char) && INVISIBLE.test(char);
}

/** "U+202E" for the code point of `char`. */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` cut into runs of ordinary text and the hidden characters between them, each named by its code point. */
export function revealInvisible(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let run = '';
  for (const char of text) {
    if (!isHidden(char)) {
      run += char;
      continue;
    }
    if (run !== '') pieces.push({ kind: 'text', text: run });
    run = '';
    pieces.push({ kind: 'hidden', code: codePointLabel(char) });
  }
  if (run !== '') pieces.push({ kind: 'text', text: run });
  return pieces;
}

/** True when `text` holds a character that `revealInvisible` would show as a code. */
export function hasInvisible(text: string): boolean {
  for (const char of text) if (isHidden(char)) return true;
  return false;
}

/** `text` as one string with each hidden character written as its code in brackets: for a tooltip or a label. */
export function revealedString(text: string): string {
  return revealInvisible(text).map((piece) => piece.kind === 'text' ? piece.text : `[${piece.code}]`).join('');
}
