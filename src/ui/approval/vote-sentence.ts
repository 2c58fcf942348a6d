// A vote request in plain words once the wallet has read its proposal from the chain (issue 14 item 4):
// "Vote FOR «Approve the 2026 dividend» at «Acme Holdings» with your 1,500 votes; voting closes in 2 days",
// with its reason, and warnings for a proposal that takes no votes, a voter with no votes at its snapshot
// and a voter that has voted already. A proposal the wallet cannot find is said so with its id; one it could
// not read keeps the request's own sentence with "could not read" and the reason. The title is the
// proposer's words and the company the token contract's, so both are framed (sentence.ts 'outside' parts).
import type { VoteSupport } from '../../core/actions/types';
import { formatUnits } from '../../core/format';
import type { ProposalState, VoteFactsView } from '../../protocol/governance';
import { t } from '../i18n';
import { NAME_CAP } from '../lib/outside-text';
import { fill, markers, supportLabel, type Detail, type Part } from './sentence';
import type { Warning } from './signature-warnings';

type Found = Extract<VoteFactsView, { kind: 'found' }>;

/** The vote as the request casts it: its own words stay the wallet's until the facts arrive. */
export interface RequestedVote {
  support: VoteSupport;
  /** The reason the request gives (page text), when it gives one. */
  reason: string | undefined;
  /**
   * 'cast': the account's own castVote*; 'relayed': a castVoteBySig submitting another voter's signed vote;
   * 'signed': a Ballot signed here, which the site submits to the governor.
   */
  form: 'cast' | 'relayed' | 'signed';
}

export interface VoteFactsWords {
  /** The sentence that replaces the request's own once its proposal was found; undefined keeps the request's. */
  sentence: Part[] | undefined;
  /** Lines added to the request's details (company, voting times, the voter's votes). */
  details: Detail[];
  /** Most serious first. */
  warnings: Warning[];
  /** The proposal could not be read: that, and the wallet's reason (which may quote the node), framed. */
  unchecked: { sentence: Part[]; message: Part[] } | undefined;
}

/** A proposal title fits a line or two; the whole description is for the Votes screen. */
export const TITLE_CAP = 80;
/** Long enough for a node's error, short enough not to push the decision off screen. */
const MESSAGE_CAP = 200;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const strong = (value: string): Part => ({ kind: 'strong', text: value });
const address = (value: string): Part => ({ kind: 'address', address: value });
const text = (value: string): Part => ({ kind: 'text', text: value });

/**
 * "in 2 days", "tomorrow", "in 5 hours", "in 3 minutes" (明天, 5小时后) from `now` to `at`, in the UI's
 * language: minutes under an hour and a half, hours under a day and a half, else days. A time already
 * past (a block clock's estimate) reads as now.
 */
export function relativeTime(at: number, now: number): string {
  const ahead = Math.max(0, at - now);
  const format = new Intl.RelativeTimeFormat(t('lang'), { numeric: 'auto' });
  if (ahead < 90 * MINUTE) return format.format(Math.ceil(ahead / MINUTE), 'minute');
  if (ahead < 36 * HOUR) return format.format(Math.round(ahead / HOUR), 'hour');
  return format.format(Math.round(ahead / DAY), 'day');
}

function closedState(state: Exclude<ProposalState, 'pending' | 'active'>): string {
  switch (state) {
    case 'canceled': return t('voteFacts_stateCanceled');
    case 'defeated': return t('voteFacts_stateDefeated');
    case 'succeeded': return t('voteFacts_stateSucceeded');
    case 'queued': return t('voteFacts_stateQueued');
    case 'expired': return t('voteFacts_stateExpired');
    case 'executed': return t('voteFacts_stateExecuted');
  }
}

/** The voter's votes (or any amount of the token) with the token's decimals, "1,500". */
function votes(facts: Found, amount: string): Part {
  return strong(formatUnits(BigInt(amount), facts.governor.decimals));
}

/** "Vote FOR «title» at «company» with your 1,500 votes", in the request's form. */
function voteClause(facts: Found, vote: RequestedVote): Part[] {
  const title: Part = { kind: 'outside', text: facts.proposal.title, source: 'proposal', cap: TITLE_CAP };
  const company: Part = { kind: 'outside', text: facts.governor.companyName, source: 'contract', cap: NAME_CAP };
  const support = strong(supportLabel(vote.support));
  const weight = votes(facts, facts.weight);
  switch (vote.form) {
    case 'cast': return fill(t('voteFacts_cast', markers(4)), [support, title, company, weight]);
    case 'signed': return fill(t('voteFacts_signed', markers(4)), [support, title, company, weight]);
    case 'relayed': return fill(t('voteFacts_relayed', markers(5)), [address(facts.voter), support, title, company, weight]);
  }
}

