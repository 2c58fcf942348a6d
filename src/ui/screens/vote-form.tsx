// The vote controls of a proposal, without state (proposal.tsx holds it, a test reads what this returns):
// For / Against / Abstain, an optional reason, the account that votes when more than one can, and Vote; or,
// when no account can vote, why not in plain words.
import type { GovernorView, VoteChoice } from '../../protocol/governance';
import { ChoiceGroup } from '../components/choice-group';
import { Callout, ErrorText } from '../components/alerts';
import { t } from '../i18n';
import type { ProposalOutcome } from '../lib/send-text';
import { MAX_REASON_LENGTH } from '../lib/vote-form';
import type { Voter, VoteBlock } from '../lib/votes';
import { choiceText, voteBlockText, voterOptionText } from '../lib/votes-text';

export interface VoteFormProps {
  governor: Pick<GovernorView, 'decimals'>;
  /** Why no account can vote; undefined when at least one can. */
  block: VoteBlock | undefined;
  voters: readonly Voter[];
  /** The chosen account's address. */
  from: string;
  choice: VoteChoice | undefined;
  reason: string;
  /** Shown once Vote was pressed without a choice. */
  choiceError: string | undefined;
  outcome: ProposalOutcome | undefined;
  busy: boolean;
  onFrom: (address: string) => void;
  onChoice: (choice: VoteChoice) => void;
  onReason: (reason: string) => void;
  onVote: () => void;
}

const CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];

export function VoteForm(props: VoteFormProps) {
  const { block, voters, busy, outcome } = props;
  if (block !== undefined) {
    return <div class="vote-form"><Callout tone="info"><p class="vote-blocked">{voteBlockText(block)}</p></Callout></div>;
  }
  return (
    <form class="vote-form" noValidate aria-busy={busy} onSubmit={(event) => { event.preventDefault(); if (!busy) props.onVote(); }}>
      {voters.length > 1 && (
        <div class="field">
          <label for="vote-from">{t('voting_voteFrom')}</label>
          <select id="vote-from" value={props.from} disabled={busy} onChange={(event) => { props.onFrom(event.currentTarget.value); }}>
            {voters.map((voter) => <option key={voter.account.address} value={voter.account.address}>{voterOptionText(voter, props.governor)}</option>)}
          </select>
        </div>
      )}
      {voters.length === 1 && voters[0] !== undefined && <p class="hint">{voterOptionText(voters[0], props.governor)}</p>}
      <ChoiceGroup
        legend={t('voting_choiceLegend')}
        choices={CHOICES.map((value) => ({ value, label: choiceText(value) }))}
        value={props.choice}
        onChange={props.onChoice}
      />
      {props.choiceError !== undefined && <ErrorText>{props.choiceError}</ErrorText>}
      <div class="field">
        <label for="vote-reason">{t('voting_reasonField')}</label>
        <textarea
          id="vote-reason"
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          value={props.reason}
          disabled={busy}
          aria-describedby="vote-reason-hint"
          onInput={(event) => { props.onReason(event.currentTarget.value); }}
        />
        <p id="vote-reason-hint" class="hint">{t('voting_reasonHint')}</p>
      </div>
      <button type="submit" class="btn btn-primary btn-wide" aria-disabled={busy}>{t('voting_vote')}</button>
      <div role="status">
        {busy && <p class="hint">{t('send_waiting')}</p>}
        {!busy && outcome?.kind === 'rejected' && <Callout tone="info"><p>{t('voting_voteRejected')}</p></Callout>}
      </div>
      {outcome?.kind === 'failed' && <ErrorText>{t('voting_voteFailed', [outcome.reason])}</ErrorText>}
    </form>
  );
}
