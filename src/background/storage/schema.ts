// The IndexedDB schema of the background. Every store and record carries a version (style.md §9);
// upgrades are the numbered migrations in ./migrations.
import type { DBSchema } from 'idb';
import type { RegisterStandard, VaultRecord, WordlistName } from '../../core';
import type { ActivityView, ChainView, TokenView } from '../../protocol/approvals';
import type { SentTransactionStatus, SentTransactionView } from '../../protocol/transactions';
import type { StoredGovernor, StoredProposal } from './governance-schema';

export const DATABASE_NAME = 'shareholder-wallet';

/** The vault as stored: the encrypted record plus what the wallet must know without the password. */
export interface StoredVault {
  schema: 1;
  record: VaultRecord;
  wordlist: WordlistName;
  createdAt: number;
}

export interface StoredAccount {
  index: number;
  name: string;
  address: string;
}

export interface UnlockAttempts {
  failures: number;
  blockedUntil: number;
}

/** Values of the `meta` store by key. */
export interface MetaValues {
  autoLockMinutes: number;
  unlockAttempts: UnlockAttempts;
}

/** A site's permission (EIP-2255 `eth_accounts`) and its active chain. */
export interface StoredPermission {
  origin: string;
  /** The accounts the user chose to show this site; empty while only the chain is remembered. */
  accounts: string[];
  grantedAt: number;
  /** EIP-155 chain id, 0x-hex, that this site is on. */
  chainId: string;
  /**
   * The chains (0x-hex) this site added or the user let it switch to; it may switch to these without a
   * prompt. Absent in records written before this field existed: none.
   */
  chains?: string[];
}

export type StoredActivity = ActivityView;

/**
 * A network the user added; chainId is 0x-hex. Its RPC URL came from a site, so by default the wallet
 * reads through it only the accounts connected to that site (the node sees every address it is asked
 * about). Both fields are optional: a record stored before they existed needs no migration and is read
 * for no account until the user chooses the network in the popup.
 */
export type StoredChain = ChainView & {
  addedAt: number;
  /** The origin of the site whose RPC URL this network uses. */
  addedBy?: string;
  /** The user chose, in the popup, to read all their accounts on this network and look for used ones there. */
  userChosen?: boolean;
  /**
   * Whether the node at `rpcUrl` answered eth_simulateV1, as last found by a transaction preview. Absent
   * until a preview asked; a record for another URL (the network's RPC was replaced) counts as absent.
   */
  simulation?: SimulationSupport;
};

/** What a transaction preview found out about a node's eth_simulateV1. */
export interface SimulationSupport {
  rpcUrl: string;
  supported: boolean;
  checkedAt: number;
}

/** A share token the wallet shows, with name, symbol and decimals as read from the chain. */
export type StoredToken = TokenView & { addedAt: number };

/** One account's position in one token, as read at the record's block; amounts are raw units in decimal. */
export interface StoredHoldingRow {
  /** EIP-55 address of the token contract. */
  token: string;
  /** EIP-55 address of the account. */
  account: string;
  balance: string;
  /** Only for tokens in `votesTokens`. */
  votes?: string;
  /** EIP-55, or null when the account has not delegated; only for tokens in `votesTokens`. */
  delegate?: string | null;
  /** Only for tokens in `registerTokens`: the register's facts about this account (a fact left out is unknown). */
  register?: StoredRegisterFacts;
}

/** What a restricted token's register says about one account, read with its balance. */
export interface StoredRegisterFacts {
  /** getFrozenTokens, raw units in decimal; ERC-7943 allows more than the balance. */
  frozenTokens?: string;
  /** ERC-3643 isFrozen: the whole account can neither send nor receive. */
  accountFrozen?: boolean;
  /** ERC-3643 isVerified in the token's identity registry. */
  verified?: boolean;
  /** ERC-7943 canSend / canReceive. */
  canSend?: boolean;
  canReceive?: boolean;
}

