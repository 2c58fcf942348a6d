// Fee arithmetic for the approval window and Activity: what a transaction may cost at most and is likely
// to cost, the Slow / Normal / Fast presets, the user's own fees in gwei checked, and the 10% raise of a
// speed-up or cancel. All in wei as bigints; no floating point.
import { formatUnits } from '../../core/format';
import type { FeesView } from '../../protocol/transactions';

const GWEI_DECIMALS = 9;

/** The most the transaction pays per gas: EIP-1559's maxFeePerGas, or a legacy gasPrice. */
export function feeCapPerGas(fees: FeesView): bigint {
  return BigInt(fees.type === 'eip1559' ? fees.maxFeePerGas : fees.gasPrice);
}

/** gas limit × the most per gas: what the sender can be charged at worst. */
export function maxFee(gas: string, fees: FeesView): bigint {
  return BigInt(gas) * feeCapPerGas(fees);
}

/**
 * What the transaction will likely cost if it uses all its gas: EIP-1559 §"Specification" charges
 * min(maxFeePerGas, baseFee + maxPriorityFeePerGas) per gas; without a known base fee the cap is all we know.
 */
export function likelyFee(gas: string, fees: FeesView, baseFeePerGas: string | undefined): bigint {
  if (fees.type === 'legacy' || baseFeePerGas === undefined) return maxFee(gas, fees);
  const cap = BigInt(fees.maxFeePerGas);
  const effective = BigInt(baseFeePerGas) + BigInt(fees.maxPriorityFeePerGas);
  return BigInt(gas) * (effective < cap ? effective : cap);
}

/** Wei per gas in gwei, grouped: 1500000000n → "1.5". */
export function formatGwei(wei: bigint | string): string {
  return formatUnits(BigInt(wei), GWEI_DECIMALS);
}

/** A decimal gwei amount typed by the user ("1.5", "20", at most 9 decimals) in wei; undefined otherwise. */
export function parseGwei(text: string): bigint | undefined {
  const match = /^(\d{1,12})(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const [, whole = '0', fraction = ''] = match;
  return BigInt(whole) * 10n ** 9n + BigInt(fraction.padEnd(GWEI_DECIMALS, '0'));
}

export type FeeSpeed = 'slow' | 'normal' | 'fast';

/** Each preset scales the proposal's tip (EIP-1559) or gas price (legacy) by numerator / 10. */
const SPEED_TENTHS: Record<FeesView['type'], Record<FeeSpeed, bigint>> = {
  // A tip buys priority only; halving or doubling it is a clear choice, the base fee is paid regardless.
  eip1559: { slow: 5n, normal: 10n, fast: 20n },
  // A legacy gas price must still be accepted by the node; smaller steps keep "slow" near the going price.
  legacy: { slow: 9n, normal: 10n, fast: 13n },
};

/** The proposal at another speed. EIP-1559: the tip scaled and the max fee moved by as much, so the headroom for the base fee stays. */
export function presetFees(proposed: FeesView, speed: FeeSpeed): FeesView {
  const tenths = SPEED_TENTHS[proposed.type][speed];
  if (proposed.type === 'legacy') return { type: 'legacy', gasPrice: ((BigInt(proposed.gasPrice) * tenths) / 10n).toString() };
  const tip = BigInt(proposed.maxPriorityFeePerGas);
  const newTip = (tip * tenths) / 10n;
  return { type: 'eip1559', maxPriorityFeePerGas: newTip.toString(), maxFeePerGas: (BigInt(proposed.maxFeePerGas) - tip + newTip).toString() };
}

export type FeeProblem = 'max-unreadable' | 'priority-unreadable' | 'max-zero' | 'priority-zero' | 'priority-above-max';

export type CustomFees = { ok: true; fees: FeesView } | { ok: false; problem: FeeProblem };

/**
 * The user's own fees in gwei, checked: both readable and positive, and (EIP-1559) the tip no higher
 * than the max fee, which a node would refuse. A legacy transaction takes only the max (its gas price).
 */
export function checkCustomFees(type: FeesView['type'], maxText: string, priorityText: string): CustomFees {
  const max = parseGwei(maxText);
  if (max === undefined) return { ok: false, problem: 'max-unreadable' };
  if (max === 0n) return { ok: false, problem: 'max-zero' };
  if (type === 'legacy') return { ok: true, fees: { type: 'legacy', gasPrice: max.toString() } };
  const priority = parseGwei(priorityText);
  if (priority === undefined) return { ok: false, problem: 'priority-unreadable' };
  if (priority === 0n) return { ok: false, problem: 'priority-zero' };
  if (priority > max) return { ok: false, problem: 'priority-above-max' };
  return { ok: true, fees: { type: 'eip1559', maxFeePerGas: max.toString(), maxPriorityFeePerGas: priority.toString() } };
}

/** An EIP-1559 max fee below the latest base fee: the transaction waits until the base fee falls. */
export function belowBaseFee(fees: FeesView, baseFeePerGas: string | undefined): boolean {
  return fees.type === 'eip1559' && baseFeePerGas !== undefined && BigInt(fees.maxFeePerGas) < BigInt(baseFeePerGas);
}

/** x raised by 10%, rounded up: the least most nodes accept to replace a pending transaction. */
function raised(value: string): string {
  const wei = BigInt(value);
  return (wei + (wei + 9n) / 10n).toString();
}

/** The fees a speed-up or cancel uses at least: each of the pending transaction's fees raised by 10%. */
export function replacementFees(fees: FeesView): FeesView {
  return fees.type === 'legacy'
    ? { type: 'legacy', gasPrice: raised(fees.gasPrice) }
    : { type: 'eip1559', maxFeePerGas: raised(fees.maxFeePerGas), maxPriorityFeePerGas: raised(fees.maxPriorityFeePerGas) };
}

/** Whether two fee settings are the same (a choice equal to the proposal is no change). */
export function sameFees(a: FeesView, b: FeesView): boolean {
  if (a.type === 'legacy' || b.type === 'legacy') return a.type === b.type && feeCapPerGas(a) === feeCapPerGas(b);
  return BigInt(a.maxFeePerGas) === BigInt(b.maxFeePerGas) && BigInt(a.maxPriorityFeePerGas) === BigInt(b.maxPriorityFeePerGas);
}
