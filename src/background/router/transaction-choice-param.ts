// The approval window's choice for a transaction (approval.decide's `transaction`): the fees the user set,
// as decimal strings. Only the shape is checked here; the bounds against the proposal are checked when sending.
import { MAX_UINT256 } from '../../core/format';
import type { FeesView, TransactionChoice } from '../../protocol/transactions';
import { WalletError } from '../errors';

function weiPerGas(fees: Record<string, unknown>, key: string): string {
  const value = fees[key];
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,77})$/.test(value) || BigInt(value) > MAX_UINT256) {
    throw new WalletError('invalid-params', `transaction.fees.${key} must be a decimal amount of wei from 0 to 2^256 - 1`);
  }
  return value;
}

function feesParam(value: unknown): FeesView {
  if (typeof value !== 'object' || value === null) throw new WalletError('invalid-params', 'transaction.fees must be an object');
  const fees = value as Record<string, unknown>;
  if (fees.type === 'eip1559') {
    return { type: 'eip1559', maxFeePerGas: weiPerGas(fees, 'maxFeePerGas'), maxPriorityFeePerGas: weiPerGas(fees, 'maxPriorityFeePerGas') };
  }
  if (fees.type === 'legacy') return { type: 'legacy', gasPrice: weiPerGas(fees, 'gasPrice') };
  throw new WalletError('invalid-params', 'transaction.fees.type must be "eip1559" or "legacy"');
}

/** approval.decide's optional `transaction`; undefined when absent. */
export function transactionChoiceParam(value: unknown): TransactionChoice | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) throw new WalletError('invalid-params', 'transaction must be an object');
  const { fees } = value as { fees?: unknown };
  return fees === undefined ? {} : { fees: feesParam(fees) };
}
