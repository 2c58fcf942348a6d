// Everything the approval window shows before a transaction is approved, read from the transaction's
// network at once: fees (fee-quote.ts), gas and whether the call would fail (gas-estimate.ts), the nonce
// it would get (nonce-queue.ts), the call in plain words (core describeCall, tokens named from the
// wallet's own knowledge) and an address-poisoning warning. Nothing is signed here.
import { describeCall, findImitatedAddress, type TokenLookup } from '../../core';
import { addressesSentTo } from '../../core/actions/calls/recipients';
import { gasWithMargin, isSaneSuggestion, type FeeValues } from '../../core/transactions/fees';
import type { Hex } from '../../core/transactions/types';
import type {
  CallView, FeesView, LookalikeView, NativeCurrencyView, SimulatedFailure, TransactionRequestView,
} from '../../protocol/transactions';
import { jsonify } from '../jsonify';
import type { JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredChain } from '../storage/schema';
import { pastRecipients } from '../storage/transaction-store';
import { quoteFees, type FeeQuote } from './fee-quote';
import { estimateGas } from './gas-estimate';
import type { NonceAccount, NonceQueue } from './nonce-queue';
import { TransactionRequestError, UnknownChainError } from './transaction-errors';

/** Fees a site suggested; either EIP-1559 field may be missing (the wallet's proposal fills it). */
export type SuggestedFees =
  | { type: 'eip1559'; maxFeePerGas: bigint | undefined; maxPriorityFeePerGas: bigint | undefined }
  | { type: 'legacy'; gasPrice: bigint };

/** A transaction to prepare: the sender's, checked at the edge; what was left out the wallet decides. */
export interface TransactionDraft {
  /** 0x-hex, as the wallet stores it. */
  chainId: string;
  /** EIP-55. */
  from: string;
  /** EIP-55, or null for a contract creation. */
  to: string | null;
  value: bigint;
  data: Hex;
  gas: bigint | undefined;
  /** A site's nonce: accepted only when it is the one the wallet would use. */
  nonce: bigint | undefined;
  /** The type the site named; undefined: the site's fee fields, else the chain, decide. */
  type: 'eip1559' | 'legacy' | undefined;
  suggestedFees: SuggestedFees | undefined;
}

/** A transaction ready for the approval window, and what sending it after approval needs. */
export interface PreparedTransaction {
  account: NonceAccount;
  to: string | null;
  value: bigint;
  data: Hex;
  gas: bigint;
  /** The fees proposed (the site's when sane); the user's choice is checked against these. */
  fees: FeeValues;
  /** The nonce the site gave: signing refuses to use any other. */
  requiredNonce: bigint | undefined;
  call: CallView;
  nativeCurrency: NativeCurrencyView;
  view: TransactionRequestView;
}

export interface TransactionPreparationDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  chains: { get(chainId: string): Promise<StoredChain | undefined> };
  tokens: { lookup(defaultChainId: bigint): Promise<TokenLookup> };
  nonces: Pick<NonceQueue, 'peek'>;
  /** The wallet's account addresses (for the poisoning check). */
  accounts: () => Promise<string[]>;
}

export function feesView(fees: FeeValues): FeesView {
  return fees.type === 'eip1559'
    ? { type: 'eip1559', maxFeePerGas: fees.maxFeePerGas.toString(), maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString() }
    : { type: 'legacy', gasPrice: fees.gasPrice.toString() };
}

/** The site's fees made whole: a missing tip is the proposal's (within the max fee), a missing max fee 2 × base + tip. */
function completeSuggestion(suggested: SuggestedFees, quote: FeeQuote): FeeValues {
  if (suggested.type === 'legacy') return suggested;
  const proposedTip = quote.proposed.type === 'eip1559' ? quote.proposed.maxPriorityFeePerGas : 0n;
  const { maxFeePerGas } = suggested;
  const tip = suggested.maxPriorityFeePerGas ?? (maxFeePerGas !== undefined && maxFeePerGas < proposedTip ? maxFeePerGas : proposedTip);
  return { type: 'eip1559', maxPriorityFeePerGas: tip, maxFeePerGas: maxFeePerGas ?? 2n * (quote.baseFee ?? 0n) + tip };
}

function lookalikeOf(recipients: readonly string[], known: readonly string[]): LookalikeView | undefined {
  for (const recipient of recipients) {
    const imitates = findImitatedAddress(recipient, known);
    if (imitates !== undefined) return { recipient, imitates };
  }
  return undefined;
}

