// Turning what a user types or pastes into recovery-phrase words, before the background checks them.
import type { WordlistName } from '../../protocol/private';

/** BIP-39 phrase lengths: 128 to 256 bits of entropy in steps of 32. */
export const PHRASE_LENGTHS = [12, 15, 18, 21, 24] as const;
export type PhraseLength = (typeof PHRASE_LENGTHS)[number];

export function isPhraseLength(count: number): count is PhraseLength {
  return (PHRASE_LENGTHS as readonly number[]).includes(count);
}

// Han ideographs: every word of the BIP-39 Chinese lists is one such character.
const ALL_HAN = /^\p{Script=Han}+$/u;
const EACH_HAN = /\p{Script=Han}/gu;
// A position marker from a numbered list ("1.", "12)", "3、", "#4"), which people paste along.
const NUMBERING = /^#?\d{1,2}[.)、:：]?$/u;
const LEADING_NUMBER = /^#?\d{1,2}[.)、:：](?=\S)/u;

/**
 * The words of a pasted or typed phrase: split on any whitespace (also the ideographic space and
 * commas), numbering from a list removed, Chinese characters written together split one per word,
 * English lowercased.
 */
export function splitPhrase(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.normalize('NFKC').split(/[\s\u3000,，;；]+/u)) {
    if (raw === '' || NUMBERING.test(raw)) continue;
    const token = raw.replace(LEADING_NUMBER, '');
    if (ALL_HAN.test(token)) words.push(...(token.match(EACH_HAN) ?? []));
    else words.push(token.toLowerCase());
  }
  return words;
}

/** The word list a pasted phrase is most likely from, or undefined when nothing tells. */
export function guessWordlist(words: readonly string[]): WordlistName | undefined {
  if (words.length === 0) return undefined;
  if (words.every((word) => ALL_HAN.test(word))) return 'chinese_simplified';
  if (words.every((word) => /^[a-z]+$/.test(word))) return 'english';
  return undefined;
}

/** One typed word as the background expects it: no spaces, English in lowercase. */
export function cleanWord(word: string): string {
  return word.normalize('NFKC').trim().toLowerCase();
}

/** `words` cut or padded with empty strings to `length`. */
export function resizeWords(words: readonly string[], length: number): string[] {
  return Array.from({ length }, (_, index) => words[index] ?? '');
}

/** 1-based position of the first empty word, or undefined when all are filled. */
export function firstEmptyWord(words: readonly string[]): number | undefined {
  const index = words.findIndex((word) => cleanWord(word) === '');
  return index < 0 ? undefined : index + 1;
}
