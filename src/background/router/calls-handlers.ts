// EIP-5792 v2.0.0: a site's batch of calls, checked (calls-params.ts), each call prepared as a transaction
// of its own on the site's network, the whole batch shown in one approval, then after Approve (and a fresh
// look at the site's permission) signed and sent one after another, with consecutive nonces from the
// account's queue. The batch is stored by site and id, so its status answers after the background stopped.
// This wallet gives no atomicity: wallet_getCapabilities says so, and `atomicRequired: true` is refused.
import type { ActivityDecision, ApprovalDecision, ApprovalRequest } from '../../protocol/approvals';
import type { CallsStatus, WalletCapabilities } from '../../protocol/dapp-methods';
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { JsonRpcError } from '../platform/json-rpc';
import { rpcErrors } from '../rpc-error';
import { DuplicateBatchError, type CallBatches } from '../services/call-batches';
import { onlyAmong, type SiteService } from '../services/sites';
import { TransactionRefusedError, UnknownChainError } from '../services/transaction-errors';
import type { PreparedTransaction, TransactionPreparation } from '../services/transaction-preparation';
import type { TransactionSending } from '../services/transaction-sending';
import type { WalletService } from '../services/wallet';
import type { StoredChain } from '../storage/schema';
import { batchIdParam, capabilitiesParams, sendCallsParams } from './calls-params';
import { transactionProviderError } from './transaction-handlers';

const SEND = 'wallet_sendCalls';

export interface CallsContext {
  origin: string;
}

export interface CallsHandlerDeps<Ctx extends CallsContext> {
  wallet: Pick<WalletService, 'unlockedAddresses'>;
  sites: Pick<SiteService, 'permittedAccounts' | 'chainId' | 'allowedChains'>;
  chains: { get(chainId: string): Promise<StoredChain | undefined> };
  preparation: Pick<TransactionPreparation, 'prepare'>;
  sending: Pick<TransactionSending, 'send'>;
  batches: Pick<CallBatches, 'newId' | 'hold' | 'save' | 'find' | 'status'>;
  /** wallet_showCallsStatus: shows the popup's Activity, where the batch's transactions are listed. */
  showActivity: () => Promise<void>;
  /** Asks the user; rejects with 4001 (logged) when the user rejects. */
  ask: (ctx: Ctx, method: string, request: ApprovalRequest) => Promise<ApprovalDecision & { approve: true }>;
  record: (ctx: Ctx, method: string, request: ApprovalRequest, decision: ActivityDecision) => Promise<void>;
  now: () => number;
}

/** The calls handed to the node, in order, and what stopped the sending part way (undefined: nothing did). */
interface SentCalls {
  /** A call the node refused is included: it has a hash and a record ('failed', never mined). */
  hashes: string[];
  stoppedBy: unknown;
}

