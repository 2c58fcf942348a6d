// What can stop a transaction on its way to the node, as domain errors: each router says it in its own
// terms (EIP-1193 codes for a page, WalletError for the popup).
import type { FeeChoiceProblem } from '../../core/transactions/fees';

/** The wallet has no RPC for the network: nothing can be estimated or sent. */
export class UnknownChainError extends Error {
  override readonly name = 'UnknownChainError';
  constructor(readonly chainId: string) {
    super(`the wallet has no RPC for chain ${chainId}; add the network first`);
  }
}

/** A field of the request cannot be honoured on this chain now; `field` names it. */
export class TransactionRequestError extends Error {
  override readonly name = 'TransactionRequestError';
  constructor(readonly field: string, detail: string) {
    super(`${field} ${detail}`);
  }
}

/** The fees chosen in the approval window cannot be used. */
export class FeeChoiceError extends Error {
  override readonly name = 'FeeChoiceError';
  constructor(readonly problem: FeeChoiceProblem) {
    const words: Record<FeeChoiceProblem, string> = {
      'other-type': 'are not of the proposed kind (EIP-1559 or legacy)',
      zero: 'are zero',
      'tip-above-max-fee': 'have a priority fee above the max fee (EIP-1559)',
      absurd: 'are more than ten times the proposal',
    };
    super(`the fees chosen ${words[problem]}; nothing was sent`);
  }
}

/**
 * The node refused the signed transaction at eth_sendRawTransaction. Its record is marked failed and its
 * nonce is free again. `refusal` holds the node's words: for the user, never for a page.
 */
export class TransactionRefusedError extends Error {
  override readonly name = 'TransactionRefusedError';
  constructor(readonly hash: string, readonly refusal: string) {
    super('the network refused the transaction; nothing was sent');
  }
}
