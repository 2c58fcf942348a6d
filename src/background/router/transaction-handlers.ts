// eth_sendTransaction: the page's transaction checked (transaction-params.ts), prepared on the site's
// network, shown in the approval window, and after Approve (and a fresh look at the site's permission)
// signed by the wallet service and sent. The page hears the hash, or an EIP-1193 error that never
// repeats a node's words (design.md).
import type { ActivityDecision, ApprovalDecision, ApprovalRequest } from '../../protocol/approvals';
import type { DappResult } from '../../protocol/dapp-methods';
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { WalletError } from '../errors';
import { JsonRpcError } from '../platform/json-rpc';
import { rpcErrors } from '../rpc-error';
import { onlyAmong, type SiteService } from '../services/sites';
import {
  FeeChoiceError, TransactionRefusedError, TransactionRequestError, UnknownChainError,
} from '../services/transaction-errors';
import type { TransactionPreparation } from '../services/transaction-preparation';
import type { TransactionSending } from '../services/transaction-sending';
import type { WalletService } from '../services/wallet';
import { transactionParams } from './transaction-params';

const METHOD = 'eth_sendTransaction';

export interface TransactionContext {
  origin: string;
}

export interface TransactionHandlerDeps<Ctx extends TransactionContext> {
  wallet: Pick<WalletService, 'unlockedAddresses'>;
  sites: Pick<SiteService, 'permittedAccounts' | 'chainId'>;
  preparation: Pick<TransactionPreparation, 'prepare'>;
  sending: Pick<TransactionSending, 'send'>;
  /** Asks the user; rejects with 4001 (logged) when the user rejects. */
  ask: (ctx: Ctx, method: string, request: ApprovalRequest) => Promise<ApprovalDecision & { approve: true }>;
  record: (ctx: Ctx, method: string, request: ApprovalRequest, decision: ActivityDecision) => Promise<void>;
}

/** The services' domain errors in EIP-1193 terms, worded for `method`; anything else is passed on as it is. */
export function transactionProviderError(method: string, error: unknown): unknown {
  if (error instanceof TransactionRequestError) return rpcErrors.invalidParams(`${method}: ${error.message}`);
  if (error instanceof UnknownChainError) return new ProviderRpcError(ErrorCode.chainDisconnected, `${method}: ${error.message}`);
  if (error instanceof FeeChoiceError) return rpcErrors.internal(`${method}: ${error.message}`);
  if (error instanceof TransactionRefusedError) return rpcErrors.internal(`${method}: the network refused the transaction; nothing was sent (the wallet shows why)`);
  if (error instanceof WalletError && error.code === 'wrong-state') return rpcErrors.unauthorized(`${method}: the wallet is locked; nothing was sent`);
  // The node's words stay with the wallet: a page learns only that the network did not answer usably.
  if (error instanceof JsonRpcError) return rpcErrors.internal(`${method}: the network's node could not prepare the transaction; nothing was sent`);
  return error;
}

export function createTransactionHandlers<Ctx extends TransactionContext>(deps: TransactionHandlerDeps<Ctx>) {
  const { wallet, sites, ask, record } = deps;

  /** The sender must be an account the site may see now: connected to it and unlocked (4100 otherwise). */
  async function requirePermitted(ctx: Ctx, account: string): Promise<void> {
    const visible = onlyAmong(await sites.permittedAccounts(ctx.origin), await wallet.unlockedAddresses());
    if (!visible.some((candidate) => candidate.toLowerCase() === account.toLowerCase())) {
      throw rpcErrors.unauthorized(`${METHOD}: ${ctx.origin} is not connected to ${account}; call eth_requestAccounts first`);
    }
  }

  async function send(ctx: Ctx, params: unknown): Promise<DappResult<'eth_sendTransaction'>> {
    const request = transactionParams(params);
    await requirePermitted(ctx, request.from);
    const chainId = await sites.chainId(ctx.origin);
    if (request.chainId !== undefined && request.chainId !== BigInt(chainId)) {
      throw rpcErrors.invalidParams(`${METHOD}: chainId 0x${request.chainId.toString(16)} does not match the active chain ${chainId}`);
    }
    const prepared = await deps.preparation.prepare({ ...request, chainId });
    const approval: ApprovalRequest = { kind: 'transaction', transaction: prepared.view };
    const decision = await ask(ctx, METHOD, approval);
    try {
      // The user may have disconnected the site or locked the wallet while the request waited.
      await requirePermitted(ctx, request.from);
      const sent = await deps.sending.send(prepared, decision.transaction, { kind: 'site', origin: ctx.origin });
      await record(ctx, METHOD, approval, 'approved');
      return sent.hash as `0x${string}`;
    } catch (error) {
      await record(ctx, METHOD, approval, 'failed');
      throw error;
    }
  }

  return {
    /** EIP-1474 `eth_sendTransaction`: the hash of the sent transaction. */
    async sendTransaction(ctx: Ctx, params: unknown): Promise<DappResult<'eth_sendTransaction'>> {
      try {
        return await send(ctx, params);
      } catch (error) {
        throw transactionProviderError(METHOD, error);
      }
    },
  };
}
