import { fromRlp, toRlp } from 'viem';
import { describe, expect, it } from 'vitest';
import { rlpDecode, rlpEncode, rlpInteger, RlpError, type RlpItem } from '../../../../src/core/transactions/rlp';
import { createRandom, hex, type Random } from '../../../helpers/random';

type ViemItem = `0x${string}` | ViemItem[];

function randomItem(random: Random, depth: number): RlpItem {
  if (depth > 0 && random.int(3) === 0) return Array.from({ length: random.int(5) }, () => randomItem(random, depth - 1));
  return random.bytes(random.pick([0, 1, 1, 2, 55, 56, 57, 255, 256, 1100]));
}

function toViem(item: RlpItem): ViemItem {
  return item instanceof Uint8Array ? hex(item) : item.map(toViem);
}

describe('rlpEncode and rlpDecode', () => {
  it('agree with viem on 300 random nested items, including the 55/56-byte length boundary', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const item = randomItem(createRandom(seed), 3);
      const encoded = rlpEncode(item);
      expect(hex(encoded), `seed ${seed}`).toBe(toRlp(toViem(item)));
      expect(toViem(rlpDecode(encoded)), `seed ${seed}`).toEqual(fromRlp(hex(encoded), 'hex'));
    }
  });

  it('encodes integers without leading zeros and zero as the empty string', () => {
    expect(hex(rlpInteger(0n))).toBe('0x');
    expect(hex(rlpInteger(0x0fffn))).toBe('0x0fff');
    expect(hex(rlpEncode(rlpInteger(0x7fn)))).toBe('0x7f');
    expect(hex(rlpEncode(rlpInteger(0x80n)))).toBe('0x8180');
  });

  it.each([
    ['empty input', '0x'],
    ['a string longer than its input', '0x83aabb'],
    ['a list longer than its input', '0xc3aabb'],
    ['bytes after the item', '0x8180ff'],
    ['a single byte below 0x80 wrapped in a prefix', '0x817f'],
    ['the long form for a short length', '0xb801aa'],
    ['a long length with a leading zero byte', `0xb90038${'aa'.repeat(56)}`],
    ['a long length that runs past the input', '0xb9ffff'],
    ['a list whose item runs past the list', '0xc28300aabb'],
  ])('refuses %s', (_label, input) => {
    expect(() => rlpDecode(Buffer.from(input.slice(2), 'hex'))).toThrow(RlpError);
  });
});
