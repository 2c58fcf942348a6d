// One pending request: its place in the queue, the site that asks, what it asks in plain words, and the
// two decisions. Approve is never focused by itself (Enter must not approve); focus starts on the heading,
// as on every screen. Both decisions are truly disabled (the attribute, and the handler refuses) while a
// decision is under way and, through the decision guard, for a moment after the request is drawn or the
// window comes back, so a click meant for something else cannot decide this request.
import type { PrivateCall } from '../lib/rpc';
import { useState } from 'preact/hooks';
import type { ApprovalDecision, QueuedApproval } from '../../protocol/approvals';
import type { AccountView } from '../../protocol/private';
import { Screen } from '../components/screen';
import { t } from '../i18n';
import type { PressTracker } from '../lib/click-guard';
import { AddChainBody } from './add-chain';
import { CallsBody } from './calls';
import { callsReady } from './calls-sentence';
import { ConnectBody } from './connect';
import { PersonalSignBody } from './personal-sign';
import { registerRefuses } from './register-sentence';
import { asksRegister, doneChecks, useRegisterChecks } from './register-verdict';
import { requestTitle } from './sentence';
import { isDangerous } from './signature-warnings';
import { SiteCard } from './site';
import { SwitchChainBody } from './switch-chain';
import { TransactionBody } from './transaction';
import { initialDraft, transactionApproval, transactionReady, type TransactionDraft } from './transaction-draft';
import { TypedDataBody } from './typed-data';
import { useDecisionGuard } from './use-decision-guard';
import { asksVoteFacts, useVoteFacts } from './vote-facts';
import { WatchAssetBody } from './watch-asset';

interface RequestScreenProps {
  pending: QueuedApproval;
  accounts: readonly AccountView[];
  busy: boolean;
  /** The window's presses, for the decision guard. */
  presses: PressTracker;
  onDecide: (decision: ApprovalDecision) => void;
  /** The background, for the parts of a request that ask it more (a transaction's preview, the register's verdict). */
  call: PrivateCall;
}

export function RequestScreen({ pending, accounts, busy, presses, onDecide, call }: RequestScreenProps) {
  const { id, request, origin } = pending;
  const [chosen, setChosen] = useState<string[]>(() => accounts.slice(0, 1).map((account) => account.address));
  const nothingChosen = request.kind === 'connect' && chosen.length === 0;
  const { holding, guarded } = useDecisionGuard(presses);
  const blocked = busy || holding;
  const decide = (decision: ApprovalDecision) => guarded(() => { if (!busy) onDecide(decision); });
  // A server on this computer or the local network needs the user's deliberate tick first.
  const [localAccepted, setLocalAccepted] = useState(false);
  const localUnaccepted = request.kind === 'add_chain' && request.localRpc && !localAccepted;
  // The share register's verdict on the transfers, asked once drawn: only a definite "no" asks for a tick.
  const register = useRegisterChecks(id, call, asksRegister(request));
  const registerRefused = registerRefuses(doneChecks(register));
  // The proposal a vote names, asked once drawn: it only adds words and warnings, it never blocks.
  const votes = useVoteFacts(id, call, asksVoteFacts(request));
  // A transaction's fees as the user set them, and their deliberate "send it anyway" for one that would fail
  // or that the register refuses.
  const [transactionDraft, setTransactionDraft] = useState<TransactionDraft | undefined>(
    () => request.kind === 'transaction' ? initialDraft(request.transaction) : undefined);
  const transactionUnready = request.kind === 'transaction'
    && (transactionDraft === undefined || !transactionReady(request.transaction, transactionDraft, registerRefused));
  // A batch with a call that would fail or that the register refuses: the same deliberate "send it anyway".
  const [callsFailureAccepted, setCallsFailureAccepted] = useState(false);
  const callsUnready = request.kind === 'calls' && !callsReady(request.batch, callsFailureAccepted, registerRefused);
  // A signed transfer the register refuses: "sign it anyway".
  const [signAnyway, setSignAnyway] = useState(false);
  const typedDataUnready = request.kind === 'typed_data' && registerRefused && !signAnyway;
  const approval: ApprovalDecision = request.kind === 'connect' ? { id, approve: true, accounts: chosen }
    : request.kind === 'transaction' && transactionDraft !== undefined ? transactionApproval(id, request.transaction, transactionDraft)
      : { id, approve: true };

  return (
    <Screen
      title={requestTitle(request)}
      busy={busy}
      actions={
        <>
          <button type="button" class="btn" disabled={blocked} onClick={decide({ id, approve: false })}>
            {t('approval_reject')}
          </button>
          <button
            type="button"
            class={isDangerous(request, origin) ? 'btn btn-danger' : 'btn btn-primary'}
            disabled={blocked || nothingChosen || localUnaccepted || transactionUnready || callsUnready || typedDataUnready}
            onClick={decide(approval)}
          >
            {t('approval_approve')}
          </button>
        </>
      }
    >
      <p class="queue-position">{t('approval_queuePosition', [pending.position, pending.queueSize, origin])}</p>
      <SiteCard origin={origin} topOrigin={pending.topOrigin} topOriginUnknown={pending.topOriginUnknown} />
      {request.kind === 'connect' && <ConnectBody origin={origin} accounts={accounts} chosen={chosen} onChosen={setChosen} />}
      {request.kind === 'add_chain' && <AddChainBody request={request} origin={origin} localAccepted={localAccepted} onLocalAccepted={setLocalAccepted} />}
      {request.kind === 'switch_chain' && <SwitchChainBody request={request} origin={origin} />}
      {request.kind === 'watch_asset' && <WatchAssetBody request={request} origin={origin} />}
      {request.kind === 'personal_sign' && <PersonalSignBody request={request} origin={origin} accounts={accounts} />}
      {request.kind === 'typed_data' && (
        <TypedDataBody request={request} accounts={accounts} register={register} votes={votes} signAnyway={signAnyway} onSignAnyway={setSignAnyway} />
      )}
      {request.kind === 'transaction' && transactionDraft !== undefined && (
        <TransactionBody
          approvalId={id} request={request} accounts={accounts} draft={transactionDraft} onDraft={setTransactionDraft} call={call} register={register} votes={votes}
        />
      )}
      {request.kind === 'calls' && (
        <CallsBody
          request={request} accounts={accounts} failureAccepted={callsFailureAccepted} onFailureAccepted={setCallsFailureAccepted} register={register} votes={votes}
        />
      )}
    </Screen>
  );
}
