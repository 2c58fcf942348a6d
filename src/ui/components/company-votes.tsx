// One company on the Votes screen: its name and symbol (the token contract's words), its network (the
// site's) and its governor (the governor contract's); why the latest read failed, if it did; each account's
// voting power; the reminders switch; the open proposals (title, time left, the wallet's votes and each
// account's vote), then the recently closed ones with their result and tally. A proposal's title is the
// proposer's text: framed and capped, its hidden characters shown; its button opens the proposal.
// The <article> is named by the token's name and carries data-governor; each proposal is an
// <li data-proposal="<id>">, each account's vote in it an <li data-account="0x…"> (end-to-end tests).
import { useState } from 'preact/hooks';
import { shortAddress } from '../../core/format';
import type { CompanyVotesView, ProposalView, VotesView } from '../../protocol/governance';
import type { AccountView } from '../../protocol/private';
import { Sentence } from '../approval/parts';
import { fill, markers } from '../approval/sentence';
import { useApp } from '../app-context';
import { t } from '../i18n';
import { cappedString, NAME_CAP, SYMBOL_CAP } from '../lib/outside-text';
import { proposalTiming } from '../lib/time-left';
import { groupProposals, shownOpenProposals, yourWeight } from '../lib/votes';
import { accountVoteText, problemParts, stateText, tallyText, timingText, weightText, yourVotesParts } from '../lib/votes-text';
import { accountName } from './account-name';
import { Callout } from './alerts';
import { DelegationHealth } from './delegation-health';
import { OutsideText } from './outside-text';
import { RemindersSwitch } from './reminders-switch';

/** Proposal titles are the proposer's words: long enough for a real title, short enough for a list. */
export const TITLE_CAP = 120;

interface CompanyVotesProps {
  company: CompanyVotesView;
  accounts: readonly AccountView[];
  now: number;
  notificationsAllowed: boolean | undefined;
  busy: boolean;
  onView: (view: VotesView) => void;
  onRemove: () => void;
}

export function CompanyVotes({ company, accounts, now, notificationsAllowed, busy, onView, onRemove }: CompanyVotesProps) {
  const { governor } = company;
  const { open, closed } = groupProposals(company);
  const [showAll, setShowAll] = useState(false);
  const { shown, hidden } = shownOpenProposals(open, showAll);
  return (
    <article class="card holding company-votes" aria-label={cappedString(governor.companyName, NAME_CAP)} data-governor={governor.address}>
      <div class="holding-head">
        <span class="mono holding-address" title={governor.token}>{shortAddress(governor.token)}</span>
        <h3 class="holding-name"><OutsideText text={governor.companyName} source="contract" cap={NAME_CAP} /></h3>
        <OutsideText text={governor.symbol} source="contract" cap={SYMBOL_CAP} />
      </div>
      <p class="hint"><OutsideText text={governor.chainName} source="site" cap={NAME_CAP} /></p>
      <p class="hint">
        <Sentence parts={fill(t('voting_governor', markers(1)), [{ kind: 'outside', text: governor.name, source: 'governor', cap: NAME_CAP }])} />{' '}
        <span class="mono" title={governor.address}>{shortAddress(governor.address)}</span>
      </p>
      {governor.problem !== undefined && (
        <div role="alert" class="holdings-problem"><Callout tone="warning"><Sentence parts={problemParts(governor, governor.problem.message)} /></Callout></div>
      )}
      <DelegationHealth company={company} accounts={accounts} />
      <RemindersSwitch governor={governor} notificationsAllowed={notificationsAllowed} onView={onView} />
      <h4 class="label">{t('voting_openTitle')}</h4>
      {open.length === 0 && <p class="hint">{t('voting_noOpen')}</p>}
      {open.length > 0 && (
        <ul class="item-list proposals">
          {shown.map((proposal) => <OpenProposal key={proposal.id} company={company} proposal={proposal} accounts={accounts} now={now} />)}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" class="btn btn-small" onClick={() => { setShowAll(true); }}>{t('voting_showAllOpen', [String(open.length)])}</button>
      )}
      {closed.length > 0 && (
        <>
          <h4 class="label">{t('voting_closedTitle')}</h4>
          <ul class="item-list proposals">
            {closed.map((proposal) => <ClosedProposal key={proposal.id} company={company} proposal={proposal} />)}
          </ul>
        </>
      )}
      <button
        type="button"
        class="btn btn-small"
        aria-label={t('voting_removeLabel', [cappedString(governor.symbol, SYMBOL_CAP)])}
        aria-disabled={busy}
        onClick={() => { if (!busy) onRemove(); }}
      >
        {t('voting_remove')}
      </button>
    </article>
  );
}

/** The proposal's title as a button that opens it. */
function ProposalTitle({ company, proposal }: { company: CompanyVotesView; proposal: ProposalView }) {
  const app = useApp();
  return (
    <button
      type="button"
      class="btn-link proposal-title"
      title={proposal.title}
      onClick={() => { app.go({ name: 'proposal', chainId: company.governor.chainId, governor: company.governor.address, id: proposal.id }); }}
    >
      {cappedString(proposal.title, TITLE_CAP)}
    </button>
  );
}

function OpenProposal({ company, proposal, accounts, now }: { company: CompanyVotesView; proposal: ProposalView; accounts: readonly AccountView[]; now: number }) {
  const { governor } = company;
  const timing = proposalTiming(proposal, now);
  const left = timingText(timing);
  return (
    <li class="item proposal" data-proposal={proposal.id} data-state={proposal.state}>
      <div class="item-head">
        <ProposalTitle company={company} proposal={proposal} />
        <span class="badge">{stateText(proposal.state)}</span>
      </div>
      {left !== undefined && timing.kind !== 'closed' && (
        <p class="hint time-left"><time dateTime={new Date(timing.at).toISOString()}>{left}</time></p>
      )}
      <p class="your-votes"><Sentence parts={yourVotesParts(yourWeight(proposal), governor)} /></p>
      <AccountVotes proposal={proposal} accounts={accounts} decimals={governor.decimals} />
    </li>
  );
}

/** Each account's weight on the proposal and whether (and how) it voted. */
export function AccountVotes({ proposal, accounts, decimals }: { proposal: ProposalView; accounts: readonly AccountView[]; decimals: number }) {
  return (
    <ul class="account-votes">
      {proposal.accounts.map((vote) => {
        const account = accounts.find((candidate) => candidate.address.toLowerCase() === vote.account.toLowerCase());
        return (
          <li key={vote.account} data-account={vote.account} data-voted={String(vote.voted)}>
            {account !== undefined && <span class="holding-account-name">{accountName(account)}</span>}{' '}
            <span class="mono account-short" title={vote.account}>{shortAddress(vote.account)}</span>{' · '}
            <span class="weight">{weightText(vote.weight, { decimals })}</span>{' · '}
            <span class="vote-status">{accountVoteText(vote)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function ClosedProposal({ company, proposal }: { company: CompanyVotesView; proposal: ProposalView }) {
  return (
    <li class="item proposal" data-proposal={proposal.id} data-state={proposal.state}>
      <div class="item-head">
        <ProposalTitle company={company} proposal={proposal} />
        <span class="badge">{stateText(proposal.state)}</span>
      </div>
      <p class="hint tally">{tallyText(proposal.tally, company.governor)}</p>
    </li>
  );
}
