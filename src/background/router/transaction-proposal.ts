// 'transactions.propose': the popup's Send and "Activate my votes". The same preparation and approval
// window as a site's eth_sendTransaction, under the extension's own origin, then sent; the popup hears the
// hash, or a WalletError it can put in the user's words (the node's reason included: the popup is the user).
import { MAX_UINT256 } from '../../core/format';
import type { ApprovalDecision, ApprovalRequest } from '../../protocol/approvals';
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { WalletError } from '../errors';
import { JsonRpcError } from '../platform/json-rpc';
import type { PopupLanding } from '../platform/popup-landing';
import {
  FeeChoiceError, TransactionRefusedError, TransactionRequestError, UnknownChainError,
} from '../services/transaction-errors';
import type { TransactionPipeline } from '../services/transaction-pipeline';
import { addressParam, chainIdParam } from './params';

type Params = Record<string, unknown>;

export interface TransactionProposalDeps {
  wallet: { accounts(): Promise<{ address: string }[]> };
  transactions: Pick<TransactionPipeline, 'preparation' | 'sending'>;
  approvals: {
    request(params: { origin: string; topOrigin: undefined; requester: string; request: ApprovalRequest }): Promise<ApprovalDecision & { approve: true }>;
  };
  /** Where the next popup opens: on Activity once this one's transaction is sent (the toolbar popup is closed by then). */
  landing: Pick<PopupLanding, 'sent'>;
  /** The extension's base URL; the approval window shows its origin as the one that asks. */
  extensionBaseUrl: string;
  newId: () => string;
}

/** A decimal amount of wei, as protocol values are written (bigints as decimal strings). */
function weiParam(params: Params, key: string): bigint {
  const value = params[key];
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,77})$/.test(value) || BigInt(value) > MAX_UINT256) {
    throw new WalletError('invalid-params', `${key} must be a decimal amount of wei from 0 to 2^256 - 1`);
  }
  return BigInt(value);
}

function dataParam(params: Params): `0x${string}` {
  const value = params.data;
  if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) {
    throw new WalletError('invalid-params', 'data must be 0x-prefixed hex with an even number of digits');
  }
  return value.toLowerCase() as `0x${string}`;
}

/** The services' and the approval's errors as WalletErrors for the popup. */
function walletError(error: unknown): unknown {
  if (error instanceof UnknownChainError || error instanceof TransactionRequestError || error instanceof FeeChoiceError) {
    return new WalletError('invalid-params', error.message);
  }
  if (error instanceof TransactionRefusedError) return new WalletError('internal', `the network refused the transaction: ${error.refusal}`);
  if (error instanceof ProviderRpcError) {
    // The user's own decision, not a failure: the popup says so calmly (and keeps what was typed).
    if (error.code === ErrorCode.userRejected) return new WalletError('rejected', 'the transaction was rejected in the approval window; nothing was sent');
    if (error.code === ErrorCode.resourceUnavailable) return new WalletError('wrong-state', 'another transaction from the wallet is already waiting for approval');
    return new WalletError('internal', error.message);
  }
  if (error instanceof JsonRpcError) return new WalletError('internal', `the network's node could not prepare the transaction: ${error.message}`);
  return error;
}

export function createTransactionProposal(deps: TransactionProposalDeps) {
  const origin = deps.extensionBaseUrl.replace(/\/+$/, '');

  async function propose(params: Params): Promise<{ hash: string }> {
    const chainId = chainIdParam(params);
    const from = addressParam(params, 'from');
    const to = addressParam(params, 'to');
    const value = weiParam(params, 'value');
    const data = dataParam(params);
    if (!(await deps.wallet.accounts()).some((account) => account.address === from)) {
      throw new WalletError('invalid-params', `from ${from} is not one of the wallet's accounts`);
    }
    const { preparation, sending } = deps.transactions;
    const prepared = await preparation.prepare({
      chainId, from, to, value, data, gas: undefined, nonce: undefined, type: undefined, suggestedFees: undefined,
    });
    const decision = await deps.approvals.request({
      origin, topOrigin: undefined, requester: `popup-${deps.newId()}`, request: { kind: 'transaction', transaction: prepared.view },
    });
    const sent = await sending.send(prepared, decision.transaction, { kind: 'popup' });
    await deps.landing.sent().catch((error: unknown) => {
      // The transaction is sent and listed in Activity; only the next popup's first screen is lost.
      console.error('remembering the popup\'s landing failed', error instanceof Error ? error.name : typeof error);
    });
    return { hash: sent.hash };
  }

  return {
    /**
     * Prepares, asks and sends a transaction from one of the wallet's accounts.
     * @throws WalletError invalid-params for bad params, an account not the wallet's or an unknown chain;
     *   rejected when the user rejects it in the approval window; wrong-state when locked or when another of
     *   the wallet's transactions is already waiting for approval; internal when the node refuses or cannot
     *   be reached.
     */
    async propose(params: Params): Promise<{ hash: string }> {
      try {
        return await propose(params);
      } catch (error) {
        throw walletError(error);
      }
    },
  };
}
