// The bytes of a transaction: EIP-2718 envelope for type 2 (EIP-1559), plain RLP for legacy (EIP-155).
import { keccak_256 } from '@noble/hashes/sha3.js';
import { concatBytes, hexToBytes } from '../bytes';
import { rlpEncode, rlpInteger, type RlpItem } from './rlp';
import type { CheckedTransaction } from './types';

/** EIP-1559: the transaction type byte of the EIP-2718 envelope. */
export const EIP1559_TYPE = 0x02;

/** r, s and the recovery bit (0 or 1) of a secp256k1 signature. */
export interface TransactionSignature {
  readonly yParity: 0 | 1;
  readonly r: bigint;
  readonly s: bigint;
}

function commonTail(tx: CheckedTransaction): RlpItem[] {
  const to = tx.to === null ? new Uint8Array(0) : hexToBytes(tx.to);
  return [rlpInteger(tx.gas), to, rlpInteger(tx.value), hexToBytes(tx.data)];
}

function eip1559Fields(tx: CheckedTransaction & { type: 'eip1559' }): RlpItem[] {
  // EIP-1559: [chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList]
  return [rlpInteger(tx.chainId), rlpInteger(tx.nonce), rlpInteger(tx.maxPriorityFeePerGas),
    rlpInteger(tx.maxFeePerGas), ...commonTail(tx), []];
}

function legacyFields(tx: CheckedTransaction & { type: 'legacy' }): RlpItem[] {
  return [rlpInteger(tx.nonce), rlpInteger(tx.gasPrice), ...commonTail(tx)];
}

/**
 * The payload whose keccak256 is signed: 0x02 ‖ rlp([...fields]) for type 2; for legacy, EIP-155's
 * rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0]).
 */
export function serializeUnsignedTransaction(tx: CheckedTransaction): Uint8Array {
  if (tx.type === 'eip1559') return concatBytes(new Uint8Array([EIP1559_TYPE]), rlpEncode(eip1559Fields(tx)));
  const empty = new Uint8Array(0);
  return rlpEncode([...legacyFields(tx), rlpInteger(tx.chainId), empty, empty]);
}

/** keccak256 of the unsigned payload: the digest the sender signs. */
export function transactionSigningHash(tx: CheckedTransaction): Uint8Array {
  return keccak_256(serializeUnsignedTransaction(tx));
}

/**
 * The raw signed transaction: 0x02 ‖ rlp([...fields, yParity, r, s]) for type 2; for legacy,
 * rlp([nonce, gasPrice, gas, to, value, data, v, r, s]) with EIP-155's v = chainId · 2 + 35 + yParity.
 */
export function serializeSignedTransaction(tx: CheckedTransaction, signature: TransactionSignature): Uint8Array {
  const rs = [rlpInteger(signature.r), rlpInteger(signature.s)];
  if (tx.type === 'eip1559') {
    const fields = [...eip1559Fields(tx), rlpInteger(BigInt(signature.yParity)), ...rs];
    return concatBytes(new Uint8Array([EIP1559_TYPE]), rlpEncode(fields));
  }
  const v = tx.chainId * 2n + 35n + BigInt(signature.yParity);
  return rlpEncode([...legacyFields(tx), rlpInteger(v), ...rs]);
}
