// Transactions as the approval window, the popup and Activity see them. Every value is JSON (bigints as
// decimal strings, chain ids as 0x-hex), since runtime messages are serialised.
import type { DescribedCall } from '../core/actions/calls/types';
import type { RevertReason } from '../core/transactions/revert';
import type { Jsonify } from './approvals';

export type CallView = Jsonify<DescribedCall>;
export type RevertView = Jsonify<RevertReason>;

/** Fees of an EIP-1559 (type 2) transaction, in wei per gas. */
export interface Eip1559Fees {
  type: 'eip1559';
  maxFeePerGas: string;
  maxPriorityFeePerGas: string;
}

/** The fee of a legacy EIP-155 transaction, for chains without a base fee. */
export interface LegacyFees {
  type: 'legacy';
  gasPrice: string;
}

export type FeesView = Eip1559Fees | LegacyFees;

/** The native currency of the transaction's network, for showing the value and the fee. */
export interface NativeCurrencyView {
  symbol: string;
  decimals: number;
}

/** What the wallet would pay in fees: the most (gas limit × max fee) and the likely (gas × base + tip). */
export interface FeeEstimateView {
  /** The fees the wallet proposes, from eth_feeHistory (or eth_gasPrice on a chain without a base fee). */
  proposed: FeesView;
  /** The fees the site suggested, when it gave any; `used` says whether the proposal took them. */
  suggested: FeesView | undefined;
  /** Whether the site's fees were sane and are the ones proposed. */
  suggestedUsed: boolean;
  /** The latest block's base fee (EIP-1559), in wei; undefined on a chain without one. */
  baseFeePerGas: string | undefined;
}

/** eth_estimateGas said the call would revert: why, decoded when the wallet knows the error. */
export interface SimulatedFailure {
  revert: RevertView;
  /** The node's own message, when it gave one and the revert data was empty (page text: shown framed). */
  nodeMessage: string | undefined;
}

/** The recipient of a transfer looks like an address the user knows but is not it (address poisoning). */
export interface LookalikeView {
  /** The address in the request. */
  recipient: string;
  /** The known address (the user's account or a past recipient) it imitates. */
  imitates: string;
}

/** `ApprovalRequest` of kind 'transaction': a transaction a site (or the popup) asks the wallet to send. */
export interface TransactionRequestView {
  /** 0x-hex. */
  chainId: string;
  /** The sending account, EIP-55. */
  from: string;
  call: CallView;
  nativeCurrency: NativeCurrencyView;
  /** Gas limit the wallet will sign: the site's, or the node's estimate with a margin. Decimal. */
  gas: string;
  fees: FeeEstimateView;
  /** The nonce the wallet will use if approved now (it is taken again at signing). Decimal. */
  nonce: string;
  /** Undefined when the node says the call would succeed. */
  failure: SimulatedFailure | undefined;
  lookalike: LookalikeView | undefined;
}

/** What the user set in the approval window for a transaction; absent fields keep the proposal. */
export interface TransactionChoice {
  fees?: FeesView;
}

export type SentTransactionStatus =
  /** Sent; no receipt yet. */
  | 'pending'
  /** Mined and succeeded. */
  | 'confirmed'
  /** Mined and reverted, or refused by the node when sent. */
  | 'failed'
  /** Another transaction of the same account and nonce was mined instead (a speed-up or a cancel, or another wallet). */
  | 'replaced';

/** Why a transaction sent by the wallet exists: a request, or the user's speed-up or cancel of an earlier one. */
export type SentTransactionOrigin =
  | { kind: 'site'; origin: string }
  | { kind: 'popup' }
  | { kind: 'speed-up' | 'cancel'; of: string };

/** One transaction the wallet signed and sent, as Activity lists it. */
export interface SentTransactionView {
  hash: string;
  chainId: string;
  from: string;
  nonce: string;
  call: CallView;
  nativeCurrency: NativeCurrencyView;
  gas: string;
  fees: FeesView;
  origin: SentTransactionOrigin;
  status: SentTransactionStatus;
  /** Decimal block number, once mined. */
  blockNumber: string | undefined;
  /** When mined and failed: the revert when the wallet could read it, else undefined. */
  failure: SimulatedFailure | undefined;
  /** When replaced: the hash of the transaction that took its nonce, when it is one the wallet sent. */
  replacedBy: string | undefined;
  sentAt: number;
  /**
   * When the node refused it at eth_sendRawTransaction (status 'failed', never mined, its nonce free again):
   * the node's words, capped (node text: shown framed, to the user only, never to the page).
   */
  refusal?: string;
}
