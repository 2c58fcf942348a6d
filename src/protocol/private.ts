// The private message catalogue: every message between the extension's own pages and the background,
// as one map from name to [request, response] (style.md §3). dApps never reach these.
import type { MnemonicProblem, WordlistName } from '../core/mnemonic';

import type { ActivityView, ApprovalDecision, ConnectionView, QueuedApproval } from './approvals';
import type { GovernorRef, VoteFactsView, VotesView } from './governance';
import type { DiscoveryView, HoldingsView, NetworkChoiceView } from './holdings';
import type { RegisterCheckView, RegisterChecksView, RegisterTransferQuery } from './register';
import type { PreviewView, SentTransactionView } from './transactions';

export type { MnemonicProblem, WordlistName };

export type WalletStatus = 'none' | 'locked' | 'unlocked';

export interface AccountView {
  index: number;
  name: string;
  /** EIP-55 */
  address: string;
}

/** What an extension page may know of the wallet. Never holds a secret. */
export interface WalletView {
  status: WalletStatus;
  /** Empty unless unlocked. */
  accounts: AccountView[];
  autoLockMinutes: number;
  /** Epoch ms until which unlock attempts are refused after wrong passwords; absent when not blocked. */
  unlockBlockedUntil?: number;
  /** Set when the stored vault record is damaged: the wallet cannot open it and offers a restore. */
  vaultDamaged?: boolean;
}

/** Auto-lock choices in minutes: 1 minute to 24 hours; there is no "never". */
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240, 1440] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const MIN_PASSWORD_LENGTH = 8;
/** Account names are trimmed and at most this long. */
export const MAX_ACCOUNT_NAME_LENGTH = 40;

export interface PrivateCatalogue {
  'wallet.get': [Record<string, never>, WalletView];
  'mnemonic.generate': [{ strength: 128 | 256; wordlist: WordlistName }, { phrase: string }];
  'mnemonic.check': [{ phrase: string; wordlist: WordlistName }, { problem: MnemonicProblem | null }];
  /** Creates the wallet from a new or a restored phrase. Refused while a readable vault exists. */
  'wallet.create': [{ phrase: string; wordlist: WordlistName; password: string; passphrase?: string }, WalletView];
  'wallet.unlock': [{ password: string }, WalletView];
  'wallet.lock': [Record<string, never>, WalletView];
  'accounts.add': [Record<string, never>, WalletView];
  'accounts.rename': [{ index: number; name: string }, WalletView];
  'settings.setAutoLock': [{ minutes: number }, WalletView];
  'wallet.revealPhrase': [{ password: string }, { phrase: string; wordlist: WordlistName }];
  'wallet.changePassword': [{ oldPassword: string; newPassword: string }, WalletView];
  'wallet.remove': [Record<string, never>, WalletView];
  /**
   * The approval window asks what to show: the oldest pending approval with its place in the queue, or
   * null when none is left.
   */
  'approval.next': [Record<string, never>, QueuedApproval | null];
  'approval.decide': [ApprovalDecision, { done: true }];
  'connections.list': [Record<string, never>, ConnectionView[]];
  'connections.revoke': [{ origin: string }, ConnectionView[]];
  'activity.list': [Record<string, never>, ActivityView[]];
  /** The transactions the wallet sent, newest first, with their status as last seen on their network. */
  'transactions.list': [Record<string, never>, SentTransactionView[]];
  /**
   * Sends again a pending transaction with the same nonce and both fees raised by at least 10%, so that
   * nodes take it in place of the first. The user's click in Activity is the approval.
   */
  'transactions.speedUp': [{ hash: string }, SentTransactionView];
  /** Replaces a pending transaction by a 0-value transaction to the sender itself, same nonce, fees raised by 10%. */
  'transactions.cancel': [{ hash: string }, SentTransactionView];
  /**
   * The popup's Send and "Activate my votes": a transaction from one of the wallet's accounts, shown in the
   * approval window like a site's request; answers once it is sent (or rejects with the user's refusal).
   */
  'transactions.propose': [{ chainId: string; from: string; to: string; value: string; data: string }, { hash: string }];
  /**
   * What the waiting transaction `approvalId` would change (per account and asset, before → after) and its
   * fee, as the node simulates it or as computed from the call; computed once while it waits. A node's
   * failure is an `unavailable` answer with the fee, never an error.
   */
  'transactions.preview': [{ approvalId: string }, PreviewView];
  /**
   * Whether the share register would accept the transfers the waiting approval `approvalId` would make
   * (issue 13): one entry per transaction or signature, read from the chain at the latest block on the first
   * ask and kept while it waits. A node's failure is an 'unchecked' answer, never an error.
   */
  'register.check': [{ approvalId: string }, RegisterChecksView];
  /** The same check for a transfer the popup's Send is about to propose. Never an error for a node's failure. */
  'register.checkTransfer': [RegisterTransferQuery, RegisterCheckView];
  /** Where the popup should open, taken once: Activity right after the popup's own transaction was sent. */
  'popup.landing': [Record<string, never>, { screen: 'activity' | null }];
  /** The cached holdings at once, without touching the network. Unlocked only. */
  'holdings.get': [Record<string, never>, HoldingsView];
  /**
   * Reads every account × token from each known network (at most 2 HTTP requests per network) and caches
   * it. A network that fails keeps its cached figures and gets a `problem`; the call itself succeeds.
   */
  'holdings.refresh': [Record<string, never>, HoldingsView];
  /**
   * Adds a share token of a known network by address; name, symbol and decimals are read from the chain.
   * Adding it in the popup chooses its network as chains.choose does.
   */
  'tokens.add': [{ chainId: string; address: string }, NetworkChoiceView];
  /** Stops showing a token and drops its cached figures. */
  'tokens.remove': [{ chainId: string; address: string }, HoldingsView];
  /**
   * Recovery discovery on the networks the user chose (or only `chainId`): adds every used account up to
   * a gap of 20 unused ones, at most 50 per run; `from` goes on from a stopped run's `stoppedAt`.
   */
  'accounts.discover': [{ chainId?: string; from?: number }, DiscoveryView];
  /**
   * The user chooses to read all their accounts on a network a site added (until then only the accounts
   * connected to that site are read there): runs discovery there, then reads its holdings.
   */
  'chains.choose': [{ chainId: string }, NetworkChoiceView];
  /** The voting centre as cached, without touching the network (issue 14). Unlocked only. */
  'governance.get': [Record<string, never>, VotesView];
  /** Reads what is new on every known governor (logs since the last read, states, votes, tallies) and caches it. */
  'governance.refresh': [Record<string, never>, VotesView];
  /** The user adds a company's governor; refused in plain words ('invalid-params') when it is not a Governor. */
  'governance.add': [GovernorRef, VotesView];
  'governance.remove': [GovernorRef, VotesView];
  /** Reminders before this company's proposals close; the popup asks for the notifications permission first. */
  'governance.setReminders': [GovernorRef & { on: boolean }, VotesView];
  /**
   * The facts a vote request of the waiting approval `approvalId` is put in words with: one entry per
   * transaction or signature, null where it is no vote. A node's failure is an 'unchecked' entry, never an error.
   */
  'governance.voteFacts': [{ approvalId: string }, (VoteFactsView | null)[]];
}

