import { HDNodeWallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  createAccountDeriver, entropyToMnemonic, generateMnemonic, mnemonicToEntropy, mnemonicToSeed, slip39CombineToPhrase, slip39Split, slip39SplitPhrase,
  Slip39Error,
} from '../../../../src/core';
import { createRandom } from '../../../helpers/random';
import { oracleCombine } from '../../../helpers/slip39-oracle';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const ANVIL_ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

function firstAccounts(seed: Uint8Array, count = 3): string[] {
  const derive = createAccountDeriver(seed);
  return Array.from({ length: count }, (_, i) => derive(i).address);
}

/** Every pair of a 2-of-3 set, in both orders. */
function pairs(shares: readonly string[]): string[][] {
  return shares.flatMap((a, i) => shares.filter((_, j) => j !== i).map((b) => [a, b]));
}

describe('a SLIP-39 split of a BIP-39 wallet (slip39SplitPhrase / slip39CombineToPhrase)', () => {
  it('gives back the anvil phrase and its account 0xf39F…2266 from any two of three shares', async () => {
    const shares = await slip39SplitPhrase(ANVIL_PHRASE, { threshold: 2, shares: 3 });
    expect(shares.every((share) => share.split(' ').length === 20)).toBe(true);
    for (const pair of pairs(shares)) {
      const phrase = await slip39CombineToPhrase(pair);
      expect(phrase).toBe(ANVIL_PHRASE);
      expect((firstAccounts(await mnemonicToSeed(phrase)))[0]).toBe(ANVIL_ACCOUNT_0);
    }
  });

  it.each([
    ['a 12-word English phrase', 'english', 128, 'a BIP-39 passphrase'],
    ['a 24-word English phrase', 'english', 256, ''],
    ['a 12-word Chinese phrase', 'chinese_simplified', 128, '股东的口令'],
    ['a 24-word Chinese phrase', 'chinese_simplified', 256, ''],
  ] as const)('restores the same first accounts for %s, with the BIP-39 passphrase unchanged', async (_name, wordlist, strength, passphrase) => {
    const phrase = generateMnemonic({ wordlist, strength });
    const accounts = firstAccounts(await mnemonicToSeed(phrase, passphrase));
    const shares = await slip39SplitPhrase(phrase, { threshold: 2, shares: 3, wordlist });
    expect(shares.every((share) => share.split(' ').length === (strength === 128 ? 20 : 33))).toBe(true);
    const restored = await slip39CombineToPhrase([shares[2] ?? '', shares[0] ?? ''], wordlist);
    expect(restored).toBe(phrase);
    expect(firstAccounts(await mnemonicToSeed(restored, passphrase))).toEqual(accounts);
  });

  it('gives, in another SLIP-39 wallet, the accounts of the entropy used as BIP-32 seed: not the wallet\'s own', async () => {
    const shares = await slip39SplitPhrase(ANVIL_PHRASE, { threshold: 2, shares: 3 });
    const pair = shares.slice(0, 2);
    // What Trezor and the reference do (SLIP-0039 §BIP-32): combine with the wallet's passphrase (here
    // empty) and use the master secret itself as the BIP-32 seed. The oracle stands in for that wallet.
    const theirSecret = oracleCombine(pair, '');
    expect(theirSecret).toEqual(mnemonicToEntropy(ANVIL_PHRASE));
    const theirAccounts = firstAccounts(theirSecret);
    expect(theirAccounts).not.toContain(ANVIL_ACCOUNT_0);
    // ethers, as an independent BIP-32/44 implementation, derives the same first account from it.
    expect(theirAccounts[0]).toBe(HDNodeWallet.fromSeed(theirSecret).derivePath("m/44'/60'/0'/0/0").address);
    // A BIP-39 passphrase typed there as the SLIP-39 passphrase decrypts to yet another secret and wallet.
    const withPassphrase = oracleCombine(pair, 'TREZOR');
    expect(withPassphrase).not.toEqual(theirSecret);
    expect((firstAccounts(withPassphrase))[0]).not.toBe(ANVIL_ACCOUNT_0);
  });

  it('would, split from the 64-byte seed instead, restore the same accounts elsewhere from 59-word shares that are no phrase backup', async () => {
    const seed = await mnemonicToSeed(ANVIL_PHRASE);
    const shares = await slip39Split(seed, { threshold: 2, shares: 3 });
    expect(shares[0]?.split(' ')).toHaveLength(59);
    // Splitting the seed is what SLIP-0039 §BIP-32 asks for: another SLIP-39 wallet taking 59-word shares
    // would derive the same accounts from it.
    expect((firstAccounts(oracleCombine(shares.slice(1), '')))[0]).toBe(ANVIL_ACCOUNT_0);
    const error: unknown = await slip39CombineToPhrase(shares.slice(1)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Slip39Error);
    expect((error as Slip39Error).message).toBe('these shares hold a 64-byte secret, which no recovery phrase has: they were not made from a phrase');
  });

  it('refuses to split a phrase that is not valid BIP-39, and names the problem', async () => {
    await expect(slip39SplitPhrase('test test test test test test test test test test test test', { threshold: 2, shares: 3 }))
      .rejects.toThrow('not a valid BIP-39 phrase: its checksum fails');
    await expect(slip39SplitPhrase(ANVIL_PHRASE, { threshold: 2, shares: 3, wordlist: 'chinese_simplified' }))
      .rejects.toThrow(/word 1 "test" is not in the word list/);
  });

  it('gives back 15-, 18- and 21-word phrases too (shares of 23, 27 and 30 words)', async () => {
    const random = createRandom(3941);
    for (const [bytes, words] of [[20, 23], [24, 27], [28, 30]] as const) {
      const phrase = entropyToMnemonic(random.bytes(bytes));
      const shares = await slip39SplitPhrase(phrase, { threshold: 2, shares: 2 });
      expect(shares[0]?.split(' ')).toHaveLength(words);
      expect(await slip39CombineToPhrase(shares)).toBe(phrase);
    }
  });
});
