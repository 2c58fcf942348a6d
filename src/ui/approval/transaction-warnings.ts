// The warnings of a transaction, most serious first: it would fail, it creates a contract, its recipient
// imitates an address the user knows, it allows unlimited spending, the wallet does not recognise the call,
// it sends currency to a contract, or it carries bytes the contract ignores. Which make Approve a
// dangerous action is decided here too, so screen and button agree.
import type { TransactionRequestView } from '../../protocol/transactions';
import { t } from '../i18n';
import { attachedValue } from './call-sentence';
import { wouldFailSentence } from './revert-words';
import { fill, mark, tokenPhrase } from './sentence';
import type { Warning } from './signature-warnings';

export function transactionWarnings(view: TransactionRequestView): Warning[] {
  const { call, lookalike, failure } = view;
  const { action } = call;
  const warnings: Warning[] = [];
  if (failure !== undefined) warnings.push({ tone: 'danger', parts: wouldFailSentence(failure, call) });
  if (call.warnings.includes('contract-creation')) warnings.push({ tone: 'danger', parts: [{ kind: 'text', text: t('tx_contractCreation') }] });
  if (lookalike !== undefined) {
    warnings.push({
      tone: 'danger',
      parts: fill(t('tx_lookalike', [mark(0), mark(1)]), [{ kind: 'address', address: lookalike.recipient }, { kind: 'address', address: lookalike.imitates }]),
    });
  }
  if (call.warnings.includes('unlimited-approval') && action.kind === 'token-approve') {
    warnings.push({ tone: 'danger', parts: fill(t('permit_unlimitedWarning', [mark(0), mark(1)]), [{ kind: 'address', address: action.spender }, tokenPhrase(action.token)]) });
  }
  if (call.warnings.includes('unrecognised')) warnings.push({ tone: 'warning', parts: [{ kind: 'text', text: t('tx_unrecognised') }] });
  const value = attachedValue(call, view.nativeCurrency);
  if (value !== undefined) warnings.push({ tone: 'warning', parts: value });
  if (call.trailingData !== undefined) {
    warnings.push({ tone: 'info', parts: fill(t('tx_trailingData', [mark(0)]), [{ kind: 'number', text: call.trailingData }]) });
  }
  return warnings;
}

/** Approve is drawn as a dangerous action when any warning is a danger. */
export function isDangerousTransaction(view: TransactionRequestView): boolean {
  return transactionWarnings(view).some((warning) => warning.tone === 'danger');
}
