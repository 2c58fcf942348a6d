import { describe, expect, it } from 'vitest';
import { transactionParams } from '../../../../src/background/router/transaction-params';

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BOB = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const send = (fields: Record<string, unknown>) => transactionParams([{ from: ALICE, to: BOB, ...fields }]);
const refused = (fields: Record<string, unknown>, message: string) => {
  expect(() => send(fields)).toThrow(expect.objectContaining({ code: -32602, message: `eth_sendTransaction: ${message}` }) as Error);
};

describe('eth_sendTransaction params', () => {
  it('reads a viem-style request: addresses in EIP-55, quantities as bigints, data lowercase', () => {
    expect(transactionParams([{
      from: ALICE.toLowerCase(), to: BOB.toLowerCase(), value: '0xde0b6b3a7640000', data: '0xA9059CBB', gas: '0x5208',
      maxFeePerGas: '0x3b9aca00', maxPriorityFeePerGas: '0x1', type: '0x2', chainId: '0x7a69', nonce: '0x3',
    }])).toEqual({
      from: ALICE, to: BOB, value: 10n ** 18n, data: '0xa9059cbb', gas: 21_000n, nonce: 3n, type: 'eip1559',
      suggestedFees: { type: 'eip1559', maxFeePerGas: 1_000_000_000n, maxPriorityFeePerGas: 1n }, chainId: 31337n,
    });
  });

  it('leaves to the wallet what the site left out', () => {
    expect(send({})).toEqual({
      from: ALICE, to: BOB, value: 0n, data: '0x', gas: undefined, nonce: undefined, type: undefined, suggestedFees: undefined, chainId: undefined,
    });
  });

  it('requires params to be a list holding a transaction object', () => {
    expect(() => transactionParams({ from: ALICE })).toThrow(expect.objectContaining({ code: -32602, message: 'eth_sendTransaction: params must be an array' }) as Error);
    expect(() => transactionParams(['0x12'])).toThrow(expect.objectContaining({ code: -32602, message: 'eth_sendTransaction: param 1 must be a transaction object' }) as Error);
  });

  it('requires from, and refuses a from or to that is not an address', () => {
    expect(() => transactionParams([{ to: BOB }])).toThrow(expect.objectContaining({ code: -32602, message: 'eth_sendTransaction: from is required: the account that sends' }) as Error);
    expect(() => send({ from: '0x1234' })).toThrow(expect.objectContaining({ code: -32602, message: expect.stringMatching(/^eth_sendTransaction: from /) as string }) as Error);
    expect(() => send({ to: 42 })).toThrow(expect.objectContaining({ code: -32602, message: 'eth_sendTransaction: to must be an address: 0x and 40 hex digits' }) as Error);
  });

  it('refuses a mixed-case address whose checksum is wrong: a typo is caught, not obeyed', () => {
    expect(() => send({ to: BOB.replace('C51812', 'c51812') })).toThrow(expect.objectContaining({ code: -32602 }) as Error);
  });

  it('takes a missing or null to as a contract creation, which needs code', () => {
    expect(send({ to: null, data: '0x6080' }).to).toBeNull();
    expect(transactionParams([{ from: ALICE, data: '0x6080' }]).to).toBeNull();
    refused({ to: null }, 'to is missing and data is empty: nothing to send and no contract to create');
  });

  it('accepts input as data, and refuses both when they differ', () => {
    expect(send({ input: '0xabcd' }).data).toBe('0xabcd');
    expect(send({ input: '0xABCD', data: '0xabcd' }).data).toBe('0xabcd');
    refused({ input: '0xabcd', data: '0x1234' }, 'data and input are both given and differ; send one of them');
  });

  it('refuses data that is not whole bytes of hex', () => {
    refused({ data: '0xabc' }, 'data must be 0x-prefixed hex with an even number of digits');
    refused({ input: 'hello' }, 'input must be 0x-prefixed hex with an even number of digits');
  });

  it('is lenient on leading zeros but strict on anything that is not hex', () => {
    expect(send({ value: '0x0001' }).value).toBe(1n);
    refused({ value: '12' }, 'value must be a 0x-prefixed hex quantity, got "12"');
    refused({ value: 12 }, 'value must be a 0x-prefixed hex quantity, got a number');
    refused({ gas: '0x' }, 'gas must be a 0x-prefixed hex quantity, got "0x"');
    refused({ maxFeePerGas: '0xzz' }, 'maxFeePerGas must be a 0x-prefixed hex quantity, got "0xzz"');
  });

  it('refuses a number of more than 64 hex digits with -32602, never a RangeError', () => {
    refused({ value: `0x1${'0'.repeat(64)}` }, 'value has more than 64 hex digits (above 2^256 - 1)');
    expect(send({ value: `0x${'0'.repeat(100)}1` }).value).toBe(1n);
  });

  it('refuses a gas limit above 2^64 - 1 and a nonce of 2^64 - 1 or more (EIP-2681)', () => {
    refused({ gas: `0x1${'0'.repeat(16)}` }, 'gas 0x10000000000000000 is above the largest allowed, 0xffffffffffffffff');
    refused({ nonce: '0xffffffffffffffff' }, 'nonce 0xffffffffffffffff is above the largest allowed, 0xfffffffffffffffe');
  });

  it('refuses gasPrice beside the EIP-1559 fees, and fees of the other type than asked', () => {
    refused({ gasPrice: '0x1', maxFeePerGas: '0x2' }, 'gasPrice cannot be given with maxFeePerGas or maxPriorityFeePerGas: it is legacy, they are EIP-1559');
    refused({ type: '0x0', maxPriorityFeePerGas: '0x1' }, 'maxFeePerGas and maxPriorityFeePerGas do not belong in a type 0x0 (legacy) transaction');
    refused({ type: '0x2', gasPrice: '0x1' }, 'gasPrice does not belong in a type 0x2 transaction; use maxFeePerGas');
    refused({ maxFeePerGas: '0x1', maxPriorityFeePerGas: '0x2' }, 'maxPriorityFeePerGas 0x2 is above maxFeePerGas 0x1 (EIP-1559)');
  });

  it('keeps the type the site named apart from the fees it suggested', () => {
    expect(send({ gasPrice: '0x5' })).toMatchObject({ type: undefined, suggestedFees: { type: 'legacy', gasPrice: 5n } });
    expect(send({ maxFeePerGas: '0x5' })).toMatchObject({ type: undefined, suggestedFees: { type: 'eip1559', maxFeePerGas: 5n, maxPriorityFeePerGas: undefined } });
    expect(send({ type: '0x0' })).toMatchObject({ type: 'legacy', suggestedFees: undefined });
  });

  it('refuses transaction types 1, 3 and 4 with the reason', () => {
    refused({ type: '0x1' }, 'type 0x1 is EIP-2930 (access lists), which the wallet does not sign; send type 0x2 without an access list');
    refused({ type: '0x3' }, 'type 0x3 is EIP-4844 (blob transactions), which the wallet does not sign');
    refused({ type: '0x4' }, 'type 0x4 is EIP-7702 (set code), which the wallet does not sign: it hands control of the account to a contract');
    refused({ type: '0x7e' }, 'type 0x7e is not a transaction type the wallet signs (0x0 or 0x2)');
  });

  it('refuses an EIP-7702 authorizationList with 4200 in plain words', () => {
    expect(() => send({ authorizationList: [{ address: BOB }] })).toThrow(expect.objectContaining({
      code: 4200, message: 'eth_sendTransaction: the wallet does not sign EIP-7702 authorizations: they hand control of the account to a contract',
    }) as Error);
  });

  it('accepts an empty access list and refuses a non-empty one', () => {
    expect(send({ accessList: [] }).to).toBe(BOB);
    refused({ accessList: [{ address: BOB, storageKeys: [] }] }, 'accessList must be empty or absent: the wallet signs no EIP-2930 access lists');
  });

  it('reads chainId as a quantity and refuses one that is not hex', () => {
    expect(send({ chainId: '0x1' }).chainId).toBe(1n);
    refused({ chainId: 1 }, 'chainId must be a 0x-prefixed hex quantity, got a number');
  });

  it('ignores fields it does not know, as MetaMask does (gasLimit, web3.js chain and hardfork)', () => {
    expect(send({ gasLimit: '0x1', chain: 'mainnet', hardfork: 'london' }).gas).toBeUndefined();
  });
});
