import { Transaction, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  checkTransaction, decodeSignedTransaction, RlpError, serializeSignedTransaction, signTransaction, TransactionError,
} from '../../../../src/core';
import { rlpDecode, rlpEncode, type RlpItem } from '../../../../src/core/transactions/rlp';
import { CURVE_ORDER } from '../../../../src/core/secp';
import { hex } from '../../../helpers/random';

const KEY = Buffer.from('4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318', 'hex');
const TYPE_2 = checkTransaction({
  type: 'eip1559', chainId: 31337n, nonce: 3n, to: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', value: 5n,
  gas: 21000n, maxFeePerGas: 2n, maxPriorityFeePerGas: 1n,
});
const LEGACY = checkTransaction({ type: 'legacy', chainId: 1n, nonce: 3n, gas: 21000n, gasPrice: 7n });

function fields(raw: string): RlpItem[] {
  const bytes = Buffer.from(raw.slice(2), 'hex');
  const item = rlpDecode(bytes[0] === 2 ? bytes.subarray(1) : bytes);
  if (item instanceof Uint8Array) throw new TypeError('expected a list');
  return [...item];
}

function type2With(change: (items: RlpItem[]) => void): string {
  const items = fields(signTransaction(KEY, TYPE_2).raw);
  change(items);
  return `0x02${hex(rlpEncode(items)).slice(2)}`;
}

describe('decodeSignedTransaction', () => {
  it('recovers the sender that ethers recovers for a transaction signed by ethers', async () => {
    const raw = await new Wallet(hex(KEY)).signTransaction({ type: 2, chainId: 5n, nonce: 1, gasLimit: 50000n, maxFeePerGas: 9n, maxPriorityFeePerGas: 9n, data: '0x1234' });
    expect(decodeSignedTransaction(raw).from).toBe(Transaction.from(raw).from);
    expect(decodeSignedTransaction(raw).transaction).toMatchObject({ chainId: 5n, nonce: 1n, to: null, data: '0x1234' });
  });

  it('refuses input that is not hex', () => {
    expect(() => decodeSignedTransaction('02f8')).toThrow(TypeError);
  });

  it.each([
    ['empty bytes', '0x'],
    ['an EIP-2930 (type 1) envelope', '0x01c0'],
    ['a type 2 list with too few fields', '0x02c0'],
    ['a legacy list with too few fields', '0xc0'],
  ])('refuses %s as not a transaction it reads', (_label, raw) => {
    expect(() => decodeSignedTransaction(raw)).toThrow(RlpError);
  });

  it('refuses a type 2 transaction with bytes after it', () => {
    expect(() => decodeSignedTransaction(`${signTransaction(KEY, TYPE_2).raw}00`)).toThrow(RlpError);
  });

  it('refuses an integer field with a leading zero byte', () => {
    expect(() => decodeSignedTransaction(type2With((items) => { items[1] = new Uint8Array([0, 3]); }))).toThrow(/nonce has a leading zero/);
  });

  it('refuses a recipient that is neither empty nor 20 bytes', () => {
    expect(() => decodeSignedTransaction(type2With((items) => { items[5] = new Uint8Array(19); }))).toThrow(/to must be empty or 20 bytes/);
  });

  it('refuses an access list that is a byte string, and one that is not empty', () => {
    expect(() => decodeSignedTransaction(type2With((items) => { items[8] = new Uint8Array(0); }))).toThrow(/accessList must be a list/);
    expect(() => decodeSignedTransaction(type2With((items) => { items[8] = [[new Uint8Array(20), []]]; }))).toThrow(TransactionError);
  });

  it('refuses a yParity other than 0 or 1', () => {
    expect(() => decodeSignedTransaction(type2With((items) => { items[9] = new Uint8Array([2]); }))).toThrow(/yParity must be 0 or 1/);
  });

  it('refuses a high-s signature (EIP-2) and an r of zero', () => {
    const signed = decodeSignedTransaction(signTransaction(KEY, TYPE_2).raw);
    const highS = serializeSignedTransaction(TYPE_2, { ...signed.signature, s: CURVE_ORDER - signed.signature.s });
    expect(() => decodeSignedTransaction(hex(highS))).toThrow(/EIP-2/);
    const zeroR = serializeSignedTransaction(TYPE_2, { ...signed.signature, r: 0n });
    expect(() => decodeSignedTransaction(hex(zeroR))).toThrow(/r must be/);
  });

  it('refuses a legacy transaction without EIP-155 replay protection', () => {
    const items = fields(signTransaction(KEY, LEGACY).raw);
    items[6] = new Uint8Array([27]);
    expect(() => decodeSignedTransaction(hex(rlpEncode(items)))).toThrow(/no EIP-155 chain id/);
  });

  it('reads the chain id of a legacy transaction from v', () => {
    const raw = signTransaction(KEY, checkTransaction({ type: 'legacy', chainId: 31337n, nonce: 0n, gas: 1n, gasPrice: 1n })).raw;
    expect(decodeSignedTransaction(raw).transaction.chainId).toBe(31337n);
  });
});
