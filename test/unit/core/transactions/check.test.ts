import { describe, expect, it } from 'vitest';
import {
  checkTransaction, MAX_CHAIN_ID, MAX_GAS, MAX_NONCE, MAX_UINT256, TransactionError,
  type TransactionField, type TransactionInput, type TransactionProblem,
} from '../../../../src/core';

const TYPE_2: TransactionInput = {
  type: 'eip1559', chainId: 31337n, nonce: 0n, to: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', value: 1n,
  data: '0xABCD', gas: 21000n, maxFeePerGas: 2n, maxPriorityFeePerGas: 1n,
};
const LEGACY: TransactionInput = { type: 'legacy', chainId: 1n, nonce: 0n, gas: 21000n, gasPrice: 1n };

function problemOf(input: unknown): { field: TransactionField; problem: TransactionProblem } | undefined {
  try {
    checkTransaction(input as TransactionInput);
    return undefined;
  } catch (error) {
    if (!(error instanceof TransactionError)) throw error;
    return { field: error.field, problem: error.problem };
  }
}

describe('checkTransaction', () => {
  it('keeps a valid type 2 transaction, with the recipient in EIP-55 and data in lowercase', () => {
    const tx = checkTransaction(TYPE_2);
    expect(tx).toMatchObject({ type: 'eip1559', to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', data: '0xabcd', value: 1n });
    expect(Object.isFrozen(tx)).toBe(true);
  });

  it('reads a missing recipient as a contract creation, and missing value and data as zero and empty', () => {
    expect(checkTransaction(LEGACY)).toMatchObject({ to: null, value: 0n, data: '0x', gasPrice: 1n });
    expect(checkTransaction({ ...TYPE_2, to: null }).to).toBeNull();
  });

  it('accepts the largest values each field allows and an explicitly empty access list', () => {
    expect(() => checkTransaction({
      ...TYPE_2, chainId: MAX_CHAIN_ID, nonce: MAX_NONCE, gas: MAX_GAS, value: MAX_UINT256,
      maxFeePerGas: MAX_UINT256, maxPriorityFeePerGas: MAX_UINT256, accessList: [],
    })).not.toThrow();
    expect(() => checkTransaction({ ...LEGACY, gasPrice: MAX_UINT256 })).not.toThrow();
  });

  it.each([
    ['an unknown type', { ...TYPE_2, type: 'eip7702' }, 'type', 'unknown-type'],
    ['a missing chain id', { ...TYPE_2, chainId: undefined }, 'chainId', 'missing'],
    ['a chain id of 0', { ...TYPE_2, chainId: 0n }, 'chainId', 'zero'],
    ['a chain id above EIP-2294\'s bound', { ...TYPE_2, chainId: MAX_CHAIN_ID + 1n }, 'chainId', 'too-large'],
    ['a chain id given as a number', { ...TYPE_2, chainId: 1 }, 'chainId', 'not-integer'],
    ['a negative nonce', { ...TYPE_2, nonce: -1n }, 'nonce', 'negative'],
    ['a nonce of 2^64 - 1 (EIP-2681)', { ...TYPE_2, nonce: 2n ** 64n - 1n }, 'nonce', 'too-large'],
    ['a missing nonce', { ...TYPE_2, nonce: undefined }, 'nonce', 'missing'],
    ['a recipient that is not an address', { ...TYPE_2, to: '0x1234' }, 'to', 'not-address'],
    ['a recipient with a wrong EIP-55 checksum', { ...TYPE_2, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79c8' }, 'to', 'not-address'],
    ['a recipient that is not a string', { ...TYPE_2, to: 42 }, 'to', 'not-address'],
    ['a negative value', { ...TYPE_2, value: -1n }, 'value', 'negative'],
    ['a value above 2^256 - 1', { ...TYPE_2, value: MAX_UINT256 + 1n }, 'value', 'too-large'],
    ['data without 0x', { ...TYPE_2, data: 'abcd' }, 'data', 'not-hex'],
    ['data with an odd number of digits', { ...TYPE_2, data: '0xabc' }, 'data', 'not-hex'],
    ['a missing gas limit', { ...TYPE_2, gas: undefined }, 'gas', 'missing'],
    ['a gas limit above 2^64 - 1', { ...TYPE_2, gas: MAX_GAS + 1n }, 'gas', 'too-large'],
    ['a negative gas limit', { ...TYPE_2, gas: -21000n }, 'gas', 'negative'],
    ['a missing maxFeePerGas', { ...TYPE_2, maxFeePerGas: undefined }, 'maxFeePerGas', 'missing'],
    ['a maxFeePerGas above 2^256 - 1', { ...TYPE_2, maxFeePerGas: MAX_UINT256 + 1n }, 'maxFeePerGas', 'too-large'],
    ['a missing maxPriorityFeePerGas', { ...TYPE_2, maxPriorityFeePerGas: undefined }, 'maxPriorityFeePerGas', 'missing'],
    ['a negative maxPriorityFeePerGas', { ...TYPE_2, maxPriorityFeePerGas: -1n }, 'maxPriorityFeePerGas', 'negative'],
    ['a priority fee above the max fee', { ...TYPE_2, maxFeePerGas: 1n, maxPriorityFeePerGas: 2n }, 'maxPriorityFeePerGas', 'above-max-fee'],
    ['a gasPrice in a type 2 transaction', { ...TYPE_2, gasPrice: 1n }, 'gasPrice', 'not-allowed-for-type'],
    ['a non-empty access list', { ...TYPE_2, accessList: [{ address: TYPE_2.to, storageKeys: [] }] }, 'accessList', 'access-list-not-supported'],
    ['an access list that is not a list', { ...TYPE_2, accessList: '0x' }, 'accessList', 'access-list-not-supported'],
    ['a missing gasPrice in a legacy transaction', { ...LEGACY, gasPrice: undefined }, 'gasPrice', 'missing'],
    ['a gasPrice above 2^256 - 1', { ...LEGACY, gasPrice: MAX_UINT256 + 1n }, 'gasPrice', 'too-large'],
    ['a maxFeePerGas in a legacy transaction', { ...LEGACY, maxFeePerGas: 1n }, 'maxFeePerGas', 'not-allowed-for-type'],
    ['a maxPriorityFeePerGas in a legacy transaction', { ...LEGACY, maxPriorityFeePerGas: 1n }, 'maxPriorityFeePerGas', 'not-allowed-for-type'],
  ] as const)('refuses %s, naming the field and the problem', (_label, input, field, problem) => {
    expect(problemOf(input)).toEqual({ field, problem });
  });

  it('says in its message which field is wrong and by how much', () => {
    expect(() => checkTransaction({ ...TYPE_2, maxFeePerGas: 1n, maxPriorityFeePerGas: 2n }))
      .toThrow('maxPriorityFeePerGas: 2 is above maxFeePerGas 1 (EIP-1559)');
    expect(() => checkTransaction({ ...TYPE_2, nonce: 2n ** 64n - 1n })).toThrow(/^nonce: 18446744073709551615 is above/);
  });
});
