import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import { deriveNode, slip39Combine, Slip39Error, type Slip39Problem } from '../../../../src/core';
import { hex } from '../../../helpers/random';
import source from '../../../vectors/slip39.json';

type Vector = [description: string, mnemonics: string[], masterSecret: string, xprv: string];
const vectors = source.vectors as Vector[];

// What each invalid vector must be refused for; the description in vectors.json says the same in words.
const refusals: Record<number, Slip39Problem['kind']> = {
  2: 'checksum', 3: 'padding', 5: 'too-few-shares', 6: 'different-set', 7: 'different-set', 8: 'different-set',
  9: 'different-set', 10: 'group-threshold-above-count', 11: 'same-member-index', 12: 'member-threshold-mismatch',
  13: 'digest', 14: 'too-few-groups', 15: 'too-few-groups', 16: 'too-few-shares',
  21: 'checksum', 22: 'padding', 24: 'too-few-shares', 25: 'different-set', 26: 'different-set', 27: 'different-set',
  28: 'different-set', 29: 'group-threshold-above-count', 30: 'same-member-index', 31: 'member-threshold-mismatch',
  32: 'digest', 33: 'too-few-groups', 34: 'too-few-groups', 35: 'too-few-shares', 39: 'too-short', 40: 'bad-length',
};

const valid = vectors.filter(([, , secret]) => secret !== '');
const invalid = vectors.filter(([, , secret]) => secret === '');

async function refusal(mnemonics: string[]): Promise<Slip39Error> {
  const error: unknown = await slip39Combine(mnemonics, 'TREZOR').then(() => undefined, (thrown: unknown) => thrown);
  if (!(error instanceof Slip39Error)) throw new Error(`expected a Slip39Error, got ${String(error)}`);
  return error;
}

describe('the 45 official SLIP-0039 vectors (trezor/python-shamir-mnemonic vectors.json)', () => {
  it('are all here: 15 valid sets and 30 invalid ones', () => {
    expect(vectors).toHaveLength(45);
    expect(valid).toHaveLength(15);
    expect(invalid).toHaveLength(30);
    expect(Object.keys(refusals)).toHaveLength(30);
  });

  it.each(valid)('%s: combine to the published master secret and BIP-32 master key', async (_name, mnemonics, secret, xprv) => {
    const masterSecret = await slip39Combine(mnemonics, 'TREZOR');
    expect(hex(masterSecret)).toBe(`0x${secret}`);
    // SLIP-0039 §BIP-32: the master secret is the BIP-32 seed; our own hd code must give the published key.
    const master = deriveNode(masterSecret, 'm');
    const expected = HDKey.fromExtendedKey(xprv);
    expect(hex(master.privateKey)).toBe(hex(expected.privateKey ?? new Uint8Array()));
    expect(hex(master.chainCode)).toBe(hex(expected.chainCode ?? new Uint8Array()));
  });

  it.each(invalid)('%s: is refused for the right reason', async (name, mnemonics) => {
    const number = Number(/^(\d+)\./.exec(name)?.[1]);
    const error = await refusal(mnemonics);
    expect(error.problem.kind).toBe(refusals[number]);
  });

  it('name the differing field for sets that mix identifiers, iteration exponents, group thresholds and counts', async () => {
    const fieldOf = async (number: number): Promise<unknown> => {
      const vector = vectors[number - 1];
      if (vector === undefined) throw new Error(`no vector ${number}`);
      return (await refusal(vector[1])).problem;
    };
    expect(await fieldOf(6)).toEqual({ kind: 'different-set', share: 2, field: 'identifier' });
    expect(await fieldOf(7)).toEqual({ kind: 'different-set', share: 2, field: 'iteration-exponent' });
    expect(await fieldOf(8)).toEqual({ kind: 'different-set', share: 3, field: 'group-threshold' });
    expect(await fieldOf(9)).toEqual({ kind: 'different-set', share: 2, field: 'group-count' });
  });
});
