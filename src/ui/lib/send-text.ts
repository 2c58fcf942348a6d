// The Send screen's and the vote activation's words: each problem of the form in plain words, and what
// became of a proposed transaction. Kept apart from the components so a test can read them in both languages.
import { formatUnits } from '../../core/format';
import { errorCode, errorDetail, errorMessage } from '../errors';
import { t } from '../i18n';
import { asClause } from './holdings-text';
import type { AmountProblem, RecipientProblem } from './send-form';

export function recipientProblemText(problem: RecipientProblem): string {
  switch (problem) {
    case 'empty': return t('send_recipientEmpty');
    case 'not-address': return t('send_recipientNotAddress');
    case 'checksum': return t('send_recipientChecksum');
  }
}

/** `balance`: the sending account's shares (raw units), for "holds only N". */
export function amountProblemText(problem: AmountProblem, decimals: number, balance: bigint): string {
  switch (problem) {
    case 'empty': return t('send_amountEmpty');
    case 'malformed': return t('send_amountMalformed');
    case 'too-many-decimals': return decimals === 0 ? t('send_amountWhole') : t('send_amountDecimals', [decimals]);
    case 'zero': return t('send_amountZero');
    case 'above-balance': return t('send_amountAboveBalance', [formatUnits(balance, decimals)]);
  }
}

/**
 * How a proposal that did not end in a sent transaction turned out: the user's own rejection in the
 * approval window (a calm note, not an error), or a failure with the background's reason.
 */
export type ProposalOutcome = { kind: 'rejected' } | { kind: 'failed'; reason: string };

export function proposalOutcome(failure: unknown): ProposalOutcome {
  const code = errorCode(failure);
  if (code === 'rejected') return { kind: 'rejected' };
  // The background's reason is precise (the node's refusal, a locked wallet); without one, the usual words.
  const detail = code === 'unreachable' ? '' : asClause(errorDetail(failure));
  return { kind: 'failed', reason: detail === '' ? asClause(errorMessage(failure)) : detail };
}