/** A restricted share token among a network's holdings, and what it said of itself at the record's block. */
export interface StoredRegisterToken {
  /** EIP-55 */
  token: string;
  standard: RegisterStandard;
  /** ERC-3643 paused(); absent when unknown or not ERC-3643. */
  paused?: boolean;
}

/** What the wallet last read of one network's share tokens, and why the latest refresh failed, if it did. */
export interface StoredChainHoldings {
  schema: 1;
  chainId: string;
  /** Absent until a refresh succeeded once. */
  asOf?: { blockNumber: string; blockTime: number; fetchedAt: number };
  rows: StoredHoldingRow[];
  /** EIP-55 addresses of the tokens that answered getVotes and delegates (ERC20Votes). */
  votesTokens: string[];
  /** Total supply in raw units (decimal) by token EIP-55 address, for the tokens that answered it. */
  supplies?: Record<string, string>;
  /**
   * The restricted tokens (ERC-3643, ERC-7943) whose register facts the rows carry; absent in records
   * written before the wallet read them, which therefore show every token as a plain one.
   */
  registerTokens?: StoredRegisterToken[];
  /** Kept until a refresh succeeds, so the popup keeps saying that its figures are old. */
  problem?: { message: string; at: number };
}

/**
 * A transaction the wallet signed. It is written before it is sent, so that its nonce is never given
 * again after a background restart; `raw` (the signed bytes, no secret) lets the watcher send it again.
 */
export type StoredTransaction = SentTransactionView & {
  schema: 1;
  raw: string;
};

/**
 * An EIP-5792 batch a site sent (wallet_sendCalls), by the site's origin and the batch id, so that
 * wallet_getCallsStatus answers after the background stopped. The transactions themselves are the
 * 'transactions' records of `hashes`; their status is read from there.
 */
export interface StoredCallBatch {
  schema: 1;
  origin: string;
  id: string;
  /** 0x-hex. */
  chainId: string;
  /** EIP-55. */
  from: string;
  /** How many calls the site asked for; more than `hashes` when sending stopped at a call. */
  calls: number;
  /** The transactions signed for the calls, in order (a call the node refused included). */
  hashes: string[];
  /** The wallet sends calls one by one (EIP-5792 `atomic` false). */
  atomic: false;
  sentAt: number;
}

/**
 * What a share token is to the register check, as probed once on its network: ERC-3643 (it answered
 * `identityRegistry()` and `compliance()`), ERC-7943 (ERC-165 says IERC7943Fungible) or 'plain' (neither).
 */
export interface StoredRegister {
  schema: 1;
  /** 0x-hex, as the chains store. */
  chainId: string;
  /** EIP-55 address of the token contract. */
  address: string;
  standard: RegisterStandard | 'plain';
  /** When it was probed (epoch ms). */
  checkedAt: number;
  /**
   * ERC-3643 only: the identity registry and compliance (EIP-55) the token named when probed. The token's
   * owner may replace them, so a reader asks the token again and uses these only to tell whether they moved.
   */
  identityRegistry?: string;
  compliance?: string;
}

export interface WalletSchema extends DBSchema {
  /** Key `current` holds the vault; damaged records are kept aside under `damaged-<time>`, never deleted. */
  vault: { key: string; value: unknown };
  accounts: { key: number; value: StoredAccount };
  meta: { key: keyof MetaValues; value: MetaValues[keyof MetaValues] };
  permissions: { key: string; value: StoredPermission };
  activity: { key: string; value: StoredActivity; indexes: { time: number } };
  chains: { key: string; value: StoredChain };
  tokens: { key: [string, string]; value: StoredToken };
  holdings: { key: string; value: StoredChainHoldings };
  transactions: {
    key: string;
    value: StoredTransaction;
    indexes: { account: [string, string]; status: SentTransactionStatus };
  };
  callBatches: { key: [string, string]; value: StoredCallBatch };
  registers: { key: [string, string]; value: StoredRegister };
  governors: { key: [string, string]; value: StoredGovernor };
  proposals: { key: [string, string, string]; value: StoredProposal; indexes: { governor: [string, string] } };
}
