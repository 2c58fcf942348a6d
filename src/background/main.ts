// Builds the background's services from the browser's APIs. Async parts (opening IndexedDB) happen
// here; the entry registers its listeners synchronously and waits on this.
import type { Browser } from 'webextension-polyfill';
import { bytesToHex } from '../core/bytes';
import { createActivityWindow } from './platform/activity-window';
import { createLockTimer } from './platform/lock-timer';
import { createPopupLanding } from './platform/popup-landing';
import { createReminderAlarms } from './platform/reminder-alarms';
import { createReminderNotifier, grantedNotifications } from './platform/reminder-notifications';
import { createSessionStore } from './platform/session';
import { createDappRouter } from './router/dapp-router';
import { createPrivateRouter } from './router/private-router';
import { createJsonRpcClient } from './platform/json-rpc';
import { createApprovalService, type ApprovalWindows } from './services/approvals';
import { createCallBatches } from './services/call-batches';
import { createChainService } from './services/chains';
import { createDiscoveryService } from './services/discovery';
import { createGovernanceService } from './services/governance';
import { createHoldingsService } from './services/holdings';
import { createRegisterCheckService } from './services/register-check';
import { createRegisterFacts } from './services/register-facts';
import { createSimulationSupport } from './services/simulation-support';
import { createSiteService } from './services/sites';
import { createTokenManager } from './services/token-manager';
import { createTokenService } from './services/tokens';
import { createTransactionPipeline } from './services/transaction-pipeline';
import { createWatchAlarm } from './platform/transaction-alarm';
import { createTransactionReplacement } from './services/transaction-replacement';
import { currentFeesOn } from './services/fee-quote';
import { refreshHoldingsWhenSettled } from './services/transaction-settled';
import { createTransactionWatcher } from './services/transaction-watcher';
import { createVoteFactsService } from './services/vote-facts';
import { listSentTransactions } from './storage/transaction-store';
import { createTransactionPreviewService } from './services/transaction-preview';
import { createVoteReminders, withReminders } from './services/vote-reminders';
import { createWalletService } from './services/wallet';
import { openWalletDatabase } from './storage/database';

const APPROVAL_SIZE = { width: 420, height: 680 };

function approvalWindows(browser: Browser): ApprovalWindows {
  return {
    async open() {
      const created = await browser.windows.create({ url: browser.runtime.getURL('approval.html'), type: 'popup', ...APPROVAL_SIZE });
      if (created.id === undefined) throw new Error('the approval window has no id');
      return created.id;
    },
    async focus(windowId) {
      await browser.windows.update(windowId, { focused: true });
    },
  };
}

export async function startBackground(browser: Browser) {
  const db = await openWalletDatabase();
  const now = () => Date.now();
  const newId = () => crypto.randomUUID();
  const wallet = createWalletService({
    db, session: createSessionStore(browser.storage.session), lockTimer: createLockTimer(browser.alarms), now,
  });
  const sites = createSiteService({ db, now });
  const approvals = createApprovalService({ windows: approvalWindows(browser), now, newId });
  const lockChanged = async () => { await sites.announceAccounts(await wallet.unlockedAddresses()); };
  const rpc = createJsonRpcClient((url, init) => fetch(url, init));
  const chains = createChainService({ db, rpc, now });
  const tokens = createTokenService({ db, chains, now });
  const accounts = () => wallet.accounts();
  const registerFacts = createRegisterFacts({ db, rpc, now });
  const holdings = createHoldingsService({
    db, rpc, accounts, permittedAccounts: (origin) => sites.permittedAccounts(origin), registers: registerFacts, now,
  });
  // The voting centre as read from the chains; the routers get it with reminders rescheduled on each answer.
  const chainGovernance = createGovernanceService({
    db, rpc, chains, accounts, permittedAccounts: (origin) => sites.permittedAccounts(origin), now,
  });
  const discovery = createDiscoveryService({
    db, rpc, accounts, deriveAddress: (index) => wallet.deriveAddress(index), addAccounts: (indexes) => wallet.addAccounts(indexes),
  });
  const tokenManager = createTokenManager({ db, chains, tokens, holdings, discovery, accounts });
  const transactionPreview = createTransactionPreviewService({
    approvals, chains, tokens, rpc, support: createSimulationSupport({ db, now }),
  });
  const registerCheck = createRegisterCheckService({ approvals, chains, register: registerFacts });
  const transactionWatcher = createTransactionWatcher({
    db, rpc, alarm: createWatchAlarm(browser.alarms), settled: refreshHoldingsWhenSettled(holdings),
    schedule: (ms, run) => { const timer = setTimeout(run, ms); return () => { clearTimeout(timer); }; },
  });
  // Transactions sent before the background last stopped are watched again from the start.
  transactionWatcher.resume().catch((error: unknown) => {
    console.error('resuming the transaction watch failed', error instanceof Error ? error.name : typeof error);
  });
  const replacement = createTransactionReplacement({
    db, rpc, wallet, watcher: transactionWatcher, now, currentFees: (chainId) => currentFeesOn(db, rpc, chainId),
  });
  const sentTransactions = { ...replacement, list: () => listSentTransactions(db) };
  const transactions = createTransactionPipeline({
    db, rpc, chains, tokens, wallet, onSent: (stored) => {
      transactionWatcher.track(stored).catch((error: unknown) => {
        console.error('watching a sent transaction failed', error instanceof Error ? error.name : typeof error);
      });
    }, now,
  });
  const extensionBaseUrl = browser.runtime.getURL('/');
  // A reminder's click opens the popup's Votes screen in a window, as wallet_showCallsStatus opens Activity.
  const votesWindow = createActivityWindow(browser.windows, browser.runtime.getURL('popup.html#votes'));
  const voteReminders = createVoteReminders({
    governance: chainGovernance,
    alarms: createReminderAlarms(browser.alarms),
    notifier: createReminderNotifier({
      // An optional permission's API exists only once it is granted, which may be after this background started.
      notifications: () => grantedNotifications(browser),
      permissions: browser.permissions,
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    }),
    getMessage: (key, substitutions) => browser.i18n.getMessage(key, substitutions),
    showVotes: () => votesWindow.show(),
    now,
  });
  void voteReminders.resume();
  const governance = withReminders(chainGovernance, voteReminders);
  const voteFacts = createVoteFactsService({ approvals, governance, ownOrigin: extensionBaseUrl.replace(/\/+$/, '') });
  const handlePrivateMessage = createPrivateRouter({
    wallet, approvals, sites, holdings, tokenManager, discovery, sentTransactions, transactionPreview, registerCheck, lockChanged, transactions, newId,
    governance, voteFacts,
    landing: createPopupLanding(browser.storage.session, now),
    extensionId: browser.runtime.id, extensionBaseUrl,
  });
  // EIP-5792 §Security Considerations: batch ids must be unpredictable; 32 random bytes as hex.
  const callBatches = createCallBatches({ db, rpc, chains, newBatchId: () => bytesToHex(crypto.getRandomValues(new Uint8Array(32))) });
  const activityWindow = createActivityWindow(browser.windows, browser.runtime.getURL('popup.html#activity'));
  const handleDappRequest = createDappRouter({
    wallet, sites, approvals, chains, tokens, now, newId, tokenAdded: (token) => { tokenManager.tokenAddedBySite(token.chainId); }, transactions,
    callBatches, showActivity: () => activityWindow.show(),
  });
  return { wallet, sites, approvals, transactionWatcher, voteReminders, lockChanged, handlePrivateMessage, handleDappRequest };
}

export type Background = Awaited<ReturnType<typeof startBackground>>;
