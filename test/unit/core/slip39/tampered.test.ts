import { describe, expect, it } from 'vitest';
import { slip39Combine, slip39Split, slip39SplitGroups, Slip39Error } from '../../../../src/core';
import { createChecksum } from '../../../../src/core/slip39/rs1024';
import { decodeShare, encodeShare, type Share } from '../../../../src/core/slip39/share';
import { SLIP39_WORDLIST } from '../../../../src/core/slip39/wordlist';
import { createRandom, hex } from '../../../helpers/random';

const secret = createRandom(3911).bytes(16);

async function refusal(mnemonics: string[], passphrase = ''): Promise<Slip39Error> {
  const error: unknown = await slip39Combine(mnemonics, passphrase).then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof Slip39Error)) throw new Error(`expected a Slip39Error, got ${String(error)}`);
  return error;
}

function words(mnemonic: string): string[] {
  return mnemonic.split(' ');
}

/** `mnemonic` with word `position` (from 1) replaced by the next word of the list. */
function changeWord(mnemonic: string, position: number): string {
  const list = words(mnemonic);
  const index = SLIP39_WORDLIST.indexOf(list[position - 1] ?? '');
  list[position - 1] = SLIP39_WORDLIST[(index + 1) % 1024] ?? '';
  return list.join(' ');
}

/** A share re-encoded with some fields changed and a valid checksum, as an attacker or a careless tool would. */
function reencode(mnemonic: string, change: Partial<Share>): string {
  return encodeShare({ ...decodeShare(mnemonic, 1), ...change });
}

