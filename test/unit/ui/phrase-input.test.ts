import { describe, expect, it } from 'vitest';
import { cleanWord, firstEmptyWord, guessWordlist, isPhraseLength, resizeWords, splitPhrase } from '../../../src/ui/lib/phrase-input';

describe('splitting a pasted recovery phrase', () => {
  it('splits on spaces, tabs, new lines and the ideographic space', () => {
    expect(splitPhrase(' abandon  ability\table\nabout\u3000above ')).toEqual(['abandon', 'ability', 'able', 'about', 'above']);
  });

  it('lowercases English words', () => {
    expect(splitPhrase('Abandon ABILITY')).toEqual(['abandon', 'ability']);
  });

  it('drops the numbering of a list copied from a document', () => {
    expect(splitPhrase('1. abandon 2. ability\n3) able 4、about')).toEqual(['abandon', 'ability', 'able', 'about']);
    expect(splitPhrase('1.abandon 2.ability')).toEqual(['abandon', 'ability']);
  });

  it('splits Chinese characters written together, one word each', () => {
    expect(splitPhrase('的一是在不了有和人这中大')).toEqual(['的', '一', '是', '在', '不', '了', '有', '和', '人', '这', '中', '大']);
    expect(splitPhrase('的 一 是，在')).toEqual(['的', '一', '是', '在']);
  });

  it('gives nothing for blank text', () => {
    expect(splitPhrase('  \n ')).toEqual([]);
  });
});

describe('recovery-phrase input helpers', () => {
  it('know the BIP-39 lengths', () => {
    expect([12, 15, 18, 21, 24].every(isPhraseLength)).toBe(true);
    expect([0, 11, 13, 23, 25].some(isPhraseLength)).toBe(false);
  });

  it('guess the word list from the script', () => {
    expect(guessWordlist(['abandon', 'ability'])).toBe('english');
    expect(guessWordlist(['的', '一'])).toBe('chinese_simplified');
    expect(guessWordlist(['abandon', '的'])).toBeUndefined();
    expect(guessWordlist([])).toBeUndefined();
  });

  it('clean a typed word', () => {
    expect(cleanWord('  Zoo ')).toBe('zoo');
    expect(cleanWord(' 的 ')).toBe('的');
  });

  it('resize the word list, keeping what was typed', () => {
    expect(resizeWords(['a', 'b'], 4)).toEqual(['a', 'b', '', '']);
    expect(resizeWords(['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
  });

  it('find the first empty word, counting from 1', () => {
    expect(firstEmptyWord(['a', ' ', 'c'])).toBe(2);
    expect(firstEmptyWord(['a', 'b'])).toBeUndefined();
  });
});
