// What a transaction asks the shareholder to do, in terms the approval screen can put in words.
import type { TokenRef, VoteSupport } from '../types';

/** A transaction as the wallet is about to send it (already checked at the RPC edge). */
export interface CallRequest {
  chainId: bigint;
  /** The sender: needed to tell "activate your votes" (delegating to oneself) apart from giving them away. */
  from: string;
  /** Undefined for a contract creation. */
  to: string | undefined;
  /** Native currency sent with the call, in wei. */
  value: bigint;
  /** Calldata as 0x-hex; undefined or "0x" for none. */
  data: string | undefined;
}

/** One call of a Governor proposal, as the proposal lists it. */
export interface ProposalCall {
  target: string;
  value: bigint;
  calldata: string;
}

/** Who signed an ERC-3009 authorization and how it is submitted. */
export type AuthorizationMode = 'transfer' | 'receive';

export type CallAction =
  /** No calldata: the native currency moves to `to` (a value of 0 is a no-op call, as in a cancel). */
  | { kind: 'native-transfer'; to: string }
  /** No `to`: the data is contract code to deploy. Always flagged. */
  | { kind: 'contract-creation'; bytecode: string }
  /** ERC-20 `transfer`, and ERC-3643 `transfer` (same selector): the sender's tokens move to `to`. */
  | { kind: 'token-transfer'; token: TokenRef; to: string; amount: bigint }
  /** ERC-20 `transferFrom`: the sender moves `from`'s tokens under an allowance. */
  | { kind: 'token-transfer-from'; token: TokenRef; from: string; to: string; amount: bigint }
  /** ERC-20 `approve`: `spender` may move up to `amount`; `unlimited` as for permits (≥ 2^255 or > total supply). */
  | { kind: 'token-approve'; token: TokenRef; spender: string; amount: bigint; unlimited: boolean }
  /** ERC-3643 `batchTransfer`: the sender's tokens move to each recipient in turn. */
  | { kind: 'token-batch-transfer'; token: TokenRef; transfers: { to: string; amount: bigint }[] }
  /** ERC-3009: a signed authorization of `from` moves tokens to `to`; "receive" may only be submitted by `to`. */
  | {
    kind: 'authorized-transfer'; mode: AuthorizationMode; token: TokenRef; from: string; to: string; amount: bigint;
    validAfter: bigint; validBefore: bigint; nonce: string;
  }
  /** ERC20Votes `delegate`: `toSelf` is "activate your votes"; otherwise the sender's votes go to `delegatee`. */
  | { kind: 'delegate'; token: TokenRef; delegatee: string; toSelf: boolean }
  /** ERC20Votes `delegateBySig`: submits someone's signed delegation (the signer is not known without recovery). */
  | { kind: 'delegate-by-signature'; token: TokenRef; delegatee: string; nonce: bigint; expiry: bigint }
  /**
   * Governor `castVote*`. `voter` is the sender, or the signer named by a `*BySig` call (`bySignature`).
   * `reason` and `params` (hex) are undefined when empty.
   */
  | {
    kind: 'vote'; governor: string; chainId: bigint; proposalId: bigint; support: VoteSupport; voter: string;
    bySignature: boolean; reason: string | undefined; params: string | undefined;
  }
  /** Governor `propose`: the calls the proposal would make, and its description (page text). */
  | { kind: 'propose'; governor: string; calls: ProposalCall[]; description: string }
  /** Governor `queue` / `execute` of the proposal made of `calls` and the description's keccak256. */
  | { kind: 'queue' | 'execute'; governor: string; calls: ProposalCall[]; descriptionHash: string }
  /**
   * Anything else: the 4-byte selector (undefined when the data is shorter) and the raw data. Always flagged.
   * A known selector whose arguments do not decode canonically is unknown too.
   */
  | { kind: 'unknown'; to: string; selector: string | undefined; data: string };

/** What the approval must warn about before the shareholder approves. */
export type CallWarning = 'contract-creation' | 'unrecognised' | 'unlimited-approval';

export interface DescribedCall {
  chainId: bigint;
  /** The contract called or the recipient, EIP-55; undefined for a contract creation. */
  to: string | undefined;
  /** Native currency sent, in wei: always shown when > 0, whatever the call. */
  value: bigint;
  action: CallAction;
  /**
   * Bytes after a recognised call's canonical arguments (the contract ignores them; some sites append a
   * referral tag), as hex; undefined when none.
   */
  trailingData: string | undefined;
  warnings: CallWarning[];
}
