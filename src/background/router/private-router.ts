// The background's handler of private messages, accepted only from the extension's own pages.
import { findMnemonicProblem, generateMnemonic } from '../../core';
import {
  isPrivateRequest, type PrivateErrorCode, type PrivateMethod, type PrivateResponse, type PrivateResult,
} from '../../protocol/private';
import type { SentTransactionView } from '../../protocol/transactions';
import { WalletError } from '../errors';
import type { PopupLanding } from '../platform/popup-landing';
import type { ApprovalService } from '../services/approvals';
import type { DiscoveryService } from '../services/discovery';
import type { GovernanceService, VoteFactsService } from '../services/governance-service';
import type { HoldingsService } from '../services/holdings';
import type { RegisterCheckService } from '../services/register-check';
import type { SiteService } from '../services/sites';
import type { TokenManager } from '../services/token-manager';
import type { TransactionPipeline } from '../services/transaction-pipeline';
import type { TransactionReplacement } from '../services/transaction-replacement';
import type { TransactionPreviewService } from '../services/transaction-preview';
import type { WalletService } from '../services/wallet';
import {
  addressParam, booleanParam, chainIdParam, decisionParam, discoveryParams, integerParam, strengthParam, stringParam, tokenAmountParam,
  transactionHashParam, wordlistParam,
} from './params';
import { createTransactionProposal } from './transaction-proposal';

/** The parts of `runtime.MessageSender` the router trusts: set by the browser, not by the sender. */
export interface PrivateSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface PrivateRouterDeps {
  wallet: WalletService;
  approvals: ApprovalService;
  sites: SiteService;
  holdings: HoldingsService;
  tokenManager: TokenManager;
  discovery: DiscoveryService;
  /** Activity's transactions: the list, and speed-up and cancel of a pending one. */
  sentTransactions: TransactionReplacement & { list: () => Promise<SentTransactionView[]> };
  transactionPreview: TransactionPreviewService;
  /** The register's transfer check, for the approval window and the popup's Send. */
  registerCheck: RegisterCheckService;
  /** The voting centre (issue 14): governors, proposals, votes. */
  governance: GovernanceService;
  /** The facts a waiting vote request is put in words with. */
  voteFacts: VoteFactsService;
  /** Tells connected sites what they may see after the wallet locked or unlocked. */
  lockChanged: () => Promise<void>;
  extensionId: string;
  /** The extension's base URL, `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBaseUrl: string;
  /** Where the popup opens: Activity right after its own transaction was sent. */
  landing: PopupLanding;
  /** The popup's transactions ('transactions.propose'): prepared, approved in the window, sent. */
  transactions: Pick<TransactionPipeline, 'preparation' | 'sending'>;
  newId: () => string;
}

const PASSIVE_READS: ReadonlySet<PrivateMethod> = new Set([
  'wallet.get', 'approval.next', 'holdings.get', 'holdings.refresh',
  // Activity reads it again while a transaction is pending, to show its status change.
  'transactions.list',
  // Asked by the approval window as it draws a transaction, not by the user.
  'transactions.preview',
  // Asked by the approval window as it draws a share transfer.
  'register.check',
  // Asked by the approval window as it draws a vote; the Votes screen's reads on opening.
  'governance.voteFacts', 'governance.get', 'governance.refresh',
  // Asked by every popup as it opens.
  'popup.landing',
]);

function failure(code: PrivateErrorCode, message: string, retryAt?: number): PrivateResponse {
  return { ok: false, error: retryAt === undefined ? { code, message } : { code, message, retryAt } };
}

