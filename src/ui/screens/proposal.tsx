// One proposal: its title and the rest of its description (the proposer's text, drawn as plain text in a
// frame, never as HTML), its state and time left, its tally, each account's vote, and the vote controls.
// A vote is the holder's own castVote / castVoteWithReason transaction through 'transactions.propose', shown
// and previewed in the approval window like any transaction; sent, Activity (whose Back returns to Votes);
// rejected, a calm note here with the choice and reason kept.
import { useEffect, useState } from 'preact/hooks';
import type { CompanyVotesView, ProposalView, VoteChoice } from '../../protocol/governance';
import { PageBox, Sentence } from '../approval/parts';
import { useApp } from '../app-context';
import { call } from '../client';
import { ErrorText } from '../components/alerts';
import { AccountVotes } from '../components/company-votes';
import { OutsideText, SafeText } from '../components/outside-text';
import { Screen } from '../components/screen';
import { useBusy } from '../components/use-busy';
import { errorCode } from '../errors';
import { t } from '../i18n';
import { NAME_CAP } from '../lib/outside-text';
import { proposalOutcome, type ProposalOutcome } from '../lib/send-text';
import { proposalTiming } from '../lib/time-left';
import { voteProposal } from '../lib/vote-form';
import { descriptionBody, findProposal, proposalBlock, votersOf, yourWeight } from '../lib/votes';
import { stateText, tallyText, timingText, yourVotesParts } from '../lib/votes-text';
import { VoteForm } from './vote-form';

export function ProposalScreen(ref: { chainId: string; governor: string; id: string }) {
  const app = useApp();
  /** Undefined while reading; null when the wallet no longer shows this proposal. */
  const [found, setFound] = useState<{ company: CompanyVotesView; proposal: ProposalView } | null>();
  const [readError, setReadError] = useState<string>();

  useEffect(() => {
    call('governance.get', {}).then(
      (view) => { setFound(findProposal(view.companies, ref) ?? null); },
      (failure: unknown) => { setReadError(app.failure(failure)); },
    );
  }, []);

  const back = () => { app.go({ name: 'votes' }); };
  return (
    <Screen title={t('voting_proposalTitle')} actions={<button type="button" class="btn" onClick={back}>{t('common_back')}</button>}>
      {found === undefined && readError === undefined && <p class="lead" role="status">{t('common_loading')}</p>}
      {found === null && <p class="lead">{t('voting_proposalGone')}</p>}
      {readError !== undefined && <ErrorText>{readError}</ErrorText>}
      {found !== undefined && found !== null && <ProposalDetails company={found.company} proposal={found.proposal} />}
    </Screen>
  );
}

function ProposalDetails({ company, proposal }: { company: CompanyVotesView; proposal: ProposalView }) {
  const app = useApp();
  const { governor } = company;
  const [now] = useState(() => Date.now());
  const body = descriptionBody(proposal.description);
  const left = timingText(proposalTiming(proposal, now));
  return (
    <article class="proposal-detail" data-proposal={proposal.id} data-state={proposal.state}>
      <h2 class="proposal-heading"><span class="page-inline"><SafeText text={proposal.title} /></span></h2>
      <p class="hint">
        <OutsideText text={governor.companyName} source="contract" cap={NAME_CAP} />{' · '}
        <OutsideText text={governor.chainName} source="site" cap={NAME_CAP} />
      </p>
      <p><span class="badge">{stateText(proposal.state)}</span>{left !== undefined && <span class="hint time-left"> {left}</span>}</p>
      <PageBox label={t('voting_descriptionLabel')}>
        {body === '' ? <p class="page-text hint">{t('voting_noDescription')}</p> : <pre class="page-text proposal-description"><SafeText text={body} /></pre>}
      </PageBox>
      <h3 class="label">{t('voting_tallyTitle')}</h3>
      <p class="tally">{tallyText(proposal.tally, governor)}</p>
      <h3 class="label">{t('voting_accountsTitle')}</h3>
      <p class="your-votes"><Sentence parts={yourVotesParts(yourWeight(proposal), governor)} /></p>
      <AccountVotes proposal={proposal} accounts={app.view.accounts} decimals={governor.decimals} />
      <VoteControls company={company} proposal={proposal} />
    </article>
  );
}

function VoteControls({ company, proposal }: { company: CompanyVotesView; proposal: ProposalView }) {
  const app = useApp();
  const [busy, run] = useBusy();
  const voters = votersOf(proposal, app.view.accounts);
  const [from, setFrom] = useState<string>();
  const [choice, setChoice] = useState<VoteChoice>();
  const [reason, setReason] = useState('');
  const [choiceError, setChoiceError] = useState<string>();
  const [outcome, setOutcome] = useState<ProposalOutcome>();
  const chosen = voters.find((voter) => voter.account.address === from) ?? voters[0];

  const vote = (): void => {
    setOutcome(undefined);
    if (choice === undefined) {
      setChoiceError(t('voting_chooseFirst'));
      return;
    }
    if (chosen === undefined) return;
    run(async () => {
      try {
        await call('transactions.propose', voteProposal(company.governor, proposal, { from: chosen.account.address, choice, reason }));
        app.announce(t('voting_voteSent'));
        app.go({ name: 'activity', from: 'votes' });
      } catch (failure) {
        // A lock meanwhile: the app reads the wallet again (and shows the unlock screen).
        if (errorCode(failure) === 'wrong-state') app.failure(failure);
        setOutcome(proposalOutcome(failure));
      }
    });
  };

  return (
    <VoteForm
      governor={company.governor}
      block={proposalBlock(proposal) ?? (voters.length === 0 ? 'no-weight' : undefined)}
      voters={voters}
      from={chosen?.account.address ?? ''}
      choice={choice}
      reason={reason}
      choiceError={choiceError}
      outcome={outcome}
      busy={busy}
      onFrom={(address) => { setFrom(address); setOutcome(undefined); }}
      onChoice={(value) => { setChoice(value); setChoiceError(undefined); setOutcome(undefined); }}
      onReason={(value) => { setReason(value); setOutcome(undefined); }}
      onVote={vote}
    />
  );
}
