// What a share register says about a proposed transfer: the facts read from the chain, and the verdict the
// wallet draws from them before the shareholder signs. Amounts are raw token units.

/** The restricted-share standards whose rules the wallet can check. */
export type RegisterStandard = 'erc3643' | 'erc7943';

/** One movement of shares to `to`. */
export interface ShareTransfer {
  to: string;
  amount: bigint;
}

/**
 * Shares of `from` moving to each recipient in turn: one entry for `transfer`, `transferFrom` (whose `from`
 * is the owner of the shares, not the sender) and an ERC-3009 authorization; one per recipient for an
 * ERC-3643 `batchTransfer`. `token` is the contract's address.
 */
export interface ProposedTransfers {
  token: string;
  from: string;
  transfers: ShareTransfer[];
}

/** The sender's position: its balance and the part of it the issuer froze (which may exceed the balance). */
export interface SenderPosition {
  balance: bigint;
  frozenTokens: bigint;
}

/**
 * ERC-3643 (T-REX) facts, as read at the moment of the check. `compliance` is the token's
 * `compliance().canTransfer(from, to, amount)`; 'reverted' when the call reverted instead of answering.
 */
export interface Erc3643Facts {
  standard: 'erc3643';
  paused: boolean;
  sender: SenderPosition & { frozen: boolean };
  /** One per transfer, in the order of the transfers. */
  recipients: { frozen: boolean; verified: boolean; compliance: boolean | 'reverted' }[];
}

/** ERC-7943 (uRWA, fungible) facts; `supportsInterface` is ERC-165 for IERC7943Fungible. */
export interface Erc7943Facts {
  standard: 'erc7943';
  supportsInterface: boolean;
  sender: SenderPosition & { canSend: boolean };
  /** One per transfer: `canReceive(to)` and `canTransfer(from, to, amount)`. */
  recipients: { canReceive: boolean; canTransfer: boolean }[];
}

export type RegisterFacts = Erc3643Facts | Erc7943Facts;

/** The rule of the register that refuses a transfer. */
export type RegisterRefusal =
  /** ERC-3643 `whenNotPaused` ("Pausable: paused"). */
  | { rule: 'paused' }
  /** ERC-3643 `isFrozen` of the sender ("wallet is frozen"). */
  | { rule: 'sender-frozen'; account: string }
  /** ERC-3643 `isFrozen` of the recipient ("wallet is frozen"). */
  | { rule: 'recipient-frozen'; account: string }
  /**
   * More than the sender's unfrozen shares (ERC-3643 "Insufficient Balance", ERC-7943
   * ERC7943InsufficientUnfrozenBalance or the base ERC-20 error). `balance` is what the sender holds when
   * this transfer runs (after a batch's earlier entries), `available` = max(0, balance − frozen).
   */
  | { rule: 'insufficient-available'; account: string; amount: bigint; balance: bigint; frozen: bigint; available: bigint }
  /** ERC-3643 `identityRegistry().isVerified(to)` is false. */
  | { rule: 'recipient-unverified'; account: string }
  /** ERC-3643 `compliance().canTransfer(from, to, amount)` answered false, or reverted. */
  | { rule: 'compliance'; reverted: boolean }
  /** ERC-7943 `canSend(from)` is false. */
  | { rule: 'sender-not-allowed'; account: string }
  /** ERC-7943 `canReceive(to)` is false. */
  | { rule: 'recipient-not-allowed'; account: string }
  /** ERC-7943 `canTransfer(from, to, amount)` is false (another of the token's rules). */
  | { rule: 'transfer-not-allowed' };

export type RegisterRule = RegisterRefusal['rule'];

/** Why the register's rules could not be checked: the node failed, answered nonsense, or the token changed. */
export type UncheckedCause = 'node' | 'answer' | 'standard';

export type RegisterVerdict =
  | { kind: 'accepted'; standard: RegisterStandard }
  /**
   * The first rule that refuses, and the transfer it refuses: `index` of `count` (a batch names which
   * recipient; a single transfer has index 0 of 1).
   */
  | {
    kind: 'refused'; standard: RegisterStandard; refusal: RegisterRefusal;
    transfer: { index: number; count: number; to: string; amount: bigint };
  }
  /** "Could not check": never blocks. `message` is plain English naming the node or contract. */
  | { kind: 'unchecked'; standard: RegisterStandard | undefined; cause: UncheckedCause; message: string };

/** What the wallet can say about a transfer of a token: a verdict, or that the token is not a restricted one. */
export type RegisterCheck = RegisterVerdict | { kind: 'unrestricted' };