/** The whole sentence: the vote, its reason when given, then when voting closes (or opens). */
function foundSentence(facts: Found, vote: RequestedVote, now: number): Part[] {
  const clause = voteClause(facts, vote);
  const reasoned = vote.reason === undefined ? clause : fill(t('voteFacts_withReason', markers(2)), [clause, { kind: 'page', text: vote.reason }]);
  const { proposal } = facts;
  switch (proposal.state) {
    case 'active': return fill(t('voteFacts_closes', markers(2)), [reasoned, strong(relativeTime(proposal.closesAt, now))]);
    case 'pending': return fill(t('voteFacts_opens', markers(2)), [reasoned, strong(relativeTime(proposal.startsAt, now))]);
    default: return reasoned;
  }
}

/** A proposal that takes no votes, a voter that voted already, a voter with no votes at the snapshot. */
function foundWarnings(facts: Found, now: number): Warning[] {
  const { proposal } = facts;
  const warnings: Warning[] = [];
  if (proposal.state === 'pending') {
    warnings.push({ tone: 'warning', parts: fill(t('voteFacts_pending', markers(1)), [strong(relativeTime(proposal.startsAt, now))]) });
  } else if (proposal.state !== 'active') {
    warnings.push({ tone: 'warning', parts: fill(t('voteFacts_closed', markers(1)), [text(closedState(proposal.state))]) });
  }
  if (facts.alreadyVoted) warnings.push({ tone: 'warning', parts: fill(t('voteFacts_alreadyVoted', markers(1)), [address(facts.voter)]) });
  if (BigInt(facts.weight) === 0n) {
    warnings.push({
      tone: 'warning',
      parts: facts.undelegatedShares === undefined
        ? fill(t('voteFacts_noWeight', markers(1)), [address(facts.voter)])
        : fill(t('voteFacts_noWeightUndelegated', markers(2)), [address(facts.voter), votes(facts, facts.undelegatedShares)]),
    });
  }
  return warnings;
}

function foundDetails(facts: Found): Detail[] {
  const { proposal, governor } = facts;
  const open = proposal.state === 'pending' || proposal.state === 'active';
  return [
    { label: t('voteFacts_detailCompany'), parts: [{ kind: 'outside', text: governor.companyName, source: 'contract', cap: NAME_CAP }] },
    ...(proposal.state === 'pending' ? [{ label: t('voteFacts_detailOpens'), parts: [{ kind: 'time', ms: proposal.startsAt } satisfies Part] }] : []),
    ...(open ? [{ label: t('voteFacts_detailCloses'), parts: [{ kind: 'time', ms: proposal.closesAt } satisfies Part] }] : []),
    { label: t('voteFacts_detailWeight'), parts: [votes(facts, facts.weight)] },
  ];
}

/** "Could not read this proposal from the chain… You can still decide." and "Details: «the reason»". */
export function uncheckedVoteWords(message: string): { sentence: Part[]; message: Part[] } {
  return {
    sentence: [text(t('voteFacts_unchecked'))],
    message: fill(t('voteFacts_detail', markers(1)), [{ kind: 'outside', text: message, source: 'node', cap: MESSAGE_CAP }]),
  };
}

/**
 * The words of a vote request whose proposal the wallet looked up: `vote` as the request casts it, `now`
 * in epoch ms for "closes in 2 days".
 */
export function voteFactsWords(facts: VoteFactsView, vote: RequestedVote, now: number): VoteFactsWords {
  switch (facts.kind) {
    case 'found':
      return { sentence: foundSentence(facts, vote, now), details: foundDetails(facts), warnings: foundWarnings(facts, now), unchecked: undefined };
    case 'not-found':
      return {
        sentence: undefined, details: [], unchecked: undefined,
        warnings: [{ tone: 'warning', parts: fill(t('voteFacts_notFound', markers(2)), [{ kind: 'number', text: facts.proposalId }, address(facts.governor)]) }],
      };
    case 'unchecked':
      return { sentence: undefined, details: [], warnings: [], unchecked: uncheckedVoteWords(facts.message) };
  }
}