export function createCallsHandlers<Ctx extends CallsContext>(deps: CallsHandlerDeps<Ctx>) {
  const { wallet, sites, batches, ask, record } = deps;

  async function visibleAccounts(origin: string): Promise<string[]> {
    return onlyAmong(await sites.permittedAccounts(origin), await wallet.unlockedAddresses());
  }

  /** The account as the site may see it now (connected to it and unlocked). @throws 4100 otherwise. */
  async function requireVisible(ctx: Ctx, method: string, account: string): Promise<void> {
    if (!(await visibleAccounts(ctx.origin)).some((visible) => visible.toLowerCase() === account.toLowerCase())) {
      throw rpcErrors.unauthorized(`${method}: ${ctx.origin} is not connected to ${account}; call eth_requestAccounts first`);
    }
  }

  /** A site must be connected to ask about its batches: the wallet then reads its network for it. */
  async function requireConnected(ctx: Ctx, method: string): Promise<void> {
    if ((await sites.permittedAccounts(ctx.origin)).length === 0) {
      throw rpcErrors.unauthorized(`${method}: ${ctx.origin} is not connected; call eth_requestAccounts first`);
    }
  }

  /** @throws 5730 when `origin` sent no batch with this id (another site's batch is unknown to it). */
  async function batchOf(ctx: Ctx, method: string, params: unknown) {
    const id = batchIdParam(method, params);
    await requireConnected(ctx, method);
    const batch = await batches.find(ctx.origin, id);
    if (batch === undefined) throw new ProviderRpcError(ErrorCode.unknownBatchId, `${method}: ${ctx.origin} sent no batch with this id`);
    return batch;
  }

  /**
   * Sends the prepared calls in order, each after the previous one was recorded, and stops at the first
   * that cannot go (EIP-5792: the wallet "SHOULD stop executing the calls if any call fails").
   * @throws what stopped the first call: nothing was sent, as with eth_sendTransaction.
   */
  async function sendInOrder(ctx: Ctx, prepared: readonly PreparedTransaction[]): Promise<SentCalls> {
    const hashes: string[] = [];
    for (const call of prepared) {
      try {
        hashes.push((await deps.sending.send(call, undefined, { kind: 'site', origin: ctx.origin })).hash);
      } catch (error) {
        if (hashes.length === 0) throw error;
        return { hashes: error instanceof TransactionRefusedError ? [...hashes, error.hash] : hashes, stoppedBy: error };
      }
    }
    return { hashes, stoppedBy: undefined };
  }

  async function sendCalls(ctx: Ctx, params: unknown): Promise<{ id: string }> {
    const request = sendCallsParams(params);
    // Without `from` the batch goes from the account the site sees first (eth_accounts' first).
    const from = request.from ?? (await visibleAccounts(ctx.origin))[0];
    if (from === undefined) throw rpcErrors.unauthorized(`${SEND}: ${ctx.origin} is not connected to any account; call eth_requestAccounts first`);
    await requireVisible(ctx, SEND, from);
    const chainId = await sites.chainId(ctx.origin);
    if (request.chainId !== chainId) {
      throw new ProviderRpcError(ErrorCode.unsupportedChainId, `${SEND}: chainId ${request.chainId} is not the active chain ${chainId} of ${ctx.origin}; switch with wallet_switchEthereumChain first`);
    }
    if ((await deps.chains.get(chainId)) === undefined) {
      throw new ProviderRpcError(ErrorCode.unsupportedChainId, `${SEND}: the wallet has no RPC for chain ${chainId}; add the network with wallet_addEthereumChain`);
    }
    const id = request.id ?? batches.newId();
    const release = await batches.hold(ctx.origin, id);
    try {
      const prepared = await Promise.all(request.calls.map((call) => deps.preparation.prepare({
        chainId, from, ...call, gas: undefined, nonce: undefined, type: undefined, suggestedFees: undefined,
      })));
      const [first] = prepared;
      if (first === undefined) throw rpcErrors.invalidParams(`${SEND}: calls must hold at least one call`);
      // Each was prepared alone, so each shows the account's next nonce: the calls take that one and the next ones.
      const calls = prepared.map((call, index) => ({ ...call.view, nonce: (BigInt(first.view.nonce) + BigInt(index)).toString() }));
      const approval: ApprovalRequest = { kind: 'calls', batch: { chainId, networkName: first.view.networkName, from, nativeCurrency: first.nativeCurrency, calls } };
      await ask(ctx, SEND, approval);
      let sent: SentCalls;
      try {
        // The user may have disconnected the site or locked the wallet while the request waited.
        await requireVisible(ctx, SEND, from);
        sent = await sendInOrder(ctx, prepared);
        await batches.save({
          schema: 1, origin: ctx.origin, id, chainId, from, calls: prepared.length, hashes: sent.hashes, atomic: false, sentAt: deps.now(),
        });
      } catch (error) {
        await record(ctx, SEND, approval, 'failed');
        throw error;
      }
      // A batch that stopped part way is the site's to follow: its status says what was mined (EIP-5792 600 or 400).
      await record(ctx, SEND, approval, sent.stoppedBy === undefined ? 'approved' : 'failed');
      return { id };
    } finally {
      release();
    }
  }

  function callsError(error: unknown): unknown {
    if (error instanceof DuplicateBatchError) return new ProviderRpcError(ErrorCode.duplicateBatchId, `${SEND}: ${error.message}; use a new id or leave it out`);
    if (error instanceof UnknownChainError) return new ProviderRpcError(ErrorCode.unsupportedChainId, `${SEND}: ${error.message}`);
    return transactionProviderError(SEND, error);
  }

  return {
    /**
     * EIP-5792 wallet_getCapabilities: for an account the site may see, `atomic: unsupported` on each chain
     * this site may use that the wallet has a network for (its active chain, and those it added or was
     * allowed to switch to), or only on those asked about. Other networks the user has are not the site's to
     * learn. Nothing else is claimed.
     */
    async getCapabilities(ctx: Ctx, params: unknown): Promise<WalletCapabilities> {
      const method = 'wallet_getCapabilities';
      const { address, chainIds } = capabilitiesParams(params);
      await requireVisible(ctx, method, address);
      const siteChains = [...new Set([await sites.chainId(ctx.origin), ...await sites.allowedChains(ctx.origin)])];
      const capabilities: WalletCapabilities = {};
      for (const chainId of siteChains) {
        if (chainIds !== undefined && !chainIds.includes(chainId)) continue;
        if ((await deps.chains.get(chainId)) === undefined) continue;
        capabilities[chainId as `0x${string}`] = { atomic: { status: 'unsupported' } };
      }
      return capabilities;
    },

    /** EIP-5792 wallet_sendCalls: the batch's id once every call was handed to the node (or sending stopped after some). */
    async sendCalls(ctx: Ctx, params: unknown): Promise<{ id: string }> {
      try {
        return await sendCalls(ctx, params);
      } catch (error) {
        throw callsError(error);
      }
    },

    /** EIP-5792 wallet_getCallsStatus, for the site that sent the batch. */
    async getCallsStatus(ctx: Ctx, params: unknown): Promise<CallsStatus> {
      const method = 'wallet_getCallsStatus';
      const batch = await batchOf(ctx, method, params);
      try {
        return await batches.status(batch);
      } catch (error) {
        if (error instanceof UnknownChainError) throw new ProviderRpcError(ErrorCode.chainDisconnected, `${method}: ${error.message}`);
        // The node's words stay with the wallet (design.md).
        if (error instanceof JsonRpcError) throw rpcErrors.internal(`${method}: the network's node could not give the receipts; ask again later`);
        throw error;
      }
    },

    /** EIP-5792 wallet_showCallsStatus: opens (or brings forward) the wallet's Activity, which lists the batch's transactions. */
    async showCallsStatus(ctx: Ctx, params: unknown): Promise<null> {
      await batchOf(ctx, 'wallet_showCallsStatus', params);
      await deps.showActivity();
      return null;
    },
  };
}
