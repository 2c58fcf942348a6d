import { describe, expect, it } from 'vitest';
import { slip39Combine, slip39Split, slip39SplitGroups } from '../../../../src/core';
import { decodeShare } from '../../../../src/core/slip39/share';
import { createRandom, hex } from '../../../helpers/random';

const random = createRandom(3931);

describe('slip39Split', () => {
  it('makes N shares of 20, 33 or 59 words for 16, 32 or 64 bytes, any T of which give the secret back', async () => {
    for (const [length, wordCount] of [[16, 20], [32, 33], [64, 59]] as const) {
      const secret = random.bytes(length);
      const shares = await slip39Split(secret, { threshold: 3, shares: 5, passphrase: 'pass' });
      expect(shares).toHaveLength(5);
      expect(shares.every((share) => share.split(' ').length === wordCount)).toBe(true);
      for (const chosen of [[0, 1, 2], [4, 2, 0], [1, 3, 4]]) {
        expect(hex(await slip39Combine(chosen.map((i) => shares[i] ?? ''), 'pass'))).toBe(hex(secret));
      }
    }
  });

  it('makes extendable shares with iteration exponent 1 by default, and the old format when asked', async () => {
    const secret = random.bytes(16);
    const [byDefault = ''] = await slip39Split(secret, { threshold: 2, shares: 2 });
    expect(decodeShare(byDefault, 1)).toMatchObject({ extendable: true, iterationExponent: 1, memberThreshold: 2, groupCount: 1 });
    const [old = ''] = await slip39Split(secret, { threshold: 2, shares: 2, extendable: false, iterationExponent: 0 });
    expect(decodeShare(old, 1)).toMatchObject({ extendable: false, iterationExponent: 0 });
  });

  it('starts every share of a set with the same two words and draws a new identifier for each set', async () => {
    const secret = random.bytes(16);
    const identifiers = new Set<number>();
    for (let i = 0; i < 8; i++) {
      const shares = await slip39Split(secret, { threshold: 2, shares: 4 });
      expect(new Set(shares.map((share) => share.split(' ').slice(0, 2).join(' '))).size).toBe(1);
      identifiers.add(decodeShare(shares[0] ?? '', 1).identifier);
    }
    expect(identifiers.size).toBeGreaterThan(1);
  });

  it('gives the same master secret from two extendable sets of one secret and passphrase', async () => {
    const secret = random.bytes(32);
    const first = await slip39Split(secret, { threshold: 2, shares: 3, passphrase: 'x' });
    const second = await slip39Split(secret, { threshold: 3, shares: 5, passphrase: 'x' });
    expect(hex(await slip39Combine(first.slice(1), 'x'))).toBe(hex(await slip39Combine(second.slice(2), 'x')));
  });

  it('refuses secrets, counts and thresholds that SLIP-0039 does not allow', async () => {
    const secret = random.bytes(16);
    await expect(slip39Split(random.bytes(14), { threshold: 1, shares: 1 })).rejects.toThrow(/even number of bytes, at least 16, not 14/);
    await expect(slip39Split(random.bytes(17), { threshold: 1, shares: 1 })).rejects.toThrow(RangeError);
    await expect(slip39Split('secret' as unknown as Uint8Array, { threshold: 1, shares: 1 })).rejects.toThrow(TypeError);
    await expect(slip39Split(secret, { threshold: 3, shares: 2 })).rejects.toThrow(/threshold must be a whole number from 1 to 2, not 3/);
    await expect(slip39Split(secret, { threshold: 2, shares: 17 })).rejects.toThrow(/number of shares must be a whole number from 1 to 16/);
    await expect(slip39Split(secret, { threshold: 0, shares: 2 })).rejects.toThrow(RangeError);
    await expect(slip39Split(secret, { threshold: 1, shares: 3 })).rejects.toThrow(/threshold of 1 with 3 shares is not allowed; use 1 of 1/);
    await expect(slip39Split(secret, { threshold: 2, shares: 3, iterationExponent: 16 })).rejects.toThrow(/iteration exponent/);
  });
});

describe('slip39SplitGroups', () => {
  it('splits into groups with their own thresholds, and any GT groups give the secret back', async () => {
    const secret = random.bytes(16);
    const groups = await slip39SplitGroups(secret, {
      groupThreshold: 2, groups: [{ threshold: 1, shares: 1 }, { threshold: 1, shares: 1 }, { threshold: 3, shares: 5 }, { threshold: 2, shares: 6 }],
    });
    expect(groups.map((group) => group.length)).toEqual([1, 1, 5, 6]);
    const [alice = [], alice2 = [], friends = [], family = []] = groups;
    expect(hex(await slip39Combine([...alice, ...alice2]))).toBe(hex(secret));
    expect(hex(await slip39Combine([family[5] ?? '', ...friends.slice(2), family[1] ?? '']))).toBe(hex(secret));
    expect(hex(await slip39Combine([...alice2, family[0] ?? '', family[3] ?? '']))).toBe(hex(secret));
  });

  it('refuses a group threshold above the number of groups, and more than 16 groups', async () => {
    const secret = random.bytes(16);
    await expect(slip39SplitGroups(secret, { groupThreshold: 3, groups: [{ threshold: 1, shares: 1 }, { threshold: 1, shares: 1 }] }))
      .rejects.toThrow(/group threshold must be a whole number from 1 to 2, not 3/);
    await expect(slip39SplitGroups(secret, { groupThreshold: 1, groups: Array.from({ length: 17 }, () => ({ threshold: 1, shares: 1 })) }))
      .rejects.toThrow(/number of groups/);
  });
});
