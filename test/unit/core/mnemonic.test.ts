import * as scure from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as chinese } from '@scure/bip39/wordlists/simplified-chinese.js';
import { HDKey } from '@scure/bip32';
import { Mnemonic } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  entropyToMnemonic, findMnemonicProblem, generateMnemonic, mnemonicToEntropy, mnemonicToSeed, mnemonicWords, normalizeMnemonic, validateMnemonic,
} from '../../../src/core';
import { createRandom, hex } from '../../helpers/random';
import englishVectors from '../../vectors/bip39-english.json';
import chineseVectors from '../../vectors/bip39-chinese-simplified.json';

interface Bip39Vector { entropy: string; mnemonic: string; passphrase: string; seed: string; xprv: string }

describe.each([
  ['english', englishVectors.vectors as Bip39Vector[], english] as const,
  ['chinese_simplified', chineseVectors.vectors as Bip39Vector[], chinese] as const,
])('BIP-39 %s vectors (trezor vectors.json)', (wordlist, vectors, list) => {
  it.each(vectors.map((v) => [v.mnemonic.split(' ').slice(0, 3).join(' '), v] as const))('turn "%s …" into the published seed', async (_name, vector) => {
    expect(validateMnemonic(vector.mnemonic, wordlist)).toBe(true);
    expect(hex(scure.mnemonicToEntropy(vector.mnemonic, list))).toBe(`0x${vector.entropy}`);
    const seed = await mnemonicToSeed(vector.mnemonic, vector.passphrase);
    expect(Buffer.from(seed).toString('hex')).toBe(vector.seed);
    expect(HDKey.fromMasterSeed(seed).privateExtendedKey).toBe(vector.xprv);
  });
});

describe('mnemonicToEntropy and entropyToMnemonic', () => {
  it('turn every published phrase into its entropy and back, in both wordlists', () => {
    for (const [wordlist, vectors] of [['english', englishVectors.vectors], ['chinese_simplified', chineseVectors.vectors]] as const) {
      for (const vector of vectors as Bip39Vector[]) {
        const entropy = mnemonicToEntropy(vector.mnemonic, wordlist);
        expect(hex(entropy)).toBe(`0x${vector.entropy}`);
        expect(entropyToMnemonic(entropy, wordlist)).toBe(vector.mnemonic);
      }
    }
  });

  it('refuse an invalid phrase with its problem, and entropy of a length BIP-39 does not have', () => {
    expect(() => mnemonicToEntropy('abandon abandon abandon')).toThrow('not a valid BIP-39 phrase: it has 3 words, not 12, 15, 18, 21 or 24');
    expect(() => mnemonicToEntropy('')).toThrow('not a valid BIP-39 phrase: it is empty');
    expect(() => entropyToMnemonic(new Uint8Array(64))).toThrow('BIP-39 entropy is 16, 20, 24, 28 or 32 bytes, not 64');
  });
});

describe('generateMnemonic', () => {
  it('gives 12 words by default and 24 with strength 256, in either wordlist, all valid', () => {
    for (const wordlist of ['english', 'chinese_simplified'] as const) {
      const twelve = generateMnemonic({ wordlist });
      const twentyFour = generateMnemonic({ wordlist, strength: 256 });
      expect(mnemonicWords(twelve)).toHaveLength(12);
      expect(mnemonicWords(twentyFour)).toHaveLength(24);
      expect(validateMnemonic(twelve, wordlist)).toBe(true);
      expect(validateMnemonic(twentyFour, wordlist)).toBe(true);
    }
    expect(validateMnemonic(generateMnemonic())).toBe(true);
    expect(/^[a-z ]+$/.test(generateMnemonic())).toBe(true);
  });

  it('never repeats a phrase across 200 draws', () => {
    const phrases = new Set(Array.from({ length: 200 }, () => generateMnemonic()));
    expect(phrases.size).toBe(200);
  });

  it('refuses strengths other than 128 and 256, and unknown wordlists', () => {
    expect(() => generateMnemonic({ strength: 192 as 128 })).toThrow(/128 \(12 words\) or 256 \(24 words\)/);
    expect(() => generateMnemonic({ wordlist: 'klingon' as 'english' })).toThrow(/unknown wordlist "klingon"/);
  });
});

describe('findMnemonicProblem', () => {
  const valid = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

  it('accepts a valid phrase', () => {
    expect(findMnemonicProblem(valid)).toBeUndefined();
  });

  it('says which word is not in the word list', () => {
    const typo = valid.replace(/abandon$/, '').split(' ');
    typo[6] = 'abandun';
    expect(findMnemonicProblem(typo.join(' '))).toEqual({ kind: 'unknown-word', position: 7, word: 'abandun' });
  });

  it('says when the number of words is wrong', () => {
    expect(findMnemonicProblem('abandon abandon about')).toEqual({ kind: 'word-count', count: 3 });
    expect(findMnemonicProblem('   ')).toEqual({ kind: 'empty' });
  });

  it('says when the checksum does not match', () => {
    expect(findMnemonicProblem(valid.replace(/about$/, 'abandon'))).toEqual({ kind: 'checksum' });
    expect(validateMnemonic(valid.replace(/about$/, 'abandon'))).toBe(false);
  });

  it('judges a phrase against the chosen wordlist only', () => {
    const chinesePhrase = generateMnemonic({ wordlist: 'chinese_simplified' });
    expect(validateMnemonic(chinesePhrase)).toBe(false);
    expect(findMnemonicProblem(chinesePhrase)).toMatchObject({ kind: 'unknown-word', position: 1 });
  });

  it('tolerates extra, leading and ideographic spaces the way a pasted phrase has them', () => {
    const messy = `  ${valid.split(' ').join('  ')}\n`;
    expect(validateMnemonic(messy)).toBe(true);
    expect(normalizeMnemonic(messy)).toBe(valid);
    const chinesePhrase = generateMnemonic({ wordlist: 'chinese_simplified' });
    expect(validateMnemonic(chinesePhrase.split(' ').join('\u3000'), 'chinese_simplified')).toBe(true);
  });

  it('agrees with @scure/bip39 on 300 random mutations of valid phrases', () => {
    const random = createRandom(39);
    for (let i = 0; i < 300; i++) {
      const words = mnemonicWords(scure.generateMnemonic(english, random.pick([128, 160, 192, 224, 256])));
      if (random.int(2) === 0) words[random.int(words.length)] = random.pick(english);
      if (random.int(4) === 0) words.pop();
      const phrase = words.join(' ');
      expect(validateMnemonic(phrase), phrase).toBe(scure.validateMnemonic(phrase, english));
    }
  });
});

describe('mnemonicToSeed', () => {
  it('agrees with @scure/bip39 and ethers on random phrases and passphrases, NFKD included', async () => {
    const random = createRandom(64);
    const passphrases = ['', 'TREZOR', '股东', 'e\u0301té', 'Ｆｕｌｌｗｉｄｔｈ'];
    for (let i = 0; i < 20; i++) {
      const phrase = scure.generateMnemonic(random.int(2) === 0 ? english : chinese, 128);
      const passphrase = random.pick(passphrases);
      const ours = hex(await mnemonicToSeed(phrase, passphrase));
      expect(ours).toBe(hex(await scure.mnemonicToSeed(phrase, passphrase)));
      if (/^[a-z ]+$/.test(phrase)) expect(ours).toBe(Mnemonic.fromPhrase(phrase, passphrase).computeSeed());
    }
  });

  it('gives 64 bytes', async () => {
    expect(await mnemonicToSeed('abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about')).toHaveLength(64);
  });
});
