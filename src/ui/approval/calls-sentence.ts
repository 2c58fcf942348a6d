// An EIP-5792 batch in plain words: its heading and one-line summary (the approval window and Activity),
// each call's place in it, the total network fee of all its transactions, and whether Approve may be pressed.
// sentence.ts imports this module for its titles and sentences, so nothing here uses an import from it at
// load time.
import type { CallsRequestView } from '../../protocol/transactions';
import { t } from '../i18n';
import { nativeAmount } from './call-sentence';
import { likelyFee, maxFee } from './fees';
import { fill, mark, type Detail, type Part } from './sentence';

const strong = (value: string): Part => ({ kind: 'strong', text: value });

/** "Send 2 transactions". */
export function callsTitle(batch: CallsRequestView): string {
  return t('title_calls', [batch.calls.length]);
}

/** "Sends 2 transactions from your account, one after another", as the window leads and Activity lists it. */
export function callsSentence(batch: CallsRequestView): Part[] {
  return fill(t('calls_sentence', [mark(0)]), [strong(String(batch.calls.length))]);
}

/** "Transaction 1 of 2", the heading of one call in the list. */
export function callPosition(index: number, batch: CallsRequestView): string {
  return t('calls_position', [index + 1, batch.calls.length]);
}

/**
 * The batch's network fee: the most all its transactions can cost and what they will likely cost, each the
 * sum over the calls at the fees proposed for each (the ones they are sent with).
 */
export function callsFeeDetails(batch: CallsRequestView): Detail[] {
  let most = 0n;
  let likely = 0n;
  for (const call of batch.calls) {
    most += maxFee(call.gas, call.fees.proposed);
    likely += likelyFee(call.gas, call.fees.proposed, call.fees.baseFeePerGas);
  }
  return [
    { label: t('detail_maxFee'), parts: nativeAmount(most.toString(), batch.nativeCurrency) },
    { label: t('detail_likelyFee'), parts: nativeAmount(likely.toString(), batch.nativeCurrency) },
  ];
}

/** Some call would fail: approving then takes the same deliberate "send it anyway" as a single transaction. */
export function callsWouldFail(batch: CallsRequestView): boolean {
  return batch.calls.some((call) => call.failure !== undefined);
}

/**
 * Approve may be pressed: no call would fail and the register refuses none (`registerRefused`), or the user
 * deliberately accepted it.
 */
export function callsReady(batch: CallsRequestView, failureAccepted: boolean, registerRefused: boolean): boolean {
  return !(callsWouldFail(batch) || registerRefused) || failureAccepted;
}
