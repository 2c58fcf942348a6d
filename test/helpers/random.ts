// A seeded PRNG for differential tests: a failure prints its seed, and the same seed replays it.

/** mulberry32: small, fast, and good enough to pick test inputs (not for keys). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  const bytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => int(256));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  };
  return { next, int, bytes, pick };
}

export type Random = ReturnType<typeof createRandom>;

export function hex(bytes: Uint8Array): `0x${string}` {
  return `0x${Buffer.from(bytes).toString('hex')}`;
}

/** Text mixing ASCII, Chinese, emoji and combining marks, to exercise UTF-8 and NFKD paths. */
export function randomText(random: Random, maxLength: number): string {
  const pieces = ['a', 'Z', '7', ' ', '股', '东', '钱', '包', '€', '😀', 'é', 'e\u0301', '\n', '"', '\\'];
  return Array.from({ length: random.int(maxLength + 1) }, () => random.pick(pieces)).join('');
}
