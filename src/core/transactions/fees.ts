// Fee arithmetic of EIP-1559 and legacy transactions: what the wallet proposes from the chain's fee
// history, and whether fees a site suggested or the user chose are sane. Pure: the RPC answers come in.

/** EIP-1559 fees in wei per gas. */
export interface Eip1559FeeValues {
  readonly type: 'eip1559';
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
}

/** A legacy (EIP-155) gas price in wei per gas. */
export interface LegacyFeeValues {
  readonly type: 'legacy';
  readonly gasPrice: bigint;
}

export type FeeValues = Eip1559FeeValues | LegacyFeeValues;

/** A priority fee floor: 1 gwei, the tip most public nodes' block builders expect by default. */
export const PRIORITY_FEE_FLOOR = 1_000_000_000n;

/** A suggestion or a choice above this many times the wallet's own proposal is taken for a mistake. */
export const ABSURD_FEE_FACTOR = 10n;

/** The median of `values` (the lower middle one for an even count); 0 for none. */
export function median(values: readonly bigint[]): bigint {
  if (values.length === 0) return 0n;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0n;
}

/**
 * The wallet's EIP-1559 proposal from eth_feeHistory: the tip is the median of the blocks' rewards at the
 * asked percentile, and the max fee is twice the next block's base fee plus the tip, which stays enough
 * through six full blocks in a row (each raises the base fee by at most 12.5%, EIP-1559).
 *
 * The tip is at least the floor of 1 gwei, but never more than the base fee itself: on a chain whose blocks
 * carry no tips (a local anvil, a quiet private chain) a 0 tip may be left out by builders that want one,
 * while a full gwei on a chain whose base fee is a few wei would multiply the cost for nothing. At least 1 wei.
 */
export function proposeEip1559Fees(nextBaseFee: bigint, rewards: readonly bigint[]): Eip1559FeeValues {
  const floor = nextBaseFee < PRIORITY_FEE_FLOOR ? nextBaseFee : PRIORITY_FEE_FLOOR;
  const observed = median(rewards);
  let tip = observed > floor ? observed : floor;
  if (tip < 1n) tip = 1n;
  return { type: 'eip1559', maxPriorityFeePerGas: tip, maxFeePerGas: 2n * nextBaseFee + tip };
}

/** The most a fee can cost per gas: the max fee, or the gas price. */
export function feeCap(fees: FeeValues): bigint {
  return fees.type === 'eip1559' ? fees.maxFeePerGas : fees.gasPrice;
}

/**
 * Fees a site suggested are sane, and used instead of the proposal, when they are of the proposal's type,
 * the tip is not above the max fee (EIP-1559 would refuse it), the cap covers the current base fee (else
 * the transaction could not be included now) and it is at most ten times the proposal (more is taken for a
 * unit mistake, gwei for wei, and would cost the shareholder dearly).
 */
export function isSaneSuggestion(suggested: FeeValues, proposed: FeeValues, baseFee: bigint | undefined): boolean {
  if (suggested.type !== proposed.type) return false;
  if (suggested.type === 'eip1559' && suggested.maxPriorityFeePerGas > suggested.maxFeePerGas) return false;
  const cap = feeCap(suggested);
  if (cap === 0n) return false;
  if (baseFee !== undefined && cap < baseFee) return false;
  return cap <= ABSURD_FEE_FACTOR * feeCap(proposed);
}

/** Why fees the user chose cannot be used; undefined when they can. */
export type FeeChoiceProblem = 'other-type' | 'zero' | 'tip-above-max-fee' | 'absurd';

/**
 * Checks fees the user set in the approval window against the wallet's proposal. The user may lower them
 * below the base fee (to wait for a cheaper block) but not to zero, and not above ten times the proposal.
 */
export function feeChoiceProblem(chosen: FeeValues, proposed: FeeValues): FeeChoiceProblem | undefined {
  if (chosen.type !== proposed.type) return 'other-type';
  const cap = feeCap(chosen);
  if (cap === 0n) return 'zero';
  if (chosen.type === 'eip1559' && chosen.maxPriorityFeePerGas > chosen.maxFeePerGas) return 'tip-above-max-fee';
  if (cap > ABSURD_FEE_FACTOR * feeCap(proposed)) return 'absurd';
  return undefined;
}

/** The gas limit to sign: the estimate with a 20% margin, rounded up, and never above the block's limit. */
export function gasWithMargin(estimate: bigint, blockGasLimit: bigint): bigint {
  const padded = (estimate * 120n + 99n) / 100n;
  return padded > blockGasLimit ? blockGasLimit : padded;
}
