// The register's transfer check for what the shareholder is about to sign (issue 13 §3): the share
// transfers of a waiting approval (a transaction, each call of an EIP-5792 batch, an ERC-3009 signature) or
// of the popup's Send, checked on the network's node through the register facts. Like the transaction
// preview it is asked for by the window once drawn, computed once per approval and kept while it waits, so
// it never holds the window up; a node's failure is "could not check", never an error.
import { describeCall, transfersOfCall, type ProposedTransfers, type RegisterCheck } from '../../core';
import type { ActionView } from '../../protocol/approvals';
import type { RegisterCheckView, RegisterChecksView, RegisterTransferQuery } from '../../protocol/register';
import type { TransactionRequestView } from '../../protocol/transactions';
import { jsonify } from '../jsonify';
import type { ApprovalService } from './approvals';
import type { ChainService } from './chains';
import type { RegisterFactsService } from './register-facts';

export interface RegisterCheckDeps {
  approvals: Pick<ApprovalService, 'pending'>;
  chains: Pick<ChainService, 'get'>;
  register: Pick<RegisterFactsService, 'check'>;
}

/** A network's part of a check: the transfers, and the chain (0x-hex) they happen on. */
interface ChainTransfers {
  chainId: string;
  proposed: ProposedTransfers;
}

/** The shares a transaction moves; token names do not matter to the register, so no token lookup. */
function transactionTransfers(tx: TransactionRequestView): ChainTransfers | undefined {
  const described = describeCall(
    { chainId: BigInt(tx.chainId), from: tx.from, to: tx.call.to, value: BigInt(tx.call.value), data: tx.data }, () => undefined);
  const proposed = transfersOfCall(described.action, tx.from);
  return proposed === undefined ? undefined : { chainId: tx.chainId, proposed };
}

/**
 * The shares an ERC-3009 TransferWithAuthorization moves (core/register transfersOfTypedData, on the view the
 * approval holds). A domain without chainId is valid on any chain: no register can be named, so none is asked.
 */
function typedDataTransfers(action: ActionView, chainId: string | undefined): ChainTransfers | undefined {
  if (action.kind !== 'transfer' || chainId === undefined) return undefined;
  return { chainId, proposed: { token: action.token.address, from: action.from, transfers: [{ to: action.to, amount: BigInt(action.amount) }] } };
}

export function createRegisterCheckService(deps: RegisterCheckDeps) {
  const { approvals, chains, register } = deps;
  const checks = new Map<string, Promise<RegisterChecksView>>();

  async function checkOn({ chainId, proposed }: ChainTransfers): Promise<RegisterCheckView> {
    const chain = await chains.get(chainId);
    const check: RegisterCheck = chain === undefined
      ? { kind: 'unchecked', standard: undefined, cause: 'node', message: `the wallet knows no node for chain ${BigInt(chainId).toString()}` }
      : await register.check({ chainId: chain.chainId, rpcUrl: chain.rpcUrl }, proposed);
    return jsonify(check);
  }

  function checkAll(parts: (ChainTransfers | undefined)[]): Promise<RegisterChecksView> {
    return Promise.all(parts.map((part) => (part === undefined ? Promise.resolve(null) : checkOn(part))));
  }

  function compute(approvalId: string): Promise<RegisterChecksView> {
    const request = approvals.pending(approvalId)?.request;
    switch (request?.kind) {
      case 'transaction': return checkAll([transactionTransfers(request.transaction)]);
      case 'calls': return checkAll(request.batch.calls.map(transactionTransfers));
      case 'typed_data': return checkAll([typedDataTransfers(request.action, request.chainId)]);
      default: return Promise.resolve([]);
    }
  }

  return {
    /**
     * The register's verdict on each transaction or signature of the waiting approval `approvalId` (null
     * where no shares move; empty when it is not waiting), computed on the first ask and kept while it
     * waits. Never throws for a node's failure: that entry is then 'unchecked'.
     */
    forApproval(approvalId: string): Promise<RegisterChecksView> {
      for (const id of checks.keys()) if (approvals.pending(id) === undefined) checks.delete(id);
      if (approvals.pending(approvalId) === undefined) return Promise.resolve([]);
      const cached = checks.get(approvalId);
      if (cached !== undefined) return cached;
      const computed = compute(approvalId);
      checks.set(approvalId, computed);
      // A failure of the wallet's own (not the node's) is not kept: the next ask tries again.
      computed.catch(() => { checks.delete(approvalId); });
      return computed;
    },

    /** The register's verdict on the popup's Send of `query` (addresses EIP-55, amount raw units), asked afresh each time. */
    forTransfer(query: RegisterTransferQuery): Promise<RegisterCheckView> {
      return checkOn({ chainId: query.chainId, proposed: { token: query.token, from: query.from, transfers: [{ to: query.to, amount: BigInt(query.amount) }] } });
    },
  };
}

export type RegisterCheckService = ReturnType<typeof createRegisterCheckService>;
