// A sent transaction as Activity words it: its status (pending, confirmed in block N, failed and why,
// replaced by the user's speed-up or cancel or by another transaction), where it came from, and for the
// confirm step of a speed-up or cancel, what the replacement may cost.
import type { SentTransactionView } from '../../protocol/transactions';
import { nativeAmount } from '../approval/call-sentence';
import { maxFee, replacementFees } from '../approval/fees';
import { failureReason, callToken } from '../approval/revert-words';
import { fill, mark, type Part } from '../approval/sentence';
import { t } from '../i18n';

const number = (value: string): Part => ({ kind: 'number', text: value });

/** How a transaction ended, or that it has not yet. */
export function statusLabel(transaction: SentTransactionView, all: readonly SentTransactionView[]): Part[] {
  switch (transaction.status) {
    case 'pending': return [{ kind: 'text', text: t('txStatus_pending') }];
    case 'confirmed':
      return transaction.blockNumber === undefined
        ? [{ kind: 'text', text: t('txStatus_confirmed') }]
        : fill(t('txStatus_confirmedInBlock', [mark(0)]), [number(transaction.blockNumber)]);
    case 'failed':
      return transaction.failure === undefined
        ? [{ kind: 'text', text: t('txStatus_failed') }]
        : fill(t('txStatus_failedBecause', [mark(0)]), [failureReason(transaction.failure, callToken(transaction.call))]);
    case 'replaced': {
      const replacement = all.find((other) => other.hash === transaction.replacedBy);
      if (replacement?.origin.kind === 'speed-up') return [{ kind: 'text', text: t('txStatus_sped') }];
      if (replacement?.origin.kind === 'cancel') return [{ kind: 'text', text: t('txStatus_cancelled') }];
      return [{ kind: 'text', text: t('txStatus_replaced') }];
    }
  }
}

/** Who asked for it: a site, the wallet's own Send, or the user's speed-up or cancel of an earlier one. */
export function originLine(transaction: SentTransactionView): Part[] {
  const { origin } = transaction;
  switch (origin.kind) {
    case 'site': return fill(t('txOrigin_site', [mark(0)]), [{ kind: 'strong', text: origin.origin }]);
    case 'popup': return [{ kind: 'text', text: t('txOrigin_popup') }];
    case 'speed-up': return fill(t('txOrigin_speedUp', [mark(0)]), [number(origin.of)]);
    case 'cancel': return fill(t('txOrigin_cancel', [mark(0)]), [number(origin.of)]);
  }
}

export type Replacement = 'speed-up' | 'cancel';

/**
 * The confirm step's words: the replacement pays each fee raised by at least 10% (the background may raise
 * them further to today's fees), so its most is at least the figure shown; a cancel sends nothing.
 */
export function replacementNote(transaction: SentTransactionView, kind: Replacement): Part[] {
  const now = nativeAmount(maxFee(transaction.gas, transaction.fees).toString(), transaction.nativeCurrency);
  const raised = nativeAmount(maxFee(kind === 'cancel' ? '21000' : transaction.gas, replacementFees(transaction.fees)).toString(), transaction.nativeCurrency);
  return kind === 'speed-up'
    ? fill(t('txReplace_speedUpNote', [mark(0), mark(1)]), [raised, now])
    : fill(t('txReplace_cancelNote', [mark(0)]), [raised]);
}

export function isPending(transaction: SentTransactionView): boolean {
  return transaction.status === 'pending';
}
