import { describe, expect, it } from 'vitest';
import { slip39Combine, slip39Split, slip39SplitGroups, type Slip39Group } from '../../../../src/core';
import { createRandom, hex, type Random } from '../../../helpers/random';
import { oracleCombine, oracleSplit, oracleValidates } from '../../../helpers/slip39-oracle';

interface Scheme {
  secret: Uint8Array;
  groupThreshold: number;
  groups: Slip39Group[];
  passphrase: string;
  extendable: boolean;
  iterationExponent: number;
}

function randomGroup(random: Random): Slip39Group {
  const shares = 1 + random.int(5);
  // SLIP-0039 refuses 1-of-N groups with N > 1, so a threshold of 1 goes with a single share.
  const threshold = shares === 1 ? 1 : 2 + random.int(shares - 1);
  return { threshold, shares };
}

function randomPassphrase(random: Random): string {
  if (random.int(3) === 0) return '';
  return Array.from({ length: 1 + random.int(12) }, () => String.fromCharCode(32 + random.int(95))).join('');
}

function randomScheme(random: Random): Scheme {
  const groups = Array.from({ length: 1 + random.int(4) }, () => randomGroup(random));
  return {
    secret: random.bytes(random.pick([16, 32])),
    groupThreshold: 1 + random.int(groups.length),
    groups,
    passphrase: randomPassphrase(random),
    extendable: random.int(2) === 0,
    iterationExponent: random.int(2),
  };
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** A random set that meets the thresholds exactly: GT groups, and T shares of each, in a random order. */
function randomQuorum(random: Random, scheme: Scheme, shares: string[][]): string[] {
  const chosenGroups = shuffle(random, scheme.groups.map((_, g) => g)).slice(0, scheme.groupThreshold);
  return shuffle(random, chosenGroups.flatMap((g) => shuffle(random, shares[g] ?? []).slice(0, scheme.groups[g]?.threshold ?? 0)));
}

describe('SLIP-0039 against the independent implementation npm slip39 (ilap/slip39-js)', () => {
  it('recovers, in the oracle, the secret of 40 random group schemes split by us', async () => {
    const random = createRandom(3901);
    for (let i = 0; i < 40; i++) {
      const scheme = randomScheme(random);
      const shares = await slip39SplitGroups(scheme.secret, scheme);
      const quorum = randomQuorum(random, scheme, shares);
      expect(quorum.every(oracleValidates), `case ${i}`).toBe(true);
      expect(hex(oracleCombine(quorum, scheme.passphrase)), `case ${i}`).toBe(hex(scheme.secret));
    }
  });

  it('recovers, in ours, the secret of 40 random group schemes split by the oracle', async () => {
    const random = createRandom(3902);
    for (let i = 0; i < 40; i++) {
      const scheme = randomScheme(random);
      const shares = oracleSplit(scheme.secret, scheme);
      const quorum = randomQuorum(random, scheme, shares);
      expect(hex(await slip39Combine(quorum, scheme.passphrase)), `case ${i}`).toBe(hex(scheme.secret));
    }
  });

  it('agrees on single-group T-of-N splits both ways, extendable and not', async () => {
    const random = createRandom(3903);
    for (let i = 0; i < 24; i++) {
      const shares = 2 + random.int(15);
      const threshold = 2 + random.int(shares - 1);
      const secret = random.bytes(random.pick([16, 32]));
      const extendable = i % 2 === 0;
      const passphrase = randomPassphrase(random);
      const ours = await slip39Split(secret, { threshold, shares, passphrase, extendable });
      expect(ours).toHaveLength(shares);
      expect(hex(oracleCombine(shuffle(random, ours).slice(0, threshold), passphrase)), `case ${i}`).toBe(hex(secret));
      const [theirs = []] = oracleSplit(secret, {
        groupThreshold: 1, groups: [{ threshold, shares }], passphrase, extendable, iterationExponent: 1,
      });
      expect(hex(await slip39Combine(shuffle(random, theirs).slice(0, threshold), passphrase)), `case ${i}`).toBe(hex(secret));
    }
  });

  it('gives the same wrong secret as the oracle for a wrong passphrase, since SLIP-0039 cannot tell', async () => {
    const secret = createRandom(3904).bytes(16);
    const shares = await slip39Split(secret, { threshold: 2, shares: 3, passphrase: 'right' });
    const quorum = shares.slice(1);
    const ours = await slip39Combine(quorum, 'wrong');
    expect(hex(ours)).not.toBe(hex(secret));
    expect(hex(ours)).toBe(hex(oracleCombine(quorum, 'wrong')));
  });
});
