// What the transaction costs in the native currency. The likely figure prices gas at the latest block's
// base fee; the next block's may differ by up to 12.5% (EIP-1559's BASE_FEE_MAX_CHANGE_DENOMINATOR = 8),
// so the most it can cost (gas limit × max fee) is given beside it.

/** The fee fields as the wallet will sign them, in wei per gas. */
export type FeeParams =
  | { type: 'eip1559'; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }
  | { type: 'legacy'; gasPrice: bigint };

export interface PreviewFee {
  /** Gas the simulation used; undefined without a simulation. */
  gasUsed: bigint | undefined;
  likely: bigint;
  max: bigint;
}

/**
 * The price per gas a block with `baseFee` charges (EIP-1559: min(max fee, base fee + priority fee);
 * without a known base fee, the max fee; legacy: the gas price).
 */
export function effectiveGasPrice(fees: FeeParams, baseFee: bigint | undefined): bigint {
  if (fees.type === 'legacy') return fees.gasPrice;
  if (baseFee === undefined) return fees.maxFeePerGas;
  const wanted = baseFee + fees.maxPriorityFeePerGas;
  return wanted < fees.maxFeePerGas ? wanted : fees.maxFeePerGas;
}

/** The fee of `gasUsed` (else the whole `gasLimit`) at `fees` and `baseFee`, and the most it can cost. */
export function previewFee(params: { gasUsed: bigint | undefined; gasLimit: bigint; fees: FeeParams; baseFee: bigint | undefined }): PreviewFee {
  const { gasUsed, gasLimit, fees, baseFee } = params;
  const maxPrice = fees.type === 'legacy' ? fees.gasPrice : fees.maxFeePerGas;
  return { gasUsed, likely: (gasUsed ?? gasLimit) * effectiveGasPrice(fees, baseFee), max: gasLimit * maxPrice };
}
