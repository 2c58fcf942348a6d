// Uniform random integers for the UI's choices (which phrase positions to ask, the order of options).
// Passed in as a function so tests can make the choices predictable.

/** A uniform random integer in [0, maxExclusive). */
export type RandomInt = (maxExclusive: number) => number;

/**
 * `crypto.getRandomValues` with rejection sampling, so no value is more likely than another.
 * @throws RangeError when `maxExclusive` is not an integer from 1 to 2^32.
 */
export const secureRandomInt: RandomInt = (maxExclusive) => {
  if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > 2 ** 32) {
    throw new RangeError(`maxExclusive must be an integer from 1 to 2^32, not ${maxExclusive}`);
  }
  const limit = 2 ** 32 - (2 ** 32 % maxExclusive);
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % maxExclusive;
  }
};

/** A shuffled copy of `items` (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: RandomInt): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = random(i + 1);
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}
