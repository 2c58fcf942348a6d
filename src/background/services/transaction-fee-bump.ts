// The fees of a replacement. Nodes take a transaction in place of a pending one of the same sender and
// nonce only when it pays more: go-ethereum's txpool (legacypool `PriceBump`, default 10) wants both the
// max fee and the priority fee (or the gas price) raised by at least 10%.
import type { CheckedTransaction } from '../../core';
import type { FeesView } from '../../protocol/transactions';

/** The fee fields of a transaction, as bigints. */
export type FeeFields =
  | { type: 'eip1559'; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }
  | { type: 'legacy'; gasPrice: bigint };

/** `value` × 1.1 rounded up, and at least 1 wei more (a fee of 0 raised by 10% is still 0). */
export function raisedByTenPercent(value: bigint): bigint {
  const raised = (value * 11n + 9n) / 10n;
  return raised > value ? raised : value + 1n;
}

function max(...values: bigint[]): bigint {
  return values.reduce((a, b) => (a > b ? a : b));
}

/**
 * The fees of a replacement of `old`: each raised by at least 10%, and at least the fees the wallet would
 * propose now (`current`, when known and of the same type), so that a replacement of a transaction stuck
 * behind a base fee that rose is not stuck too.
 */
export function replacementFees(old: CheckedTransaction, current?: FeesView): FeeFields {
  if (old.type === 'legacy') {
    const now = current?.type === 'legacy' ? BigInt(current.gasPrice) : 0n;
    return { type: 'legacy', gasPrice: max(raisedByTenPercent(old.gasPrice), now) };
  }
  const market = current?.type === 'eip1559' ? current : undefined;
  const maxPriorityFeePerGas = max(raisedByTenPercent(old.maxPriorityFeePerGas), BigInt(market?.maxPriorityFeePerGas ?? 0));
  // EIP-1559: the priority fee may not be above the max fee.
  const maxFeePerGas = max(raisedByTenPercent(old.maxFeePerGas), BigInt(market?.maxFeePerGas ?? 0), maxPriorityFeePerGas);
  return { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas };
}

/**
 * The higher of two replacements' fees, field by field: a replacement must outbid every pending transaction
 * of its nonce (an earlier speed-up too), not only the first. Fees of the other type are not comparable: `a` stays.
 */
export function higherFees(a: FeeFields, b: FeeFields): FeeFields {
  if (a.type === 'legacy') return b.type === 'legacy' ? { type: 'legacy', gasPrice: max(a.gasPrice, b.gasPrice) } : a;
  if (b.type === 'legacy') return a;
  return { type: 'eip1559', maxFeePerGas: max(a.maxFeePerGas, b.maxFeePerGas), maxPriorityFeePerGas: max(a.maxPriorityFeePerGas, b.maxPriorityFeePerGas) };
}

export function feesView(fees: FeeFields): FeesView {
  return fees.type === 'legacy'
    ? { type: 'legacy', gasPrice: fees.gasPrice.toString() }
    : { type: 'eip1559', maxFeePerGas: fees.maxFeePerGas.toString(), maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString() };
}