export function createTransactionPreparation(deps: TransactionPreparationDeps) {
  const { db, rpc } = deps;

  /**
   * The gas limit to sign. A call that would fail gets the site's limit, else the block's: a failure seen
   * now may not happen when it is mined (state changes), a smaller guess could then run out of gas, and a
   * revert returns the gas it did not use (EIP-140), so the user pays for what runs, not for the limit.
   * A site's limit below the node's estimate would run out of gas and burn the fee: the estimate is used.
   */
  function gasLimit(draft: TransactionDraft, estimated: bigint | undefined, blockGasLimit: bigint): bigint {
    if (draft.gas !== undefined && draft.gas > blockGasLimit) {
      throw new TransactionRequestError('gas', `0x${draft.gas.toString(16)} is above the block gas limit 0x${blockGasLimit.toString(16)}: it could never be mined`);
    }
    if (estimated === undefined) return draft.gas ?? blockGasLimit;
    const padded = gasWithMargin(estimated, blockGasLimit);
    return draft.gas !== undefined && draft.gas >= estimated ? draft.gas : padded;
  }

  return {
    /**
     * Reads what the approval window shows about `draft` from its network.
     * @throws UnknownChainError without an RPC for the chain; TransactionRequestError for a field the chain
     *   cannot honour (type 0x2 without a base fee, gas above the block limit, a nonce other than the next);
     *   JsonRpcError when the node cannot be reached or refuses the reads.
     */
    async prepare(draft: TransactionDraft): Promise<PreparedTransaction> {
      const chain = await deps.chains.get(draft.chainId);
      if (chain === undefined) throw new UnknownChainError(draft.chainId);
      const account: NonceAccount = { rpcUrl: chain.rpcUrl, chainId: draft.chainId, from: draft.from };
      // A gas price without a type asks for legacy as plainly as type 0x0 does (MetaMask reads it so too).
      const legacyRequested = draft.type === 'legacy' || draft.suggestedFees?.type === 'legacy';
      const [quote, estimate, nonce, lookup, known] = await Promise.all([
        quoteFees(rpc, chain.rpcUrl, legacyRequested),
        estimateGas(rpc, chain.rpcUrl, { from: draft.from, to: draft.to, value: draft.value, data: draft.data }),
        deps.nonces.peek(account),
        deps.tokens.lookup(BigInt(draft.chainId)),
        Promise.all([deps.accounts(), pastRecipients(db)]).then(([accounts, recipients]) => [...accounts, ...recipients]),
      ]);
      if (draft.type === 'eip1559' && quote.baseFee === undefined) {
        throw new TransactionRequestError('type', '0x2 needs a chain with a base fee (EIP-1559); this chain has none: send gasPrice');
      }
      // A site that names a nonce means that exact slot (to replace a transaction, or to order its own):
      // signing another would send something it did not ask for, and the wallet's queue owns the nonces,
      // so only the next one is accepted (and checked again when it is taken, after approval).
      if (draft.nonce !== undefined && draft.nonce !== nonce) {
        throw new TransactionRequestError('nonce', `0x${draft.nonce.toString(16)} is not the account's next nonce 0x${nonce.toString(16)}; leave nonce out and the wallet assigns it`);
      }
      const suggested = draft.suggestedFees === undefined ? undefined : completeSuggestion(draft.suggestedFees, quote);
      const suggestedUsed = suggested !== undefined && isSaneSuggestion(suggested, quote.proposed, quote.baseFee);
      const fees = suggestedUsed ? suggested : quote.proposed;
      const failure: SimulatedFailure | undefined = estimate.ok ? undefined : estimate.failure;
      const gas = gasLimit(draft, estimate.ok ? estimate.gas : undefined, quote.blockGasLimit);
      const described = describeCall({
        chainId: BigInt(draft.chainId), from: draft.from, to: draft.to ?? undefined, value: draft.value, data: draft.data,
      }, lookup);
      const call: CallView = jsonify(described);
      const nativeCurrency: NativeCurrencyView = { symbol: chain.nativeCurrency.symbol, decimals: chain.nativeCurrency.decimals };
      const view: TransactionRequestView = {
        chainId: draft.chainId, networkName: chain.name, from: draft.from, call, data: draft.data.toLowerCase(), nativeCurrency, gas: gas.toString(),
        fees: {
          proposed: feesView(fees), suggested: suggested === undefined ? undefined : feesView(suggested), suggestedUsed,
          baseFeePerGas: quote.baseFee?.toString(),
        },
        nonce: nonce.toString(), failure, lookalike: lookalikeOf(addressesSentTo({ to: draft.to ?? undefined, action: described.action }), known),
      };
      return {
        account, to: draft.to, value: draft.value, data: draft.data, gas, fees, requiredNonce: draft.nonce, call, nativeCurrency, view,
      };
    },
  };
}

export type TransactionPreparation = ReturnType<typeof createTransactionPreparation>;
