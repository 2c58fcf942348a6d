// Transactions as the wallet signs them: EIP-1559 (type 2) and legacy EIP-155 (type 0), access lists empty.

export type Hex = `0x${string}`;

/** The fields of a transaction, named as in eth_sendTransaction. */
export type TransactionField =
  | 'type' | 'chainId' | 'nonce' | 'to' | 'value' | 'data' | 'gas'
  | 'maxFeePerGas' | 'maxPriorityFeePerGas' | 'gasPrice' | 'accessList';

/** What is wrong with a field, as an identifier the RPC and UI layers can translate. */
export type TransactionProblem =
  | 'missing' | 'not-integer' | 'negative' | 'too-large' | 'zero' | 'not-hex' | 'not-address'
  | 'not-allowed-for-type' | 'above-max-fee' | 'access-list-not-supported' | 'unknown-type';

/** A transaction field that cannot be signed. `field` and `problem` say which and why. */
export class TransactionError extends Error {
  override readonly name = 'TransactionError';
  constructor(readonly field: TransactionField, readonly problem: TransactionProblem, detail: string) {
    super(`${field}: ${detail}`);
  }
}

/**
 * A transaction before checking, with integers as bigints and bytes as hex. `to` absent or null creates a
 * contract. `accessList` may only be empty: the wallet signs no EIP-2930 access lists.
 */
export interface TransactionInput {
  readonly type: 'eip1559' | 'legacy';
  readonly chainId: bigint;
  readonly nonce: bigint;
  readonly to?: string | null | undefined;
  readonly value?: bigint | undefined;
  readonly data?: string | undefined;
  readonly gas: bigint;
  readonly maxFeePerGas?: bigint | undefined;
  readonly maxPriorityFeePerGas?: bigint | undefined;
  readonly gasPrice?: bigint | undefined;
  readonly accessList?: readonly unknown[] | undefined;
}

declare const checked: unique symbol;

interface CheckedFields {
  readonly chainId: bigint;
  readonly nonce: bigint;
  /** EIP-55 address, or null for a contract creation. */
  readonly to: string | null;
  readonly value: bigint;
  /** Lowercase 0x-hex. */
  readonly data: Hex;
  readonly gas: bigint;
  /** Only {@link checkTransaction} makes one, so a signer need not check again. */
  readonly [checked]: true;
}

/** EIP-1559 (type 2) with an empty access list. */
export interface Eip1559Transaction extends CheckedFields {
  readonly type: 'eip1559';
  readonly maxFeePerGas: bigint;
  readonly maxPriorityFeePerGas: bigint;
}

/** Legacy (type 0) with EIP-155 replay protection. */
export interface LegacyTransaction extends CheckedFields {
  readonly type: 'legacy';
  readonly gasPrice: bigint;
}

export type CheckedTransaction = Eip1559Transaction | LegacyTransaction;

/** A signed transaction: the raw bytes for eth_sendRawTransaction and its hash (keccak256 of them). */
export interface SignedTransaction {
  readonly raw: Hex;
  readonly hash: Hex;
}
