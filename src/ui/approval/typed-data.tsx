// eth_signTypedData_v4: the shareholder action in the wallet's words, its warnings, the share register's
// verdict on an ERC-3009 transfer (a "no" asks for a deliberate "sign it anyway"), the signing account, the
// chain and every detail; an unrecognised structure is flagged and shown field by field. A Ballot names its
// proposal once the wallet has read it (vote-facts.tsx); until then its own sentence, with the id, stays.
import type { ApprovalRequest } from '../../protocol/approvals';
import type { AccountView } from '../../protocol/private';
import { Callout } from '../components/alerts';
import { t } from '../i18n';
import { GenericTree } from './generic-tree';
import { DetailList, Sentence } from './parts';
import { registerRefuses } from './register-sentence';
import { checkAt, doneChecks, RegisterVerdict, type RegisterChecksState } from './register-verdict';
import { actionDetails, actionSentence, hasPageText, supportLabel, unlimitedWarning } from './sentence';
import { noChainNote, typedDataChainDetail } from './signature-warnings';
import { SigningAccount } from './signing-account';
import { requestedVoteOfBallot, VoteFactsNotes, voteWordsAt, type VoteFactsState } from './vote-facts';
import { WarningList } from './warning-list';

type TypedDataRequest = Extract<ApprovalRequest, { kind: 'typed_data' }>;

interface TypedDataBodyProps {
  request: TypedDataRequest;
  accounts: readonly AccountView[];
  /** The share register's verdict on an ERC-3009 transfer, asked by the screen. */
  register: RegisterChecksState;
  /** The proposal a Ballot names, asked by the screen. */
  votes: VoteFactsState;
  signAnyway: boolean;
  onSignAnyway: (accepted: boolean) => void;
}

export function TypedDataBody({ request, accounts, register, votes, signAnyway, onSignAnyway }: TypedDataBodyProps) {
  const { action } = request;
  const vote = action.kind === 'vote' ? voteWordsAt(votes, 0, requestedVoteOfBallot(action), Date.now()) : null;
  const voteWords = vote === 'checking' ? null : vote;
  const sentence = voteWords?.sentence ?? actionSentence(action);
  const details = [...actionDetails(action), ...(voteWords?.details ?? []), typedDataChainDetail(request)];
  const chainNote = noChainNote(request);
  const unknownToken = 'token' in action && action.token.known === undefined;
  const pageText = hasPageText(sentence) || details.some((detail) => hasPageText(detail.parts));
  return (
    <>
      {action.kind === 'generic' && (
        <div role="alert"><Callout tone="warning"><p><strong>{t('generic_warning')}</strong></p></Callout></div>
      )}
      {action.kind === 'permit' && action.unlimited && (
        <div role="alert"><Callout tone="danger"><p><Sentence parts={unlimitedWarning(action)} /></p></Callout></div>
      )}
      {chainNote !== undefined && <WarningList warnings={[chainNote]} />}
      {action.kind === 'vote' && <p class={`vote-badge vote-${action.support}`}>{supportLabel(action.support)}</p>}
      <p class="lead-sentence"><Sentence parts={sentence} /></p>
      {action.kind === 'transfer' && <RegisterVerdict check={checkAt(register, 0)} token={action.token} />}
      <VoteFactsNotes words={vote} />
      {registerRefuses(doneChecks(register)) && (
        <label class="check">
          <input type="checkbox" checked={signAnyway} onChange={(event) => { onSignAnyway(event.currentTarget.checked); }} />
          <span>{t('register_signAnyway')}</span>
        </label>
      )}
      {unknownToken && <Callout tone="info"><p>{t('approval_unknownToken')}</p></Callout>}
      <SigningAccount address={request.account} accounts={accounts} />
      <DetailList details={details} />
      {action.kind === 'generic' && <GenericTree domain={action.domain} message={action.message} />}
      {pageText && <p class="hint">{t('approval_pageTextHint')}</p>}
    </>
  );
}
