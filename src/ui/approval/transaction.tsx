// eth_sendTransaction (or the popup's Send): what the call does in the wallet's words, its warnings (a
// failure first, in words, with a deliberate "send it anyway"), the share register's verdict on a transfer
// (its "no" asks for the same "send it anyway"), the sending account and the network, what it sends, every
// detail, an unrecognised call's raw data, and the fee with its editor. A vote names its proposal once the
// wallet has read it (vote-facts.tsx); until then its own sentence, with the proposal id, stays.
import type { ApprovalRequest } from '../../protocol/approvals';
import type { AccountView } from '../../protocol/private';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { byteLength, callDetails, callLines, callSentence, nativeAmount } from './call-sentence';
import type { PrivateCall } from '../lib/rpc';
import { FeeEditor } from './fee-editor';
import { DetailList, PageBox, Sentence } from './parts';
import { hasPageText, networkDetail, type Detail } from './sentence';
import { SigningAccount } from './signing-account';
import { draftFees, type TransactionDraft } from './transaction-draft';
import { registerRefuses } from './register-sentence';
import { checkAt, doneChecks, RegisterVerdict, sharesMovedBy, type RegisterChecksState } from './register-verdict';
import { needsSendAnyway } from './transaction-draft';
import { previewGasUsed, TransactionPreview, usePreview } from './transaction-preview';
import { transactionWarnings } from './transaction-warnings';
import { requestedVoteOfCall, VoteFactsNotes, voteWordsAt, type VoteFactsState } from './vote-facts';
import { WarningList } from './warning-list';

type TransactionRequest = Extract<ApprovalRequest, { kind: 'transaction' }>;

interface TransactionBodyProps {
  approvalId: string;
  request: TransactionRequest;
  accounts: readonly AccountView[];
  draft: TransactionDraft;
  onDraft: (draft: TransactionDraft) => void;
  call: PrivateCall;
  /** The share register's verdict, asked by the screen (its "no" also asks for "send it anyway"). */
  register: RegisterChecksState;
  /** The proposal a vote names, asked by the screen. */
  votes: VoteFactsState;
}

export function TransactionBody({ approvalId, request, accounts, draft, onDraft, call: background, register, votes }: TransactionBodyProps) {
  const view = request.transaction;
  const { call, nativeCurrency } = view;
  const vote = call.action.kind === 'vote' ? voteWordsAt(votes, 0, requestedVoteOfCall(call.action), Date.now()) : null;
  const voteWords = vote === 'checking' ? null : vote;
  const sentence = voteWords?.sentence ?? callSentence(call, nativeCurrency);
  const lines = callLines(call, nativeCurrency);
  const chosenFees = draftFees(view, draft.fee);
  const preview = usePreview(approvalId, background);
  const details: Detail[] = [
    networkDetail(view.networkName, view.chainId),
    { label: t('detail_value'), parts: nativeAmount(call.value, nativeCurrency) },
    ...callDetails(call),
    ...(voteWords?.details ?? []),
    { label: t('detail_nonce'), parts: [{ kind: 'number', text: view.nonce }] },
  ];
  const unknownToken = 'token' in call.action && call.action.token.known === undefined;
  const pageText = hasPageText(sentence) || details.some((detail) => hasPageText(detail.parts));
  const rawData = call.action.kind === 'unknown' ? call.action.data : undefined;
  const sharesToken = sharesMovedBy(call);
  return (
    <>
      <WarningList warnings={transactionWarnings(view)} />
      {needsSendAnyway(view, registerRefuses(doneChecks(register))) && (
        <label class="check">
          <input
            type="checkbox"
            checked={draft.failureAccepted}
            onChange={(event) => { onDraft({ ...draft, failureAccepted: event.currentTarget.checked }); }}
          />
          <span>{t('tx_sendAnyway')}</span>
        </label>
      )}
      <p class="lead-sentence"><Sentence parts={sentence} /></p>
      {lines.length > 0 && <ol class="call-lines">{lines.map((line, index) => <li key={index}><Sentence parts={line} /></li>)}</ol>}
      {sharesToken !== undefined && <RegisterVerdict check={checkAt(register, 0)} token={sharesToken} />}
      <VoteFactsNotes words={vote} />
      {unknownToken && <Callout tone="info"><p>{t('approval_unknownToken')}</p></Callout>}
      <SigningAccount address={view.from} accounts={accounts} />
      <DetailList details={details} />
      {rawData !== undefined && (
        <details class="raw-data">
          <summary>{t('tx_rawData', [byteLength(rawData)])}</summary>
          <PageBox label={t('tx_rawDataLabel')}><pre class="page-text page-hex">{rawData}</pre></PageBox>
        </details>
      )}
      {pageText && <p class="hint">{t('approval_pageTextHint')}</p>}
      <TransactionPreview state={preview} view={view} fees={chosenFees.ok ? chosenFees.fees : view.fees.proposed} />
      <FeeEditor view={view} draft={draft.fee} onDraft={(fee) => { onDraft({ ...draft, fee }); }} gasUsed={previewGasUsed(preview)} />
    </>
  );
}
