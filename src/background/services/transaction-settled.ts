// What the wallet does once one of its transactions is mined: read the holdings of that network again
// when the transaction moved shares or votes, so the popup does not show the figures of before.
import type { SentTransactionView } from '../../protocol/transactions';
import { WalletError } from '../errors';
import type { HoldingsService } from './holdings';

/**
 * The calls that change what holdings show (balances, votes, delegates). A failed transaction changed
 * nothing but the sender's native currency, which holdings do not show; an approval, a proposal or a plain
 * transfer of the native currency change no figure there either. Refreshing only for these keeps a node
 * that a site chose from being asked about the wallet's accounts after every unrelated transaction.
 */
const CHANGES_HOLDINGS: ReadonlySet<string> = new Set([
  'token-transfer', 'token-transfer-from', 'token-batch-transfer', 'delegate', 'authorized-transfer', 'vote',
]);

export function changesHoldings(view: SentTransactionView): boolean {
  return view.status === 'confirmed' && CHANGES_HOLDINGS.has(view.call.action.kind);
}

/** The watcher's `settled`: refreshes the network's holdings after a share transaction was confirmed. */
export function refreshHoldingsWhenSettled(holdings: Pick<HoldingsService, 'refreshChain'>) {
  return async (view: SentTransactionView): Promise<void> => {
    if (!changesHoldings(view)) return;
    try {
      await holdings.refreshChain(view.chainId);
    } catch (error) {
      // Locked: holdings are read again at the next unlock anyway.
      if (!(error instanceof WalletError)) throw error;
    }
  };
}
