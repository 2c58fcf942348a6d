// SLIP-0039 §Format of the share mnemonic: one share as its fields, and as words.
import { Slip39Error } from './errors';
import { CHECKSUM_WORDS, createChecksum, verifyChecksum } from './rs1024';
import { SLIP39_WORDLIST, wordIndex } from './wordlist';

/** A decoded share. Thresholds and counts are the real values (the words store them minus one). */
export interface Share {
  /** 15-bit random identifier, the same in every share of a set. */
  identifier: number;
  /** ext: when set, the identifier is not part of the encryption salt. */
  extendable: boolean;
  /** e: PBKDF2 runs 10000 × 2^e iterations in total. */
  iterationExponent: number;
  /** GI: the x value of the group share, 0..15. */
  groupIndex: number;
  groupThreshold: number;
  groupCount: number;
  /** I: the x value of the member share within its group, 0..15. */
  memberIndex: number;
  memberThreshold: number;
  value: Uint8Array;
}

const RADIX_BITS = 10;
/** id (15 bits) + ext (1) + e (4) = 20 bits = 2 words; GI, Gt, g, I, t (4 bits each) = 2 words. */
const ID_EXP_WORDS = 2;
const PARAMS_WORDS = 2;
const METADATA_WORDS = ID_EXP_WORDS + PARAMS_WORDS + CHECKSUM_WORDS;
/** A share of the shortest allowed secret, 128 bits: 13 value words + 7 = 20 words. */
export const MIN_SHARE_WORDS = METADATA_WORDS + Math.ceil(128 / RADIX_BITS);

function toWords(value: bigint, count: number): number[] {
  return Array.from({ length: count }, (_, i) => Number((value >> BigInt(RADIX_BITS * (count - 1 - i))) & 1023n));
}

function fromWords(words: readonly number[]): bigint {
  return words.reduce((value, word) => (value << BigInt(RADIX_BITS)) | BigInt(word), 0n);
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function bigIntToBytes(value: bigint, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => Number((value >> BigInt(8 * (length - 1 - i))) & 0xffn));
}

/** The share's words joined by single spaces. The caller guarantees every field is in range. */
export function encodeShare(share: Share): string {
  const idExp = (BigInt(share.identifier) << 5n) | (share.extendable ? 16n : 0n) | BigInt(share.iterationExponent);
  const params = [share.groupIndex, share.groupThreshold - 1, share.groupCount - 1, share.memberIndex, share.memberThreshold - 1]
    .reduce((value, field) => (value << 4n) | BigInt(field), 0n);
  // The value is left-padded with zero bits to a whole number of words.
  const valueWords = Math.ceil((share.value.length * 8) / RADIX_BITS);
  const data = [...toWords(idExp, ID_EXP_WORDS), ...toWords(params, PARAMS_WORDS), ...toWords(bytesToBigInt(share.value), valueWords)];
  return [...data, ...createChecksum(data, share.extendable)].map((index) => SLIP39_WORDLIST[index] ?? '').join(' ');
}

/** The words of a typed share: any whitespace separates them, and case does not matter. */
export function shareWords(mnemonic: string): string[] {
  return mnemonic.toLowerCase().split(/\s+/u).filter((word) => word.length > 0);
}

/**
 * The fields of share number `position` (from 1, for messages).
 * @throws Slip39Error for an unknown word, a wrong length, a failing checksum, non-zero padding, or a group
 *   threshold above the group count.
 */
export function decodeShare(mnemonic: string, position: number): Share {
  const words = shareWords(mnemonic);
  const indices = words.map((word, i) => {
    const index = wordIndex(word);
    if (index === undefined) throw new Slip39Error({ kind: 'unknown-word', share: position, position: i + 1, word });
    return index;
  });
  if (indices.length < MIN_SHARE_WORDS) throw new Slip39Error({ kind: 'too-short', share: position, words: indices.length });
  // SLIP-0039 §Combining: the padding, (bits of the padded value) mod 16, must not exceed 8 bits.
  const valueWords = indices.slice(ID_EXP_WORDS + PARAMS_WORDS, -CHECKSUM_WORDS);
  const paddingBits = (RADIX_BITS * valueWords.length) % 16;
  if (paddingBits > 8) throw new Slip39Error({ kind: 'bad-length', share: position, words: indices.length });

  const idExp = Number(fromWords(indices.slice(0, ID_EXP_WORDS)));
  const extendable = ((idExp >> 4) & 1) === 1;
  if (!verifyChecksum(indices, extendable)) throw new Slip39Error({ kind: 'checksum', share: position });

  const params = Number(fromWords(indices.slice(ID_EXP_WORDS, ID_EXP_WORDS + PARAMS_WORDS)));
  const field = (shift: number): number => (params >> shift) & 0xf;
  const groupThreshold = field(12) + 1;
  const groupCount = field(8) + 1;
  if (groupThreshold > groupCount) {
    throw new Slip39Error({ kind: 'group-threshold-above-count', share: position, groupThreshold, groupCount });
  }

  const valueBytes = (RADIX_BITS * valueWords.length - paddingBits) / 8;
  const value = fromWords(valueWords);
  // SLIP-0039 §Combining: all padding bits must be "0".
  if (value >> BigInt(8 * valueBytes) !== 0n) throw new Slip39Error({ kind: 'padding', share: position });

  return {
    identifier: idExp >> 5,
    extendable,
    iterationExponent: idExp & 0xf,
    groupIndex: field(16),
    groupThreshold,
    groupCount,
    memberIndex: field(4),
    memberThreshold: field(0) + 1,
    value: bigIntToBytes(value, valueBytes),
  };
}
