// The Votes screen's words: a proposal's state and time left, the votes of the wallet's accounts, a tally,
// an account's part of a company's shares and votes, and why a vote cannot be cast. Kept apart from the
// components so a test can read them in both languages. Names a contract or a site chose are framed parts.
import type { AccountVoteView, GovernorView, ProposalState, ProposalView, VoteChoice } from '../../protocol/governance';
import { fill, markers, type Part } from '../approval/sentence';
import { accountName } from '../components/account-name';
import { t } from '../i18n';
import { formatAmount } from './holdings';
import { asClause } from './holdings-text';
import { NAME_CAP, SYMBOL_CAP } from './outside-text';
import type { ProposalTiming, TimeSpan } from './time-left';
import type { DelegationRow, Voter, VoteBlock } from './votes';
import { shortAddress } from '../../core/format';

export function stateText(state: ProposalState): string {
  switch (state) {
    case 'pending': return t('voting_statePending');
    case 'active': return t('voting_stateActive');
    case 'canceled': return t('voting_stateCanceled');
    case 'defeated': return t('voting_stateDefeated');
    case 'succeeded': return t('voting_stateSucceeded');
    case 'queued': return t('voting_stateQueued');
    case 'expired': return t('voting_stateExpired');
    case 'executed': return t('voting_stateExecuted');
  }
}

/** "For", "Against", "Abstain": the choices as the vote form and an account's vote name them. */
export function choiceText(choice: VoteChoice): string {
  switch (choice) {
    case 'for': return t('voting_choiceFor');
    case 'against': return t('voting_choiceAgainst');
    case 'abstain': return t('voting_choiceAbstain');
  }
}

/** "2 days", "1 hour", "5 minutes" ("2天", "1小时") in the UI's language, plurals included. */
export function durationText(span: TimeSpan): string {
  return new Intl.NumberFormat(t('lang'), { style: 'unit', unit: span.unit, unitDisplay: 'long' }).format(span.count);
}

/** "closes in 2 days", "opens in 3 hours", "closes any moment now"; undefined for a closed proposal. */
export function timingText(timing: ProposalTiming): string | undefined {
  if (timing.kind === 'closed') return undefined;
  if (timing.span === undefined) return timing.kind === 'opens' ? t('voting_opensSoon') : t('voting_closesSoon');
  const duration = durationText(timing.span);
  return timing.kind === 'opens' ? t('voting_opensIn', [duration]) : t('voting_closesIn', [duration]);
}

/** Raw units of the company's token, formatted with its decimals: "1,500". */
export function votesAmount(raw: bigint | string, governor: Pick<GovernorView, 'decimals'>): string {
  return formatAmount(raw.toString(), governor.decimals);
}

/** "Your votes: 1,500 ACME", the symbol framed as the contract's words. */
export function yourVotesParts(weight: bigint, governor: Pick<GovernorView, 'decimals' | 'symbol'>): Part[] {
  return fill(t('voting_yourVotes', markers(2)), [
    { kind: 'strong', text: votesAmount(weight, governor) },
    { kind: 'outside', text: governor.symbol, source: 'contract', cap: SYMBOL_CAP },
  ]);
}

/** An account's part in a proposal: "voted For", "has voted", "has not voted yet", or "no votes on this proposal". */
export function accountVoteText(vote: AccountVoteView): string {
  if (vote.voted) return vote.choice === undefined ? t('voting_accountVotedUnknown') : t('voting_accountVoted', [choiceText(vote.choice)]);
  if (!/^\d+$/.test(vote.weight) || BigInt(vote.weight) === 0n) return t('voting_accountNoWeight');
  return t('voting_accountNotVoted');
}

/** "1,500 votes". */
export function weightText(raw: string, governor: Pick<GovernorView, 'decimals'>): string {
  return t('voting_accountWeight', [votesAmount(raw, governor)]);
}

/** "For 1,500 · Against 0 · Abstain 0". */
export function tallyText(tally: ProposalView['tally'], governor: Pick<GovernorView, 'decimals'>): string {
  return t('voting_tally', [votesAmount(tally.for, governor), votesAmount(tally.against, governor), votesAmount(tally.abstain, governor)]);
}

/** "58.8% of shares, 59.1% of votes", or only the shares' part while the total of votes is unknown. */
export function powerText(row: Pick<DelegationRow, 'sharesPercent' | 'votesPercent'>): string | undefined {
  if (row.sharesPercent === undefined) return undefined;
  return row.votesPercent === undefined
    ? t('voting_sharesOnly', [row.sharesPercent])
    : t('voting_sharesAndVotes', [row.sharesPercent, row.votesPercent]);
}

export function voteBlockText(block: VoteBlock): string {
  switch (block) {
    case 'pending': return t('voting_blockPending');
    case 'closed': return t('voting_blockClosed');
    case 'no-weight': return t('voting_blockNoWeight');
    case 'voted': return t('voting_blockVoted');
  }
}

/** "Savings · 0x7099…79C8 · 800 votes": an option of the account choice. */
export function voterOptionText(voter: Voter, governor: Pick<GovernorView, 'decimals'>): string {
  return t('voting_voterOption', [accountName(voter.account), shortAddress(voter.account.address), votesAmount(voter.weight, governor)]);
}

/** A governor whose latest refresh failed: whose proposals, and why; the saved ones stay shown. */
export function problemParts(governor: Pick<GovernorView, 'name'>, message: string): Part[] {
  return fill(t('voting_problem', markers(2)), [
    { kind: 'outside', text: governor.name, source: 'governor', cap: NAME_CAP },
    { kind: 'text', text: asClause(message) },
  ]);
}
