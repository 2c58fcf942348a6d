/**
 * The byte patterns a secret can take on disk. A byte search proves nothing unless it looks for the
 * encodings the browser and the wallet actually use (shared/browser-testing.md, "Scanning a browser
 * profile for secrets").
 */

/** A secret to look for: a text (a phrase, a password, a hex key) or raw bytes (a seed, a key). */
export interface Secret {
  label: string;
  value: string | Uint8Array;
}

/** One byte pattern and the name of the encoding that produced it. */
export interface Needle {
  encoding: string;
  bytes: Buffer;
}

/** Three words the phrase holds in this order, to be found with small gaps between them. */
export interface WordSequence {
  encoding: string;
  words: Buffer[];
}

export interface SecretPatterns {
  label: string;
  needles: Needle[];
  sequences: WordSequence[];
}

/** Shorter patterns would match by chance somewhere in a profile of tens of megabytes. */
export const MIN_SECRET_BYTES = 8;

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');

/** Latin-1 bytes, when every UTF-16 unit fits in one byte (surrogates never do). */
function latin1(text: string): Buffer | undefined {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return undefined;
  return Buffer.from(text, 'latin1');
}

/**
 * The base64 characters that depend only on `bytes` when they sit at offset 0, 1 or 2 (mod 3) inside
 * a longer base64 text: encode with `shift` filler bytes in front, then keep the characters whose 6
 * bits all come from `bytes`.
 */
export function base64Substrings(bytes: Uint8Array, alphabet: 'base64' | 'base64url'): string[] {
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), Buffer.from(bytes)]);
    const encoded = padded.toString(alphabet);
    const start = Math.ceil((shift * 8) / 6);
    const end = Math.floor(((shift + bytes.length) * 8) / 6);
    out.push(encoded.slice(start, end));
  }
  return out;
}

/** Words of a phrase, split on any whitespace (ASCII or the ideographic space). */
export function phraseWords(text: string): string[] {
  return text.split(/[\s\u3000]+/u).filter((w) => w.length > 0);
}

/**
 * The three consecutive words least likely to occur together by chance. Without a frequency table
 * for the profile, "rarest" is approximated as: most distinct words first, then most characters
 * (short BIP-39 words like "act" or "zoo" occur inside ordinary text far more often than long ones).
 */
export function rarestWindow(words: readonly string[]): string[] | undefined {
  let best: string[] | undefined;
  let bestScore = -1;
  for (let i = 0; i + 3 <= words.length; i++) {
    const window = words.slice(i, i + 3);
    const score = new Set(window).size * 1000 + window.reduce((n, w) => n + w.length, 0);
    if (score > bestScore) {
      best = window;
      bestScore = score;
    }
  }
  return best;
}

function isHexText(text: string): boolean {
  return /^(0x)?([0-9a-fA-F]{2})+$/u.test(text);
}

/**
 * Every pattern to search for one secret:
 * - text: UTF-8, UTF-16LE (two-byte V8 / SpiderMonkey strings, Chromium session pickles), Latin-1
 *   (one-byte strings, when it differs from UTF-8);
 * - its bytes (the UTF-8 of a text, or the raw bytes; for a text that is hex, the bytes it spells):
 *   the bytes themselves, lowercase hex with and without 0x, uppercase hex, base64 and base64url at
 *   the three alignments, each of these text forms as UTF-8 and UTF-16LE;
 * - a phrase of three or more words: its rarest three consecutive words, as a sequence.
 * @throws RangeError when the secret is shorter than MIN_SECRET_BYTES.
 */
export function secretPatterns(secret: Secret): SecretPatterns {
  const needles: Needle[] = [];
  const add = (encoding: string, bytes: Buffer | undefined): void => {
    if (!bytes || bytes.length === 0) return;
    if (needles.some((n) => n.bytes.equals(bytes))) return; // keep the first, plainest name
    needles.push({ encoding, bytes });
  };
  const addText = (encoding: string, text: string): void => {
    add(encoding, utf8(text));
    add(`${encoding} as utf-16le`, utf16le(text));
  };
  const { value } = secret;
  let bytes: Buffer;
  if (typeof value === 'string') {
    add('utf-8', utf8(value));
    add('utf-16le', utf16le(value));
    add('latin-1', latin1(value));
    bytes = isHexText(value) ? Buffer.from(value.replace(/^0x/u, ''), 'hex') : utf8(value);
    if (isHexText(value)) add('bytes spelled by the hex', bytes);
  } else {
    bytes = Buffer.from(value);
    add('bytes', bytes);
  }
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new RangeError(`secret "${secret.label}": ${bytes.length} bytes is too short to search for; use at least ${MIN_SECRET_BYTES}`);
  }
  const hex = bytes.toString('hex');
  addText('0x-hex', `0x${hex}`);
  addText('hex', hex);
  addText('HEX', hex.toUpperCase());
  for (const alphabet of ['base64', 'base64url'] as const) {
    base64Substrings(bytes, alphabet).forEach((text, shift) => {
      addText(`${alphabet} (offset ${shift} mod 3)`, text);
    });
  }
  const sequences: WordSequence[] = [];
  const window = typeof value === 'string' ? rarestWindow(phraseWords(value)) : undefined;
  if (window) {
    // The encoding's name does not repeat the words: findings end up in test output.
    sequences.push({ encoding: 'three rarest words in sequence (utf-8)', words: window.map(utf8) });
    sequences.push({ encoding: 'three rarest words in sequence (utf-16le)', words: window.map(utf16le) });
  }
  return { label: secret.label, needles, sequences };
}