describe('slip39Combine refuses a damaged or mixed set with a message that says what is wrong', () => {
  it('says which share has a mistyped word when one word of it is changed', async () => {
    const shares = await slip39Split(secret, { threshold: 2, shares: 3 });
    const altered = changeWord(shares[1] ?? '', 9);
    const error = await refusal([shares[0] ?? '', altered]);
    expect(error.message).toBe('share 2: a word is mistyped (checksum fails)');
    expect(error.problem).toEqual({ kind: 'checksum', share: 2 });
  });

  it('names a word that is not in the SLIP-39 word list, and where it is', async () => {
    const shares = await slip39Split(secret, { threshold: 2, shares: 3 });
    const list = words(shares[2] ?? '');
    list[4] = 'bitcoin';
    const error = await refusal([shares[0] ?? '', list.join(' ')]);
    expect(error.message).toBe('share 2: word 5 "bitcoin" is not in the SLIP-39 word list');
  });

  it('says when the same share was given twice', async () => {
    const shares = await slip39Split(secret, { threshold: 2, shares: 3 });
    const error = await refusal([shares[1] ?? '', ` ${(shares[1] ?? '').toUpperCase()} `]);
    expect(error.message).toBe('share 2 is the same as share 1 (given twice)');
  });

  it('says when a share comes from another set of shares of the same secret', async () => {
    const first = await slip39Split(secret, { threshold: 2, shares: 3 });
    let second = await slip39Split(secret, { threshold: 2, shares: 3 });
    // The identifier is 15 random bits; split again in the rare case that both sets drew the same one.
    while (second[0]?.split(' ')[0] === first[0]?.split(' ')[0]) second = await slip39Split(secret, { threshold: 2, shares: 3 });
    const error = await refusal([first[0] ?? '', second[1] ?? '']);
    expect(error.message).toBe('share 2 is from another set of shares than share 1: its identifier (first words) differs');
  });

  it('says which field differs when only the extendable flag, the iteration exponent or the length differs', async () => {
    const [a = '', b = ''] = await slip39Split(secret, { threshold: 2, shares: 3, iterationExponent: 0 });
    expect((await refusal([a, reencode(b, { extendable: false })])).problem).toEqual({ kind: 'different-set', share: 2, field: 'extendable' });
    expect((await refusal([a, reencode(b, { iterationExponent: 2 })])).problem)
      .toEqual({ kind: 'different-set', share: 2, field: 'iteration-exponent' });
    const longer = await refusal([a, reencode(b, { value: new Uint8Array(32) })]);
    expect(longer.message).toBe('share 2 is from another set of shares than share 1: it has a different number of words');
  });

  it('detects an altered share whose checksum was recomputed by the digest mismatch after combining', async () => {
    const [a = '', b = ''] = await slip39Split(secret, { threshold: 2, shares: 3 });
    const value = decodeShare(b, 2).value.slice();
    value[0] = (value[0] ?? 0) ^ 1;
    const error = await refusal([a, reencode(b, { value })]);
    expect(error.message).toBe(
      'the shares of group 1 do not fit together (digest mismatch after combining): a share was altered or comes from another set',
    );
  });

  it('detects a forged group share by the digest of the group level', async () => {
    const groups = await slip39SplitGroups(secret, { groupThreshold: 2, groups: [{ threshold: 1, shares: 1 }, { threshold: 1, shares: 1 }] });
    const [a = ''] = groups[0] ?? [];
    const [b = ''] = groups[1] ?? [];
    const value = decodeShare(b, 2).value.slice();
    value[3] = (value[3] ?? 0) ^ 0x80;
    expect((await refusal([a, reencode(b, { value })])).problem).toEqual({ kind: 'digest' });
  });

  it('says how many shares are needed when too few or too many are given', async () => {
    const shares = await slip39Split(secret, { threshold: 3, shares: 5 });
    expect((await refusal(shares.slice(0, 2))).message).toBe('group 1: 2 shares given; 3 are needed');
    expect((await refusal(shares.slice(0, 4))).message).toBe('group 1: 4 shares given; exactly 3 are needed');
    expect((await refusal([])).message).toBe('no shares were given');
  });

  it('says how many groups are needed when too few or too many groups are given', async () => {
    const groups = await slip39SplitGroups(secret, {
      groupThreshold: 2, groups: [{ threshold: 1, shares: 1 }, { threshold: 2, shares: 2 }, { threshold: 1, shares: 1 }],
    });
    const [alone = ''] = groups[0] ?? [];
    const [last = ''] = groups[2] ?? [];
    expect((await refusal([alone])).message).toBe('shares of 1 group were given; 2 groups are needed');
    expect((await refusal([alone, ...(groups[1] ?? []), last])).message).toBe('shares of 3 groups were given; exactly 2 are needed');
    // With the right number of groups, one short group is named.
    expect((await refusal([alone, groups[1]?.[0] ?? ''])).message).toBe('group 2: 1 share given; 2 are needed');
  });

  it('refuses two shares that claim the same member index, or different thresholds in one group', async () => {
    const [a = '', b = ''] = await slip39Split(secret, { threshold: 2, shares: 3 });
    const sameIndex = reencode(b, { memberIndex: decodeShare(a, 1).memberIndex });
    expect((await refusal([a, sameIndex])).message).toBe('shares 1 and 2 are both member 1 of group 1 but differ, so one is altered or from another set');
    expect((await refusal([a, reencode(b, { memberThreshold: 3 })])).problem).toEqual({ kind: 'member-threshold-mismatch', share: 2, sameAs: 1, group: 1 });
  });

  it('refuses wrong padding, wrong lengths, and a group threshold above the group count', async () => {
    const [a = ''] = await slip39Split(secret, { threshold: 1, shares: 1 });
    // A 128-bit share has 13 value words (130 bits): the top 2 bits of the first one are padding.
    const padded = encodeShareWithRawWords(a, (values) => { values[4] = (values[4] ?? 0) | 0x200; });
    expect((await refusal([padded])).message).toBe('share 1: wrong padding (the first value word is too large), so a word is mistyped');
    expect((await refusal([words(a).slice(0, 19).join(' ')])).message).toBe('share 1 has 19 words; a share has at least 20');
    const longer = encodeShareWithRawWords(a, (values) => { values.splice(4, 0, 0); });
    expect((await refusal([longer])).message).toBe('share 1 has 21 words, a length no share can have (words missing or added)');
    expect((await refusal([reencode(a, { groupThreshold: 2 })])).message).toBe('share 1 asks for 2 groups of only 1, so it is damaged');
  });

  it('accepts shares typed in capitals and with extra spaces', async () => {
    const shares = await slip39Split(secret, { threshold: 2, shares: 3 });
    const typed = `  ${(shares[2] ?? '').toUpperCase().replaceAll(' ', '   ')}\n`;
    expect(hex(await slip39Combine([typed, shares[0] ?? '']))).toBe(hex(secret));
  });

  it('refuses a passphrase that is not printable ASCII, as SLIP-0039 requires', async () => {
    const shares = await slip39Split(secret, { threshold: 1, shares: 1 });
    await expect(slip39Combine(shares, '股东')).rejects.toThrow(RangeError);
    await expect(slip39Split(secret, { threshold: 1, shares: 1, passphrase: 'tab\t' })).rejects.toThrow(/printable ASCII/);
  });
});

/** A share whose data words are edited by `edit` and then given a correct checksum (ext = 1). */
function encodeShareWithRawWords(mnemonic: string, edit: (values: number[]) => void): string {
  const values = words(mnemonic).slice(0, -3).map((word) => SLIP39_WORDLIST.indexOf(word));
  edit(values);
  return [...values, ...createChecksum(values, true)].map((value) => SLIP39_WORDLIST[value] ?? '').join(' ');
}
