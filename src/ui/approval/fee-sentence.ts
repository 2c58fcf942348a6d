// A transaction's fee in words: per gas in gwei, and in total in the network's currency (the most it can
// cost and what it will likely cost), the site's suggestion and whether the wallet took it, and the fee
// editor's messages.
import type { FeeEstimateView, FeesView, NativeCurrencyView } from '../../protocol/transactions';
import { t } from '../i18n';
import { nativeAmount } from './call-sentence';
import { belowBaseFee, formatGwei, likelyFee, maxFee, type FeeProblem } from './fees';
import { fill, mark, type Detail, type Part } from './sentence';

const strong = (value: string): Part => ({ kind: 'strong', text: value });

/** "max 2 gwei per gas, of which a tip of 1 gwei", or for a legacy transaction "3 gwei per gas". */
export function feesPerGas(fees: FeesView): Part[] {
  return fees.type === 'legacy'
    ? fill(t('fee_perGasLegacy', [mark(0)]), [strong(formatGwei(fees.gasPrice))])
    : fill(t('fee_perGas', [mark(0), mark(1)]), [strong(formatGwei(fees.maxFeePerGas)), strong(formatGwei(fees.maxPriorityFeePerGas))]);
}

/**
 * The fee lines for the chosen fees: the most it can cost (the whole gas limit), the likely cost (the gas
 * the preview's simulation used, once it is known; the gas limit until then), per gas, the gas limit.
 */
export function feeDetails(
  gas: string, fees: FeesView, estimate: FeeEstimateView, currency: NativeCurrencyView, gasUsed: string | undefined,
): Detail[] {
  return [
    { label: t('detail_maxFee'), parts: nativeAmount(maxFee(gas, fees).toString(), currency) },
    { label: t('detail_likelyFee'), parts: nativeAmount(likelyFee(gasUsed ?? gas, fees, estimate.baseFeePerGas).toString(), currency) },
    { label: t('detail_feePerGas'), parts: feesPerGas(fees) },
    { label: t('detail_gasLimit'), parts: [strong(BigInt(gas).toLocaleString(t('lang')))] },
  ];
}

/** What the site suggested and whether the wallet uses it; undefined when the site suggested nothing. */
export function suggestedFeesNote(estimate: FeeEstimateView): Part[] | undefined {
  if (estimate.suggested === undefined) return undefined;
  return estimate.suggestedUsed
    ? fill(t('fee_suggestedUsed', [mark(0)]), [feesPerGas(estimate.suggested)])
    : fill(t('fee_suggestedNotUsed', [mark(0)]), [feesPerGas(estimate.suggested)]);
}

/** A max fee below the latest base fee: the transaction waits. Undefined otherwise. */
export function belowBaseFeeNote(fees: FeesView, estimate: FeeEstimateView): Part[] | undefined {
  if (!belowBaseFee(fees, estimate.baseFeePerGas) || estimate.baseFeePerGas === undefined) return undefined;
  return fill(t('fee_belowBase', [mark(0)]), [strong(formatGwei(estimate.baseFeePerGas))]);
}

/** Which field a problem belongs to, and its message. */
export function feeProblemMessage(problem: FeeProblem): string {
  switch (problem) {
    case 'max-unreadable': return t('fee_maxUnreadable');
    case 'priority-unreadable': return t('fee_priorityUnreadable');
    case 'max-zero': return t('fee_maxZero');
    case 'priority-zero': return t('fee_priorityZero');
    case 'priority-above-max': return t('fee_priorityAboveMax');
  }
}
