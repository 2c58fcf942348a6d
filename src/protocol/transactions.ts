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
  /** The name the wallet knows the network by: whoever added it chose it (page text). */
  networkName: string;
  /** The sending account, EIP-55. */
  from: string;
  call: CallView;
  /**
   * The calldata as the wallet will sign it, lowercase 0x-hex ("0x" for none): the preview simulates exactly
   * these bytes, whatever `call` made of them.
   */
  data: string;
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

/**
 * `ApprovalRequest` of kind 'calls': an EIP-5792 batch, shown in one review and sent as one transaction per
 * call, one after another, with consecutive nonces. Each call is prepared as a transaction of its own (its
 * fees, gas, nonce and failure read alone, before any of the others runs) and is sent with the fees shown.
 */
export interface CallsRequestView {
  /** 0x-hex. */
  chainId: string;
  /** The name the wallet knows the network by: whoever added it chose it (page text). */
  networkName: string;
  /** The sending account, EIP-55. */
  from: string;
  nativeCurrency: NativeCurrencyView;
  /** In the order they are sent; each one's `nonce` is the one it would get if approved now. */
  calls: TransactionRequestView[];
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

/** An asset whose balance a transaction changes: the network's own currency, or an ERC-20-compatible token. */
export type PreviewAssetView =
  | { kind: 'native'; symbol: string; decimals: number }
  | {
    kind: 'token';
    /** EIP-55 address of the token contract. */
    address: string;
    /**
     * Symbol and decimals from the wallet's own tokens (`known: 'wallet'`), else as the contract answered
     * `symbol()` and `decimals()` (`'contract'`: contract text, shown framed), else undefined (raw units).
     */
    symbol: string | undefined;
    decimals: number | undefined;
    known: 'wallet' | 'contract' | undefined;
  };

/** One account's balance of one asset, before the transaction and after it. Raw units, decimal strings. */
export interface BalanceChangeView {
  /** EIP-55. */
  account: string;
  /** Whether `account` is the transaction's sender. */
  sender: boolean;
  asset: PreviewAssetView;
  before: string;
  /** For the sender's native currency, after the likely fee too (`fee` says how much of the change it is). */
  after: string;
  /** The part of the change that is the network fee, on the sender's native row only. */
  fee: string | undefined;
}

/** The network fee in the native currency's smallest unit (wei), decimal. */
export interface PreviewFeeView {
  /** Gas the simulation used; undefined when nothing was simulated (the fee then counts the whole gas limit). */
  gasUsed: string | undefined;
  /**
   * The likely fee: gas (used, else the limit) × the price the proposed fees would pay at the latest
   * block's base fee (EIP-1559: min(max fee, base fee + priority fee); legacy: the gas price).
   */
  likely: string;
  /** The most it can cost: gas limit × max fee (or gas price). */
  max: string;
}

/**
 * Where the figures come from: the node ran the transaction (`simulation`, eth_simulateV1 with
 * traceTransfers), or the wallet read today's balances and applied the amounts the call names
 * (`balance-reads`), which is not a simulation and is labelled so.
 */
export type PreviewSource = 'simulation' | 'balance-reads';

/** Why no preview could be made; the approval window words each in the user's language. */
export type PreviewUnavailableReason =
  /** The wallet has no RPC for the transaction's network. */
  | 'no-network'
  /** The node could not be reached, was too slow, or answered garbage. */
  | 'node-unreachable'
  /** The node refused the simulation or the reads (an error other than "method not found"). */
  | 'node-refused'
  /** No simulation, and the call is not one whose amounts the wallet can read (any contract call but a transfer). */
  | 'call-not-understood'
  /** The approval is no longer waiting. */
  | 'not-pending';

export type PreviewView =
  | {
    status: 'ready';
    source: PreviewSource;
    changes: BalanceChangeView[];
    fee: PreviewFeeView;
    /** The simulation reverted: no balance changes but the fee; the revert decoded when the wallet knows it. */
    reverted: RevertView | undefined;
    /** The decimal block number the balances were read at. */
    blockNumber: string;
  }
  | {
    status: 'unavailable';
    reason: PreviewUnavailableReason;
    /** The fee as the approval proposes it: a failed preview never hides it. Undefined only with `not-pending`. */
    fee: PreviewFeeView | undefined;
  };
