// BIP-39 recovery phrases. Generation and checksum come from @scure/bip39; the seed uses WebCrypto's
// PBKDF2, which is several times faster than a JS HMAC loop and is the same function the vault uses.
import * as bip39 from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as chineseSimplified } from '@scure/bip39/wordlists/simplified-chinese.js';
import { utf8ToBytes } from './bytes';

export type WordlistName = 'english' | 'chinese_simplified';

const wordlists: Record<WordlistName, readonly string[]> = { english, chinese_simplified: chineseSimplified };

/** BIP-39: 128 bits of entropy give 12 words; 256 bits give 24. */
export type MnemonicStrength = 128 | 256;

/** Why a phrase is not a valid BIP-39 phrase, for the UI to explain ("word 7 is not in the word list"). */
export type MnemonicProblem =
  | { kind: 'empty' }
  | { kind: 'word-count'; count: number }
  | { kind: 'unknown-word'; position: number; word: string }
  | { kind: 'checksum' };

function wordlistOf(name: WordlistName): string[] {
  const list = wordlists[name] as readonly string[] | undefined;
  if (list === undefined) throw new RangeError(`unknown wordlist "${name}"; use "english" or "chinese_simplified"`);
  return [...list];
}

/**
 * The words of a phrase: NFKD (BIP-39 §From mnemonic to seed), split on any whitespace, including the
 * ideographic space a Chinese keyboard types.
 */
export function mnemonicWords(mnemonic: string): string[] {
  return mnemonic.normalize('NFKD').split(/[\s\u3000]+/u).filter((word) => word.length > 0);
}

/** The canonical form of a phrase: NFKD words joined by single spaces. */
export function normalizeMnemonic(mnemonic: string): string {
  return mnemonicWords(mnemonic).join(' ');
}

/**
 * A new recovery phrase from the platform CSPRNG (`crypto.getRandomValues`).
 * @throws RangeError for a strength other than 128 or 256, or an unknown wordlist.
 */
export function generateMnemonic(opts: { strength?: MnemonicStrength; wordlist?: WordlistName } = {}): string {
  // Checked at run time too: the UI passes what a user picked.
  const strength: number = opts.strength ?? 128;
  if (strength !== 128 && strength !== 256) {
    throw new RangeError(`strength must be 128 (12 words) or 256 (24 words), not ${String(strength)}`);
  }
  return bip39.generateMnemonic(wordlistOf(opts.wordlist ?? 'english'), strength === 128 ? 128 : 256);
}

/** The first thing wrong with `mnemonic`, or undefined when it is a valid BIP-39 phrase. */
export function findMnemonicProblem(mnemonic: string, wordlist: WordlistName = 'english'): MnemonicProblem | undefined {
  const list = wordlistOf(wordlist);
  const words = mnemonicWords(mnemonic);
  if (words.length === 0) return { kind: 'empty' };
  // BIP-39 allows 12, 15, 18, 21 or 24 words (ENT of 128..256 bits in steps of 32).
  if (![12, 15, 18, 21, 24].includes(words.length)) return { kind: 'word-count', count: words.length };
  const known = new Set(list);
  const unknown = words.findIndex((word) => !known.has(word));
  if (unknown >= 0) return { kind: 'unknown-word', position: unknown + 1, word: words[unknown] ?? '' };
  return bip39.validateMnemonic(words.join(' '), list) ? undefined : { kind: 'checksum' };
}

/** True when `mnemonic` is a valid BIP-39 phrase in `wordlist` (English by default). */
export function validateMnemonic(mnemonic: string, wordlist: WordlistName = 'english'): boolean {
  return findMnemonicProblem(mnemonic, wordlist) === undefined;
}

/**
 * The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 iterations, salt "mnemonic" + passphrase, all NFKD.
 * BIP-39 defines a seed for any sentence, so the phrase is not validated here; callers validate first.
 */
export async function mnemonicToSeed(mnemonic: string, passphrase = ''): Promise<Uint8Array> {
  const password = utf8ToBytes(mnemonic.normalize('NFKD'));
  const salt = utf8ToBytes(`mnemonic${passphrase}`.normalize('NFKD'));
  const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt, iterations: 2048 }, key, 512);
  return new Uint8Array(bits);
}

/**
 * The entropy a valid BIP-39 phrase encodes (16 to 32 bytes), the inverse of entropyToMnemonic.
 * @throws RangeError naming the problem when `mnemonic` is not a valid phrase in `wordlist`.
 */
export function mnemonicToEntropy(mnemonic: string, wordlist: WordlistName = 'english'): Uint8Array {
  const problem = findMnemonicProblem(mnemonic, wordlist);
  if (problem !== undefined) throw new RangeError(`not a valid BIP-39 phrase: ${describeMnemonicProblem(problem)}`);
  return bip39.mnemonicToEntropy(normalizeMnemonic(mnemonic), wordlistOf(wordlist));
}

/**
 * The BIP-39 phrase of `entropy` in `wordlist`.
 * @throws RangeError when the entropy is not 16, 20, 24, 28 or 32 bytes (BIP-39: 128 to 256 bits, steps of 32).
 */
export function entropyToMnemonic(entropy: Uint8Array, wordlist: WordlistName = 'english'): string {
  if (![16, 20, 24, 28, 32].includes(entropy.length)) {
    throw new RangeError(`BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not ${entropy.length}`);
  }
  return bip39.entropyToMnemonic(entropy, wordlistOf(wordlist));
}

function describeMnemonicProblem(problem: MnemonicProblem): string {
  switch (problem.kind) {
    case 'empty': return 'it is empty';
    case 'word-count': return `it has ${problem.count} words, not 12, 15, 18, 21 or 24`;
    case 'unknown-word': return `word ${problem.position} "${problem.word}" is not in the word list`;
    case 'checksum': return 'its checksum fails';
  }
}
