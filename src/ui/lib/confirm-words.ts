// The recovery-phrase confirmation: the user proves they wrote the phrase down by picking, for a few
// random positions, the right word among several. The other options are words from the same phrase,
// so familiarity with "a word I saw" does not help: only knowing its position does.
import { secureRandomInt, shuffled, type RandomInt } from './random';

export interface ConfirmQuestion {
  /** 1-based position in the phrase. */
  position: number;
  answer: string;
  /** The answer and the decoys, in random order; all different. */
  options: string[];
}

/**
 * Picks `count` distinct positions (in ascending order) and, for each, `optionCount` distinct options.
 * A phrase with few distinct words gives fewer options, never a duplicate.
 * @throws RangeError when the phrase has fewer words than `count`.
 */
export function pickConfirmQuestions(
  words: readonly string[], count = 3, random: RandomInt = secureRandomInt, optionCount = 4,
): ConfirmQuestion[] {
  if (words.length < count) throw new RangeError(`a phrase of ${words.length} words cannot be asked ${count} positions`);
  const positions = shuffled(words.map((_, index) => index), random).slice(0, count).sort((a, b) => a - b);
  const distinct = [...new Set(words)];
  return positions.map((index) => {
    const answer = words[index] ?? '';
    const decoys = shuffled(distinct.filter((word) => word !== answer), random).slice(0, optionCount - 1);
    return { position: index + 1, answer, options: shuffled([answer, ...decoys], random) };
  });
}

/** True when every question has its answer picked. `picks` maps a position to the chosen word. */
export function allCorrect(questions: readonly ConfirmQuestion[], picks: ReadonlyMap<number, string>): boolean {
  return questions.every((question) => picks.get(question.position) === question.answer);
}