export function createPrivateRouter(deps: PrivateRouterDeps) {
  const { wallet, approvals, sites } = deps;
  const proposal = createTransactionProposal({
    wallet, approvals, transactions: deps.transactions, landing: deps.landing, extensionBaseUrl: deps.extensionBaseUrl, newId: deps.newId,
  });

  async function dispatch(method: PrivateMethod, params: Record<string, unknown>): Promise<PrivateResult<PrivateMethod>> {
    switch (method) {
      case 'wallet.get':
        return wallet.view();
      case 'mnemonic.generate':
        return { phrase: generateMnemonic({ strength: strengthParam(params), wordlist: wordlistParam(params) }) };
      case 'mnemonic.check':
        return { problem: findMnemonicProblem(stringParam(params, 'phrase'), wordlistParam(params)) ?? null };
      case 'wallet.create': {
        const passphrase = stringParam(params, 'passphrase', { optional: true });
        return wallet.create({
          phrase: stringParam(params, 'phrase'), wordlist: wordlistParam(params), password: stringParam(params, 'password'),
          ...(passphrase === undefined ? {} : { passphrase }),
        });
      }
      case 'wallet.unlock': {
        const view = await wallet.unlock(stringParam(params, 'password'));
        await deps.lockChanged();
        return view;
      }
      case 'wallet.lock': {
        const view = await wallet.lock();
        await deps.lockChanged();
        return view;
      }
      case 'accounts.add':
        return wallet.addAccount();
      case 'accounts.rename':
        return wallet.renameAccount(integerParam(params, 'index'), stringParam(params, 'name'));
      case 'settings.setAutoLock':
        return wallet.setAutoLock(integerParam(params, 'minutes'));
      case 'wallet.revealPhrase':
        return wallet.revealPhrase(stringParam(params, 'password'));
      case 'wallet.changePassword':
        return wallet.changePassword(stringParam(params, 'oldPassword'), stringParam(params, 'newPassword'));
      case 'wallet.remove': {
        const view = await wallet.remove();
        await deps.lockChanged();
        return view;
      }
      case 'approval.next':
        return approvals.next();
      case 'approval.decide':
        approvals.decide(decisionParam(params));
        return { done: true };
      case 'connections.list':
        return sites.connections();
      case 'connections.revoke': {
        const origin = stringParam(params, 'origin');
        await sites.revoke(origin);
        approvals.originRevoked(origin);
        return sites.connections();
      }
      case 'activity.list':
        return sites.activity();
      case 'holdings.get':
        return deps.holdings.view();
      case 'holdings.refresh':
        return deps.holdings.refresh();
      case 'tokens.add':
        return deps.tokenManager.add(chainIdParam(params), addressParam(params));
      case 'tokens.remove':
        return deps.tokenManager.remove(chainIdParam(params), addressParam(params));
      case 'accounts.discover':
        return deps.discovery.discover(discoveryParams(params));
      case 'chains.choose':
        return deps.tokenManager.choose(chainIdParam(params));
      case 'transactions.propose':
        return proposal.propose(params);
      case 'transactions.list':
        return deps.sentTransactions.list();
      case 'transactions.speedUp':
        return deps.sentTransactions.speedUp(transactionHashParam(params));
      case 'transactions.cancel':
        return deps.sentTransactions.cancel(transactionHashParam(params));
      case 'transactions.preview':
        return deps.transactionPreview.preview(stringParam(params, 'approvalId'));
      case 'register.check':
        return deps.registerCheck.forApproval(stringParam(params, 'approvalId'));
      case 'register.checkTransfer':
        return deps.registerCheck.forTransfer({
          chainId: chainIdParam(params), token: addressParam(params, 'token'), from: addressParam(params, 'from'),
          to: addressParam(params, 'to'), amount: tokenAmountParam(params, 'amount'),
        });
      case 'governance.get':
        return deps.governance.view();
      case 'governance.refresh':
        return deps.governance.refresh();
      case 'governance.add':
        return deps.governance.add({ chainId: chainIdParam(params), address: addressParam(params, 'address') });
      case 'governance.remove':
        return deps.governance.remove({ chainId: chainIdParam(params), address: addressParam(params, 'address') });
      case 'governance.setReminders':
        return deps.governance.setReminders({ chainId: chainIdParam(params), address: addressParam(params, 'address'), on: booleanParam(params, 'on') });
      case 'governance.voteFacts':
        return deps.voteFacts.forApproval(stringParam(params, 'approvalId'));
      case 'popup.landing':
        return { screen: await deps.landing.take() ?? null };
      default:
        throw new WalletError('invalid-params', `unknown method ${String(method satisfies never)}`);
    }
  }

  /** Answers one message; never throws, so the background keeps serving whatever arrives. */
  return async function handlePrivateMessage(message: unknown, sender: PrivateSender): Promise<PrivateResponse> {
    // Only the extension's own pages: a content script's sender has a tab and a web page URL.
    if (sender.id !== deps.extensionId || sender.url?.startsWith(deps.extensionBaseUrl) !== true) {
      return failure('wrong-state', 'private messages are accepted only from the wallet\'s own pages');
    }
    if (!isPrivateRequest(message)) return failure('invalid-params', 'not a private request of this wallet');
    try {
      // Reads that pages repeat on their own (the popup's status and holdings, refreshed on every open; the
      // approval window's poll) are not the user using the wallet, so they do not push the auto-lock back.
      if (!PASSIVE_READS.has(message.method)) await wallet.touch();
      const result = await dispatch(message.method, message.params);
      return { ok: true, result };
    } catch (error) {
      if (error instanceof WalletError) return failure(error.code, error.message, error.retryAt);
      // Unexpected: report the kind, never the content, which could hold a secret.
      console.error('private request failed', message.method, error instanceof Error ? error.name : typeof error);
      return failure('internal', 'the wallet could not complete the request');
    }
  };
}
