// What the user has set so far on a transaction's approval screen: the fee (a preset or their own, as
// typed) and, for a transaction the node says would fail, the deliberate "send it anyway". From it come
// whether Approve may be pressed and the decision sent back (fees only when they differ from the proposal).
import type { ApprovalDecision } from '../../protocol/approvals';
import type { TransactionRequestView } from '../../protocol/transactions';
import { checkCustomFees, feeCapPerGas, presetFees, sameFees, type CustomFees, type FeeSpeed } from './fees';

export interface FeeDraft {
  speed: FeeSpeed | 'custom';
  /** As typed, in gwei per gas: the max fee (EIP-1559) or the gas price (legacy). */
  maxText: string;
  /** As typed, in gwei per gas: the priority fee; unused for legacy. */
  priorityText: string;
}

export interface TransactionDraft {
  fee: FeeDraft;
  failureAccepted: boolean;
}

/** Wei per gas as gwei the user can edit: no digit grouping, which parseGwei would refuse. */
function editableGwei(wei: bigint): string {
  const whole = wei / 10n ** 9n;
  const fraction = (wei % 10n ** 9n).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole.toString()}.${fraction}`;
}

/** The proposal at normal speed, with the custom fields prefilled from it. */
export function initialDraft(view: TransactionRequestView): TransactionDraft {
  const { proposed } = view.fees;
  const priority = proposed.type === 'eip1559' ? BigInt(proposed.maxPriorityFeePerGas) : 0n;
  return { fee: { speed: 'normal', maxText: editableGwei(feeCapPerGas(proposed)), priorityText: editableGwei(priority) }, failureAccepted: false };
}

/** The fees the draft stands for, or why the user's own fees cannot be used. */
export function draftFees(view: TransactionRequestView, fee: FeeDraft): CustomFees {
  const { proposed } = view.fees;
  if (fee.speed !== 'custom') return { ok: true, fees: presetFees(proposed, fee.speed) };
  return checkCustomFees(proposed.type, fee.maxText, fee.priorityText);
}

/**
 * Whether a transaction needs the deliberate "send it anyway": the node says it would fail, or the share
 * register refuses the transfer (`registerRefused`; "could not check" never counts).
 */
export function needsSendAnyway(view: TransactionRequestView, registerRefused: boolean): boolean {
  return view.failure !== undefined || registerRefused;
}

/** Approve may be pressed: the fees are usable, and a failing or refused transaction was deliberately accepted. */
export function transactionReady(view: TransactionRequestView, draft: TransactionDraft, registerRefused: boolean): boolean {
  return draftFees(view, draft.fee).ok && (!needsSendAnyway(view, registerRefused) || draft.failureAccepted);
}

/** The approval to send; it names fees only when the user changed them. */
export function transactionApproval(id: string, view: TransactionRequestView, draft: TransactionDraft): ApprovalDecision {
  const chosen = draftFees(view, draft.fee);
  if (!chosen.ok || sameFees(chosen.fees, view.fees.proposed)) return { id, approve: true };
  return { id, approve: true, transaction: { fees: chosen.fees } };
}
