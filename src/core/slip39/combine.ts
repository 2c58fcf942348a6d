// SLIP-0039 §Combining the shares: check the set, rebuild each group's share, then the encrypted master
// secret, and decrypt it. Every check of step 1 fails with a Slip39Error that names the share at fault.
import { checkPassphrase, decryptMasterSecret } from './cipher';
import { Slip39Error, type Slip39SetField } from './errors';
import type { Point } from './gf256';
import { decodeShare, shareWords, type Share } from './share';
import { recoverSecret } from './shamir';

interface Numbered {
  /** Position in the given list, from 1. */
  position: number;
  share: Share;
}

const SET_FIELDS: readonly [Slip39SetField, (share: Share) => number | boolean][] = [
  ['identifier', (share) => share.identifier],
  ['extendable', (share) => share.extendable],
  ['iteration-exponent', (share) => share.iterationExponent],
  ['group-threshold', (share) => share.groupThreshold],
  ['group-count', (share) => share.groupCount],
  ['length', (share) => share.value.length],
];

/** All shares MUST have the same id, ext, e, GT, G and length: the first field that differs from share 1's. */
function checkSameSet(first: Numbered, other: Numbered): void {
  const differing = SET_FIELDS.find(([, read]) => read(first.share) !== read(other.share));
  if (differing !== undefined) throw new Slip39Error({ kind: 'different-set', share: other.position, field: differing[0] });
}

/** The shares keyed by group index, refusing repeats and members that contradict each other. */
function groupShares(shares: readonly Numbered[], mnemonics: readonly string[]): Map<number, Numbered[]> {
  const groups = new Map<number, Numbered[]>();
  const canonical = mnemonics.map((mnemonic) => shareWords(mnemonic).join(' '));
  for (const entry of shares) {
    const members = groups.get(entry.share.groupIndex) ?? [];
    const group = entry.share.groupIndex + 1;
    for (const member of members) {
      if (member.share.memberThreshold !== entry.share.memberThreshold) {
        throw new Slip39Error({ kind: 'member-threshold-mismatch', share: entry.position, sameAs: member.position, group });
      }
      if (member.share.memberIndex === entry.share.memberIndex) {
        if (canonical[member.position - 1] === canonical[entry.position - 1]) {
          throw new Slip39Error({ kind: 'duplicate', share: entry.position, sameAs: member.position });
        }
        throw new Slip39Error({
          kind: 'same-member-index', share: entry.position, sameAs: member.position, group, member: entry.share.memberIndex + 1,
        });
      }
    }
    groups.set(entry.share.groupIndex, [...members, entry]);
  }
  return groups;
}

/** Each group's share, rebuilt from exactly its member threshold of shares. */
function recoverGroups(groups: ReadonlyMap<number, Numbered[]>): Point[] {
  return [...groups].map(([groupIndex, members]) => {
    const threshold = members[0]?.share.memberThreshold ?? 1;
    const group = groupIndex + 1;
    if (members.length < threshold) throw new Slip39Error({ kind: 'too-few-shares', group, have: members.length, need: threshold });
    if (members.length > threshold) throw new Slip39Error({ kind: 'too-many-shares', group, have: members.length, need: threshold });
    const value = recoverSecret(threshold, members.map(({ share }) => ({ x: share.memberIndex, y: share.value })));
    if (value === undefined) throw new Slip39Error({ kind: 'digest', group });
    return { x: groupIndex, y: value };
  });
}

/**
 * The master secret of a set of SLIP-0039 share mnemonics (one group or several), decrypted with
 * `passphrase` (default empty). A wrong passphrase cannot be detected: it gives a different secret.
 * @throws Slip39Error naming what is wrong with the set: an unknown word, a wrong length, a failing
 *   checksum or padding, a share given twice, shares of different sets, too few or too many shares or
 *   groups, or a digest mismatch after combining (a share was altered).
 * @throws RangeError for a passphrase that is not printable ASCII.
 */
export async function slip39Combine(mnemonics: readonly string[], passphrase = ''): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  const shares = mnemonics.map((mnemonic, i) => ({ position: i + 1, share: decodeShare(mnemonic, i + 1) }));
  const [first, ...others] = shares;
  if (first === undefined) throw new Slip39Error({ kind: 'no-shares' });
  for (const other of others) checkSameSet(first, other);

  const groups = groupShares(shares, mnemonics);
  const { groupThreshold } = first.share;
  if (groups.size < groupThreshold) throw new Slip39Error({ kind: 'too-few-groups', have: groups.size, need: groupThreshold });
  if (groups.size > groupThreshold) throw new Slip39Error({ kind: 'too-many-groups', have: groups.size, need: groupThreshold });

  const encrypted = recoverSecret(groupThreshold, recoverGroups(groups));
  if (encrypted === undefined) throw new Slip39Error({ kind: 'digest' });
  return decryptMasterSecret(encrypted, passphrase, first.share);
}
