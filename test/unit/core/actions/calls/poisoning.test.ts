import { describe, expect, it } from 'vitest';
import { findImitatedAddress } from '../../../../../src/core';

const MINE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PAST = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const known = [MINE, PAST];

describe('findImitatedAddress', () => {
  it('finds the known address a recipient imitates by its first and last 4 hex characters', () => {
    expect(findImitatedAddress('0xf39f000000000000000000000000000000002266', known)).toBe(MINE);
    expect(findImitatedAddress('0x7099797000000000000000000000000000dc79c8', known)).toBe(PAST);
  });

  it('matches in any case', () => {
    expect(findImitatedAddress('0xF39F000000000000000000000000000000002266', known)).toBe(MINE);
  });

  it('does not warn when only 3 characters match at either end', () => {
    expect(findImitatedAddress('0xf39a000000000000000000000000000000002266', known)).toBeUndefined();
    expect(findImitatedAddress('0xf39f000000000000000000000000000000003266', known)).toBeUndefined();
  });

  it('does not warn about a known address itself, in any case', () => {
    expect(findImitatedAddress(MINE, known)).toBeUndefined();
    expect(findImitatedAddress(PAST.toLowerCase(), known)).toBeUndefined();
  });

  it('ignores entries and recipients that are not addresses', () => {
    expect(findImitatedAddress('0xf39f2266', known)).toBeUndefined();
    expect(findImitatedAddress('0xf39f000000000000000000000000000000002266', ['0xf39f2266'])).toBeUndefined();
  });
});
