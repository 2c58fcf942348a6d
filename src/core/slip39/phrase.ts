// A SLIP-0039 split of an existing BIP-39 wallet that restores the SAME accounts in this wallet: the shares
// hold the phrase's entropy, so combining them gives the phrase back, and the phrase (with the unchanged
// BIP-39 passphrase) gives the same seed and accounts. SLIP-0039 §BIP-32 wants the BIP-32 seed as the master
// secret instead; splitting the 64-byte BIP-39 seed would make 59-word shares (Trezor takes 20 or 33),
// put the BIP-39 passphrase inside the shares, and leave this wallet without a phrase to show or check.
// The price: another SLIP-39 wallet uses these shares' secret (the entropy) as its BIP-32 seed, so it opens
// a different, empty wallet.
import { entropyToMnemonic, mnemonicToEntropy, type WordlistName } from '../mnemonic';
import { slip39Combine } from './combine';
import { Slip39Error } from './errors';
import { slip39Split } from './split';

/**
 * Splits a BIP-39 phrase into `shares` SLIP-0039 mnemonics of which any `threshold` give it back: 20 words
 * each for a 12-word phrase, 33 for a 24-word one. The BIP-39 passphrase is not in the shares; it stays
 * what it was. The shares are extendable and carry no SLIP-0039 passphrase.
 * @throws RangeError for a phrase that is not valid BIP-39 in `wordlist`, or thresholds slip39Split refuses.
 */
export async function slip39SplitPhrase(
  phrase: string,
  opts: { threshold: number; shares: number; wordlist?: WordlistName },
): Promise<string[]> {
  const entropy = mnemonicToEntropy(phrase, opts.wordlist ?? 'english');
  return slip39Split(entropy, { threshold: opts.threshold, shares: opts.shares });
}

/** BIP-39 entropy lengths: 128 to 256 bits in steps of 32. */
const PHRASE_ENTROPY_BYTES = [16, 20, 24, 28, 32];

/**
 * The BIP-39 phrase that slip39SplitPhrase split, in `wordlist` (the shares do not record the phrase's
 * language, and the seed depends on it, so the caller asks).
 * @throws Slip39Error for a bad set (as slip39Combine), or when the shares hold a secret whose length no
 *   BIP-39 phrase has (shares made by another SLIP-39 wallet from a 64-byte seed, say).
 */
export async function slip39CombineToPhrase(mnemonics: readonly string[], wordlist: WordlistName = 'english'): Promise<string> {
  const entropy = await slip39Combine(mnemonics);
  if (!PHRASE_ENTROPY_BYTES.includes(entropy.length)) throw new Slip39Error({ kind: 'not-a-phrase', bytes: entropy.length });
  return entropyToMnemonic(entropy, wordlist);
}
