// SLIP-0039 §Generating the shares: GenerateShares(GT, [(T_1, N_1), ..., (T_G, N_G)], MS, P, e).
import { checkPassphrase, encryptMasterSecret } from './cipher';
import { encodeShare } from './share';
import { randomBytes, splitSecret } from './shamir';

/** One group of a split: any `threshold` of its `shares` rebuild the group's share. */
export interface Slip39Group {
  threshold: number;
  shares: number;
}

export interface Slip39SplitOptions {
  /** SLIP-0039 passphrase (printable ASCII); every passphrase opens *a* secret, only the right one this one. */
  passphrase?: string;
  /** The ext flag; default true, as SLIP-0039 says new shares SHOULD have it and the reference does. */
  extendable?: boolean;
  /** e, 0..15: PBKDF2 runs 10000 × 2^e times. Default 1, as the reference implementation and Trezor use. */
  iterationExponent?: number;
}

/** SLIP-0039 §Notation: at most 16 groups and 16 members per group (4-bit fields). */
const MAX_COUNT = 16;
const MAX_ITERATION_EXPONENT = 15;
export const DEFAULT_ITERATION_EXPONENT = 1;

function checkCount(value: number, what: string, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number from ${min} to ${max}, not ${String(value)}`);
  }
}

function checkMasterSecret(masterSecret: Uint8Array): void {
  if (!(masterSecret instanceof Uint8Array)) throw new TypeError('master secret must be a Uint8Array');
  // SLIP-0039 §Format: at least 128 bits, and a multiple of 16 bits.
  if (masterSecret.length < 16 || masterSecret.length % 2 !== 0) {
    throw new RangeError(`master secret must be an even number of bytes, at least 16, not ${masterSecret.length}`);
  }
}

function checkGroups(groupThreshold: number, groups: readonly Slip39Group[]): void {
  checkCount(groups.length, 'number of groups', 1, MAX_COUNT);
  checkCount(groupThreshold, 'group threshold', 1, groups.length);
  groups.forEach((group, i) => {
    checkCount(group.shares, `group ${i + 1}: number of shares`, 1, MAX_COUNT);
    checkCount(group.threshold, `group ${i + 1}: threshold`, 1, group.shares);
    // GenerateShares step 1: a 1-of-N group (N > 1) is refused; its shares would differ in one word only.
    if (group.threshold === 1 && group.shares > 1) {
      throw new RangeError(`group ${i + 1}: a threshold of 1 with ${group.shares} shares is not allowed; use 1 of 1`);
    }
  });
}

/**
 * Splits `masterSecret` into groups of share mnemonics: any `groupThreshold` groups, each with its own
 * member threshold, rebuild it. Returns one list of mnemonics per group, in order.
 * @throws TypeError or RangeError for a master secret of the wrong length, counts or thresholds out of
 *   range, a 1-of-N group, an iteration exponent outside 0..15, or a passphrase that is not printable ASCII.
 */
export async function slip39SplitGroups(
  masterSecret: Uint8Array,
  opts: { groupThreshold: number; groups: readonly Slip39Group[] } & Slip39SplitOptions,
): Promise<string[][]> {
  checkMasterSecret(masterSecret);
  checkGroups(opts.groupThreshold, opts.groups);
  const passphrase = opts.passphrase ?? '';
  checkPassphrase(passphrase);
  const iterationExponent = opts.iterationExponent ?? DEFAULT_ITERATION_EXPONENT;
  checkCount(iterationExponent, 'iteration exponent', 0, MAX_ITERATION_EXPONENT);
  const extendable = opts.extendable ?? true;

  const [high = 0, low = 0] = randomBytes(2);
  const identifier = ((high << 8) | low) & 0x7fff;
  const params = { identifier, extendable, iterationExponent };
  const encrypted = await encryptMasterSecret(masterSecret, passphrase, params);
  const groupShares = splitSecret(opts.groupThreshold, opts.groups.length, encrypted);
  return opts.groups.map((group, g) => {
    const groupShare = groupShares[g];
    if (groupShare === undefined) throw new RangeError(`group ${g + 1} has no share`);
    return splitSecret(group.threshold, group.shares, groupShare.y).map((member) => encodeShare({
      ...params,
      groupIndex: groupShare.x,
      groupThreshold: opts.groupThreshold,
      groupCount: opts.groups.length,
      memberIndex: member.x,
      memberThreshold: group.threshold,
      value: member.y,
    }));
  });
}

/**
 * Splits `masterSecret` into `shares` mnemonics of which any `threshold` rebuild it: SLIP-0039's basic
 * single-level scheme (one group, group threshold 1). Shares are extendable unless `extendable` is false.
 * @throws TypeError or RangeError as slip39SplitGroups.
 */
export async function slip39Split(
  masterSecret: Uint8Array,
  opts: { threshold: number; shares: number } & Slip39SplitOptions,
): Promise<string[]> {
  const { threshold, shares, ...rest } = opts;
  const [group = []] = await slip39SplitGroups(masterSecret, { ...rest, groupThreshold: 1, groups: [{ threshold, shares }] });
  return group;
}
