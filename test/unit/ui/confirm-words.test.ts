import { describe, expect, it } from 'vitest';
import { allCorrect, pickConfirmQuestions } from '../../../src/ui/lib/confirm-words';
import { secureRandomInt, shuffled, type RandomInt } from '../../../src/ui/lib/random';

const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow'.split(' ');

/** A predictable "random" source: cycles through `values`, each taken modulo the range. */
function sequence(values: number[]): RandomInt {
  let i = 0;
  return (max) => (values[i++ % values.length] ?? 0) % max;
}

describe('the recovery-phrase confirmation', () => {
  it('asks three distinct positions in ascending order, each within the phrase', () => {
    for (let run = 0; run < 200; run++) {
      const positions = pickConfirmQuestions(PHRASE).map((question) => question.position);
      expect(positions).toHaveLength(3);
      expect(new Set(positions).size).toBe(3);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const position of positions) expect(position >= 1 && position <= 12).toBe(true);
    }
  });

  it('offers four different words, one of them the word at the position asked', () => {
    for (let run = 0; run < 200; run++) {
      for (const question of pickConfirmQuestions(PHRASE)) {
        expect(question.answer).toBe(PHRASE[question.position - 1]);
        expect(question.options).toHaveLength(4);
        expect(new Set(question.options).size).toBe(4);
        expect(question.options).toContain(question.answer);
        for (const option of question.options) expect(PHRASE).toContain(option);
      }
    }
  });

  it('never offers a repeated word of the phrase as a decoy of itself', () => {
    // "legal", "winner" and "thank" appear twice: asking position 1 must not offer "legal" twice.
    const questions = pickConfirmQuestions(PHRASE, 12, secureRandomInt);
    for (const question of questions) expect(question.options.filter((word) => word === question.answer)).toHaveLength(1);
  });

  it('gives fewer options rather than duplicates when the phrase has few distinct words', () => {
    const words = 'test test test test test test test test test test test junk'.split(' ');
    for (const question of pickConfirmQuestions(words)) {
      expect([...question.options].sort()).toEqual(['junk', 'test']);
    }
  });

  it('puts the answer in every place over many runs (the order is not predictable)', () => {
    const places = new Set<number>();
    for (let run = 0; run < 200; run++) {
      for (const question of pickConfirmQuestions(PHRASE)) places.add(question.options.indexOf(question.answer));
    }
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
  });

  it('follows the random source it is given', () => {
    const a = pickConfirmQuestions(PHRASE, 3, sequence([5, 3, 9, 1, 7, 2]));
    const b = pickConfirmQuestions(PHRASE, 3, sequence([5, 3, 9, 1, 7, 2]));
    expect(a).toEqual(b);
  });

  it('refuses to ask more positions than the phrase has', () => {
    expect(() => pickConfirmQuestions(PHRASE.slice(0, 2))).toThrow(RangeError);
  });

  it('passes only when every asked position has its own word picked', () => {
    const questions = pickConfirmQuestions(PHRASE);
    const right = new Map(questions.map((question) => [question.position, question.answer]));
    expect(allCorrect(questions, right)).toBe(true);
    const first = questions[0];
    if (first === undefined) throw new Error('no question');
    const wrong = new Map(right);
    wrong.set(first.position, first.options.find((option) => option !== first.answer) ?? '');
    expect(allCorrect(questions, wrong)).toBe(false);
    const missing = new Map(right);
    missing.delete(first.position);
    expect(allCorrect(questions, missing)).toBe(false);
  });
});

describe('the random helpers', () => {
  it('draw integers in range, every value reachable', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const value = secureRandomInt(5);
      expect(Number.isInteger(value) && value >= 0 && value < 5).toBe(true);
      seen.add(value);
    }
    expect(seen.size).toBe(5);
  });

  it('refuse an empty or fractional range', () => {
    expect(() => secureRandomInt(0)).toThrow(RangeError);
    expect(() => secureRandomInt(2.5)).toThrow(RangeError);
  });

  it('shuffle into a permutation without changing the input', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const output = shuffled(input, secureRandomInt);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...output].sort()).toEqual(input);
  });
});
