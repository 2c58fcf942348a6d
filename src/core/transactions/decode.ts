// Reading a signed raw transaction back: its fields (checked again), its signature and its sender.
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bigIntToBytes, bytesToBigInt, bytesToHex, concatBytes, hexToBytes } from '../bytes';
import { CURVE_ORDER } from '../secp';
import { recoverAddress } from '../sign';
import { checkTransaction } from './check';
import { rlpDecode, RlpError, type RlpItem } from './rlp';
import { EIP1559_TYPE, transactionSigningHash, type TransactionSignature } from './serialize';
import type { CheckedTransaction, Hex } from './types';

/** A signed transaction taken apart. */
export interface DecodedTransaction {
  readonly transaction: CheckedTransaction;
  readonly signature: TransactionSignature;
  /** EIP-55 address of the signer. */
  readonly from: string;
  /** keccak256 of the raw bytes. */
  readonly hash: Hex;
}

function bytesAt(fields: readonly RlpItem[], index: number, what: string): Uint8Array {
  const item = fields[index];
  if (!(item instanceof Uint8Array)) throw new RlpError(`${what} must be a byte string`);
  return item;
}

function integerAt(fields: readonly RlpItem[], index: number, what: string): bigint {
  const bytes = bytesAt(fields, index, what);
  if (bytes[0] === 0) throw new RlpError(`${what} has a leading zero byte (not canonical)`);
  return bytesToBigInt(bytes);
}

function recipientAt(fields: readonly RlpItem[], index: number): string | null {
  const bytes = bytesAt(fields, index, 'to');
  if (bytes.length === 0) return null;
  if (bytes.length !== 20) throw new RlpError('to must be empty or 20 bytes');
  return bytesToHex(bytes);
}

function fieldList(item: RlpItem, count: number): readonly RlpItem[] {
  if (item instanceof Uint8Array || item.length !== count) throw new RlpError(`expected a list of ${count} fields`);
  return item;
}

function decodeFields(bytes: Uint8Array): { transaction: CheckedTransaction; v: bigint; r: bigint; s: bigint } {
  if (bytes[0] === EIP1559_TYPE) {
    const fields = fieldList(rlpDecode(bytes.subarray(1)), 12);
    const accessList = fields[8];
    if (accessList === undefined || accessList instanceof Uint8Array) throw new RlpError('accessList must be a list');
    const transaction = checkTransaction({
      type: 'eip1559', chainId: integerAt(fields, 0, 'chainId'), nonce: integerAt(fields, 1, 'nonce'),
      maxPriorityFeePerGas: integerAt(fields, 2, 'maxPriorityFeePerGas'), maxFeePerGas: integerAt(fields, 3, 'maxFeePerGas'),
      gas: integerAt(fields, 4, 'gas'), to: recipientAt(fields, 5), value: integerAt(fields, 6, 'value'),
      data: bytesToHex(bytesAt(fields, 7, 'data')), accessList,
    });
    return { transaction, v: integerAt(fields, 9, 'yParity'), r: integerAt(fields, 10, 'r'), s: integerAt(fields, 11, 's') };
  }
  if ((bytes[0] ?? 0) < 0xc0) throw new RlpError('not a type 2 or legacy transaction');
  const fields = fieldList(rlpDecode(bytes), 9);
  const v = integerAt(fields, 6, 'v');
  // EIP-155: v = chainId · 2 + 35 + yParity; 27 and 28 are unprotected signatures, which the wallet never makes.
  if (v < 35n) throw new RlpError(`v ${v} has no EIP-155 chain id`);
  const transaction = checkTransaction({
    type: 'legacy', chainId: (v - 35n) / 2n, nonce: integerAt(fields, 0, 'nonce'), gasPrice: integerAt(fields, 1, 'gasPrice'),
    gas: integerAt(fields, 2, 'gas'), to: recipientAt(fields, 3), value: integerAt(fields, 4, 'value'),
    data: bytesToHex(bytesAt(fields, 5, 'data')),
  });
  return { transaction, v: (v - 35n) % 2n, r: integerAt(fields, 7, 'r'), s: integerAt(fields, 8, 's') };
}

/**
 * Decodes a signed type 2 or legacy EIP-155 transaction and recovers its sender.
 * @throws TypeError for input that is not hex; RlpError for bytes that are not such a transaction;
 * TransactionError for fields out of range; RangeError for a signature that is high-s (EIP-2) or recovers
 * no key.
 */
export function decodeSignedTransaction(raw: string): DecodedTransaction {
  const bytes = hexToBytes(raw, 'raw transaction');
  const { transaction, v, r, s } = decodeFields(bytes);
  if (v !== 0n && v !== 1n) throw new RangeError(`yParity must be 0 or 1, not ${v}`);
  if (r === 0n || r >= CURVE_ORDER) throw new RangeError('r must be in 1 … n-1');
  // EIP-2: s above n/2 is malleable, and nodes refuse it.
  if (s === 0n || s > CURVE_ORDER / 2n) throw new RangeError('s must be in 1 … n/2 (EIP-2)');
  const yParity = v === 1n ? 1 : 0;
  const rs = concatBytes(bigIntToBytes(r, 32), bigIntToBytes(s, 32));
  const from = recoverAddress(transactionSigningHash(transaction), rs, yParity);
  return { transaction, signature: { yParity, r, s }, from, hash: bytesToHex(keccak_256(bytes)) };
}

/** The EIP-55 address that signed the raw transaction. @throws as {@link decodeSignedTransaction}. */
export function recoverTransactionSender(raw: string): string {
  return decodeSignedTransaction(raw).from;
}
