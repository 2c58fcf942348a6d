// The one place a transaction's fields are checked; everything after takes a CheckedTransaction.
import { toChecksumAddress } from '../address';
import { MAX_UINT256 } from '../format';
import {
  TransactionError, type CheckedTransaction, type Hex, type TransactionField, type TransactionInput,
} from './types';

/** EIP-2681: a nonce is below 2^64 - 1. */
export const MAX_NONCE = 2n ** 64n - 2n;
/** Clients hold the gas limit in 64 bits (go-ethereum's types.Transaction.Gas is a uint64). */
export const MAX_GAS = 2n ** 64n - 1n;
/** EIP-2294: the largest chain id, floor(MAX_UINT64 / 2) - 36, so that EIP-155's v fits in 64 bits. */
export const MAX_CHAIN_ID = (2n ** 64n - 1n) / 2n - 36n;

function integer(field: TransactionField, value: unknown, max: bigint): bigint {
  if (value === undefined || value === null) throw new TransactionError(field, 'missing', 'is required');
  if (typeof value !== 'bigint') throw new TransactionError(field, 'not-integer', `must be a bigint, not ${typeof value}`);
  if (value < 0n) throw new TransactionError(field, 'negative', `must not be negative (${value})`);
  if (value > max) throw new TransactionError(field, 'too-large', `${value} is above the largest allowed, ${max}`);
  return value;
}

function recipient(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TransactionError('to', 'not-address', `must be an address string, not ${typeof value}`);
  try {
    return toChecksumAddress(value);
  } catch (error) {
    throw new TransactionError('to', 'not-address', error instanceof Error ? error.message : 'is not an address');
  }
}

function calldata(value: unknown): Hex {
  if (value === undefined) return '0x';
  if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) {
    throw new TransactionError('data', 'not-hex', 'must be 0x-prefixed hex with an even number of digits');
  }
  return value.toLowerCase() as Hex;
}

function absent(field: TransactionField, value: unknown, type: string): void {
  if (value !== undefined) throw new TransactionError(field, 'not-allowed-for-type', `does not belong in a ${type} transaction`);
}

/**
 * Checks every field of `input` once and returns the transaction the signer takes.
 * @throws TransactionError naming the first field that is missing, of the wrong type or out of range: a
 * chain id of 0 or above EIP-2294's bound, a nonce of 2^64 - 1 or more (EIP-2681), a gas limit above 2^64 - 1,
 * an amount or fee above 2^256 - 1, a priority fee above the max fee, a non-empty access list, or the other
 * type's fee fields.
 */
export function checkTransaction(input: TransactionInput): CheckedTransaction {
  const type: unknown = input.type;
  if (type !== 'eip1559' && type !== 'legacy') {
    throw new TransactionError('type', 'unknown-type', `must be 'eip1559' or 'legacy', not ${String(type)}`);
  }
  const chainId = integer('chainId', input.chainId, MAX_CHAIN_ID);
  if (chainId === 0n) throw new TransactionError('chainId', 'zero', 'must not be 0 (EIP-155 replay protection needs a chain)');
  const accessList: unknown = input.accessList;
  if (accessList !== undefined && !(Array.isArray(accessList) && accessList.length === 0)) {
    throw new TransactionError('accessList', 'access-list-not-supported', 'must be empty: the wallet signs no access lists');
  }
  const common = {
    chainId,
    nonce: integer('nonce', input.nonce, MAX_NONCE),
    to: recipient(input.to),
    value: integer('value', input.value ?? 0n, MAX_UINT256),
    data: calldata(input.data),
    gas: integer('gas', input.gas, MAX_GAS),
  };
  if (type === 'legacy') {
    absent('maxFeePerGas', input.maxFeePerGas, 'legacy');
    absent('maxPriorityFeePerGas', input.maxPriorityFeePerGas, 'legacy');
    const transaction = { type, ...common, gasPrice: integer('gasPrice', input.gasPrice, MAX_UINT256) };
    return Object.freeze(transaction) as CheckedTransaction;
  }
  absent('gasPrice', input.gasPrice, 'type 2');
  const maxFeePerGas = integer('maxFeePerGas', input.maxFeePerGas, MAX_UINT256);
  const maxPriorityFeePerGas = integer('maxPriorityFeePerGas', input.maxPriorityFeePerGas, MAX_UINT256);
  if (maxPriorityFeePerGas > maxFeePerGas) {
    throw new TransactionError('maxPriorityFeePerGas', 'above-max-fee',
      `${maxPriorityFeePerGas} is above maxFeePerGas ${maxFeePerGas} (EIP-1559)`);
  }
  return Object.freeze({ type, ...common, maxFeePerGas, maxPriorityFeePerGas }) as CheckedTransaction;
}
