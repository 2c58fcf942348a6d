// The preview is computed once, at the fees the wallet proposed; the user may choose other fees before
// approving. What the chain said (balances, the gas the simulation used) stays; the fee, and the sender's
// native-currency row, which includes it, follow the fees the user has chosen.
import { previewFee, type FeeParams } from '../../core/transactions/preview/fee';
import type { FeesView, PreviewFeeView, PreviewView, TransactionRequestView } from '../../protocol/transactions';

function feeParams(fees: FeesView): FeeParams {
  return fees.type === 'legacy'
    ? { type: 'legacy', gasPrice: BigInt(fees.gasPrice) }
    : { type: 'eip1559', maxFeePerGas: BigInt(fees.maxFeePerGas), maxPriorityFeePerGas: BigInt(fees.maxPriorityFeePerGas) };
}

function feeAt(view: TransactionRequestView, gasUsed: string | undefined, fees: FeesView): PreviewFeeView {
  const fee = previewFee({
    gasUsed: gasUsed === undefined ? undefined : BigInt(gasUsed), gasLimit: BigInt(view.gas), fees: feeParams(fees),
    baseFee: view.fees.baseFeePerGas === undefined ? undefined : BigInt(view.fees.baseFeePerGas),
  });
  return { gasUsed, likely: fee.likely.toString(), max: fee.max.toString() };
}

/** `preview` of the transaction `view` as it would be at `fees` instead of the proposal. */
export function repricedPreview(preview: PreviewView, view: TransactionRequestView, fees: FeesView): PreviewView {
  if (preview.fee === undefined) return preview;
  const fee = feeAt(view, preview.fee.gasUsed, fees);
  if (preview.status === 'unavailable') return { ...preview, fee };
  const changes = preview.changes.map((row) => {
    if (row.fee === undefined) return row;
    // `after` took the proposed fee off; take the chosen one off instead.
    const after = BigInt(row.after) + BigInt(row.fee) - BigInt(fee.likely);
    return { ...row, after: after.toString(), fee: fee.likely };
  });
  return { ...preview, changes, fee };
}
