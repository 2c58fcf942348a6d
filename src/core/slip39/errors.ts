// What is wrong with a set of SLIP-0039 shares, as data for the UI to word in its language, and as an
// English sentence. Shares are numbered from 1 in the order they were given; groups and members are
// numbered from 1 too (a share stores them from 0).

/** A share-set field that must be the same in every share of one backup (SLIP-0039 §Combining the shares). */
export type Slip39SetField = 'identifier' | 'extendable' | 'iteration-exponent' | 'group-threshold' | 'group-count' | 'length';

export type Slip39Problem =
  | { kind: 'no-shares' }
  | { kind: 'unknown-word'; share: number; position: number; word: string }
  | { kind: 'too-short'; share: number; words: number }
  | { kind: 'bad-length'; share: number; words: number }
  | { kind: 'checksum'; share: number }
  | { kind: 'padding'; share: number }
  | { kind: 'group-threshold-above-count'; share: number; groupThreshold: number; groupCount: number }
  | { kind: 'duplicate'; share: number; sameAs: number }
  | { kind: 'different-set'; share: number; field: Slip39SetField }
  | { kind: 'member-threshold-mismatch'; share: number; sameAs: number; group: number }
  | { kind: 'same-member-index'; share: number; sameAs: number; group: number; member: number }
  | { kind: 'too-few-groups'; have: number; need: number }
  | { kind: 'too-many-groups'; have: number; need: number }
  | { kind: 'too-few-shares'; group: number; have: number; need: number }
  | { kind: 'too-many-shares'; group: number; have: number; need: number }
  | { kind: 'digest'; group?: number }
  | { kind: 'not-a-phrase'; bytes: number };

const FIELD_WORDS: Record<Slip39SetField, string> = {
  identifier: 'its identifier (first words) differs',
  extendable: 'its extendable flag differs',
  'iteration-exponent': 'its iteration exponent (second word) differs',
  'group-threshold': 'its group threshold differs',
  'group-count': 'its group count differs',
  length: 'it has a different number of words',
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The English sentence for `problem`. */
export function describeSlip39Problem(problem: Slip39Problem): string {
  switch (problem.kind) {
    case 'no-shares':
      return 'no shares were given';
    case 'unknown-word':
      return `share ${problem.share}: word ${problem.position} "${problem.word}" is not in the SLIP-39 word list`;
    case 'too-short':
      return `share ${problem.share} has ${plural(problem.words, 'word')}; a share has at least 20`;
    case 'bad-length':
      return `share ${problem.share} has ${plural(problem.words, 'word')}, a length no share can have (words missing or added)`;
    case 'checksum':
      return `share ${problem.share}: a word is mistyped (checksum fails)`;
    case 'padding':
      return `share ${problem.share}: wrong padding (the first value word is too large), so a word is mistyped`;
    case 'group-threshold-above-count':
      return `share ${problem.share} asks for ${problem.groupThreshold} groups of only ${problem.groupCount}, so it is damaged`;
    case 'duplicate':
      return `share ${problem.share} is the same as share ${problem.sameAs} (given twice)`;
    case 'different-set':
      return `share ${problem.share} is from another set of shares than share 1: ${FIELD_WORDS[problem.field]}`;
    case 'member-threshold-mismatch':
      return `shares ${problem.sameAs} and ${problem.share} are both in group ${problem.group} but need different numbers of shares, so one is from another set`;
    case 'same-member-index':
      return `shares ${problem.sameAs} and ${problem.share} are both member ${problem.member} of group ${problem.group} but differ, so one is altered or from another set`;
    case 'too-few-groups':
      return `shares of ${plural(problem.have, 'group')} were given; ${problem.need} groups are needed`;
    case 'too-many-groups':
      return `shares of ${plural(problem.have, 'group')} were given; exactly ${problem.need} are needed`;
    case 'too-few-shares':
      return `group ${problem.group}: ${plural(problem.have, 'share')} given; ${problem.need} are needed`;
    case 'too-many-shares':
      return `group ${problem.group}: ${plural(problem.have, 'share')} given; exactly ${problem.need} are needed`;
    case 'digest':
      return problem.group === undefined
        ? 'the groups do not fit together (digest mismatch after combining): a share was altered or comes from another set'
        : `the shares of group ${problem.group} do not fit together (digest mismatch after combining): a share was altered or comes from another set`;
    case 'not-a-phrase':
      return `these shares hold a ${problem.bytes}-byte secret, which no recovery phrase has: they were not made from a phrase`;
    default:
      throw new TypeError(`unknown SLIP-39 problem ${JSON.stringify(problem satisfies never)}`);
  }
}

/** A set of SLIP-0039 shares that cannot be combined; `problem` says why, as data. */
export class Slip39Error extends Error {
  override readonly name = 'Slip39Error';
  readonly problem: Slip39Problem;

  constructor(problem: Slip39Problem) {
    super(describeSlip39Problem(problem));
    this.problem = problem;
  }
}
