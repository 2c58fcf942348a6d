// EIP-5792 wallet_sendCalls: the whole batch in one review. What it does (N transactions, one after
// another, none undone if a later one fails), the sending account and the network, then each call as the
// transaction screen shows one (its warnings, a failure first, its sentence and the share register's
// verdict), the deliberate "send it anyway" when any call would fail or the register refuses one, and the network fee of all of them together. The fees are the wallet's
// proposal for each call; they are not edited here. A vote names its proposal once the wallet has read it.
import type { ApprovalRequest } from '../../protocol/approvals';
import type { AccountView } from '../../protocol/private';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { callLines, callSentence } from './call-sentence';
import { callPosition, callsFeeDetails, callsSentence, callsWouldFail } from './calls-sentence';
import { DetailList, Sentence } from './parts';
import { registerRefuses } from './register-sentence';
import { checkAt, doneChecks, RegisterVerdict, sharesMovedBy, type RegisterChecksState } from './register-verdict';
import { networkDetail } from './sentence';
import { SigningAccount } from './signing-account';
import { transactionWarnings } from './transaction-warnings';
import { requestedVoteOfCall, VoteFactsNotes, voteWordsAt, type VoteFactsState } from './vote-facts';
import { WarningList } from './warning-list';

type CallsRequest = Extract<ApprovalRequest, { kind: 'calls' }>;

interface CallsBodyProps {
  request: CallsRequest;
  accounts: readonly AccountView[];
  failureAccepted: boolean;
  onFailureAccepted: (accepted: boolean) => void;
  /** The share register's verdict on each call, asked by the screen (a "no" also asks for "send it anyway"). */
  register: RegisterChecksState;
  /** The proposal each vote names, asked by the screen. */
  votes: VoteFactsState;
}

export function CallsBody({ request, accounts, failureAccepted, onFailureAccepted, register, votes }: CallsBodyProps) {
  const { batch } = request;
  const { nativeCurrency } = batch;
  const now = Date.now();
  return (
    <>
      <p class="lead-sentence"><Sentence parts={callsSentence(batch)} /></p>
      <Callout tone="info"><p>{t('calls_notAtomic')}</p></Callout>
      {(callsWouldFail(batch) || registerRefuses(doneChecks(register))) && (
        <label class="check">
          <input type="checkbox" checked={failureAccepted} onChange={(event) => { onFailureAccepted(event.currentTarget.checked); }} />
          <span>{t('tx_sendAnyway')}</span>
        </label>
      )}
      <SigningAccount address={batch.from} accounts={accounts} />
      <DetailList details={[networkDetail(batch.networkName, batch.chainId)]} />
      <ol class="calls">
        {batch.calls.map((call, index) => {
          const lines = callLines(call.call, nativeCurrency);
          const sharesToken = sharesMovedBy(call.call);
          const { action } = call.call;
          const vote = action.kind === 'vote' ? voteWordsAt(votes, index, requestedVoteOfCall(action), now) : null;
          const sentence = (vote === 'checking' ? undefined : vote?.sentence) ?? callSentence(call.call, nativeCurrency);
          return (
            <li key={index} class="calls-item">
              <h2 class="label">{callPosition(index, batch)}</h2>
              <WarningList warnings={transactionWarnings(call)} />
              <p class="call-sentence"><Sentence parts={sentence} /></p>
              {lines.length > 0 && <ol class="call-lines">{lines.map((line, at) => <li key={at}><Sentence parts={line} short /></li>)}</ol>}
              {sharesToken !== undefined && <RegisterVerdict check={checkAt(register, index)} token={sharesToken} />}
              <VoteFactsNotes words={vote} />
            </li>
          );
        })}
      </ol>
      <section class="fee" aria-labelledby="calls-fee-heading">
        <h2 id="calls-fee-heading" class="label">{t('fee_title')}</h2>
        <DetailList details={callsFeeDetails(batch)} />
      </section>
    </>
  );
}