export type PrivateMethod = keyof PrivateCatalogue;
export type PrivateParams<M extends PrivateMethod> = PrivateCatalogue[M][0];
export type PrivateResult<M extends PrivateMethod> = PrivateCatalogue[M][1];

/** Why a private request failed; the UI turns the code into localised words. */
export type PrivateErrorCode =
  | 'wrong-password'
  | 'unlock-blocked'
  | 'invalid-params'
  | 'wrong-state'
  /** The user rejected the request in the approval window (or closed it): nothing was done. Not a failure. */
  | 'rejected'
  | 'vault-damaged'
  | 'internal';

export interface PrivateError {
  code: PrivateErrorCode;
  message: string;
  /** With `unlock-blocked` and `wrong-password`: epoch ms when the next attempt is allowed. */
  retryAt?: number;
}

export interface PrivateRequest<M extends PrivateMethod = PrivateMethod> {
  channel: 'shareholder-wallet/private';
  method: M;
  params: PrivateParams<M>;
}

export type PrivateResponse<M extends PrivateMethod = PrivateMethod> =
  | { ok: true; result: PrivateResult<M> }
  | { ok: false; error: PrivateError };

export const PRIVATE_CHANNEL = 'shareholder-wallet/private';

const METHODS: readonly PrivateMethod[] = [
  'wallet.get', 'mnemonic.generate', 'mnemonic.check', 'wallet.create', 'wallet.unlock', 'wallet.lock',
  'accounts.add', 'accounts.rename', 'settings.setAutoLock', 'wallet.revealPhrase', 'wallet.changePassword', 'wallet.remove',
  'approval.next', 'approval.decide', 'connections.list', 'connections.revoke', 'activity.list',
  'holdings.get', 'holdings.refresh', 'tokens.add', 'tokens.remove', 'accounts.discover',
  'chains.choose', 'transactions.list', 'transactions.speedUp', 'transactions.cancel', 'transactions.propose',
  'transactions.preview', 'popup.landing', 'register.check', 'register.checkTransfer',
  'governance.get', 'governance.refresh', 'governance.add', 'governance.remove', 'governance.setReminders', 'governance.voteFacts',
];

/** Runtime guard for the envelope; params are checked by each handler. */
export function isPrivateRequest(value: unknown): value is PrivateRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { channel, method, params } = value as Record<string, unknown>;
  return channel === PRIVATE_CHANNEL && typeof method === 'string' && (METHODS as readonly string[]).includes(method)
    && typeof params === 'object' && params !== null && !Array.isArray(params);
}
