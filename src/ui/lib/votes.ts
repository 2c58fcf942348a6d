// What the Votes screen shows, worked out from the background's VotesView without any wording: which
// proposals are open and in which order, how many votes the wallet's accounts carry on one, whether an
// account can vote and why not, and each account's part of the company's shares and votes. Amounts are
// bigints, never floats; the screens turn these into localised text.
import { acceptsVotes, isOpen } from '../../core/governance/proposal-state';
import { RECENT_CLOSED_LIMIT, type AccountVoteView, type CompanyVotesView, type ProposalView } from '../../protocol/governance';
import type { AccountView } from '../../protocol/private';
import { delegateOf, formatAmount, type HoldingRow } from './holdings';

const UNSIGNED = /^\d{1,78}$/;

/** A raw amount as a bigint; anything that is not an unsigned integer counts as 0 (nothing to vote with). */
export function units(raw: string): bigint {
  return UNSIGNED.test(raw) ? BigInt(raw) : 0n;
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The votes the wallet's accounts can cast on `proposal` together (raw units): the sum of their weights. */
export function yourWeight(proposal: ProposalView): bigint {
  return proposal.accounts.reduce((sum, account) => sum + units(account.weight), 0n);
}

/**
 * A company's proposals as the screen lists them: `open` (pending or active) with the active ones first,
 * the soonest to close first, then the pending ones, the soonest to open first; `closed` newest first, at
 * most RECENT_CLOSED_LIMIT. Grouped by each proposal's own state, whichever list the background put it in.
 */
export function groupProposals(company: Pick<CompanyVotesView, 'open' | 'closed'>): { open: ProposalView[]; closed: ProposalView[] } {
  const seen = new Set<string>();
  const all = [...company.open, ...company.closed].filter((proposal) => {
    if (seen.has(proposal.id)) return false;
    seen.add(proposal.id);
    return true;
  });
  const active = all.filter((proposal) => acceptsVotes(proposal.state)).sort((a, b) => a.closesAt - b.closesAt);
  const pending = all.filter((proposal) => isOpen(proposal.state) && !acceptsVotes(proposal.state)).sort((a, b) => a.startsAt - b.startsAt);
  const closed = all.filter((proposal) => !isOpen(proposal.state)).sort((a, b) => b.closesAt - a.closesAt).slice(0, RECENT_CLOSED_LIMIT);
  return { open: [...active, ...pending], closed };
}

/**
 * How many open proposals a company lists before "Show all": a popup lists what a holder acts on first (the
 * soonest to close), and drawing every proposal of several busy governors at once made the screen slow
 * (bench popup-votes: 5 governors × 50 proposals took 1.6 s to draw).
 */
export const OPEN_SHOWN_AT_FIRST = 5;

/** The open proposals to list: the first OPEN_SHOWN_AT_FIRST until the holder asks for all, and how many are left out. */
export function shownOpenProposals(open: readonly ProposalView[], showAll: boolean): { shown: readonly ProposalView[]; hidden: number } {
  const shown = showAll ? open : open.slice(0, OPEN_SHOWN_AT_FIRST);
  return { shown, hidden: open.length - shown.length };
}

/** Finds a proposal of the view by network, governor and id (any letter case, chain ids hex or decimal). */
export function findProposal(
  companies: readonly CompanyVotesView[], ref: { chainId: string; governor: string; id: string },
): { company: CompanyVotesView; proposal: ProposalView } | undefined {
  for (const company of companies) {
    const { governor } = company;
    if (!sameChain(governor.chainId, ref.chainId) || !sameAddress(governor.address, ref.governor)) continue;
    const proposal = [...company.open, ...company.closed].find((candidate) => candidate.id === ref.id);
    if (proposal !== undefined) return { company, proposal };
  }
  return undefined;
}

function sameChain(a: string, b: string): boolean {
  try {
    return BigInt(a) === BigInt(b);
  } catch {
    return a === b;
  }
}

/**
 * Why an account cannot vote on a proposal now: voting has not opened, it has closed, the account had no
 * votes at the proposal's snapshot, or it has voted already. Undefined when it can.
 */
export type VoteBlock = 'pending' | 'closed' | 'no-weight' | 'voted';

export function voteBlock(proposal: ProposalView, account: AccountVoteView | undefined): VoteBlock | undefined {
  if (proposal.state === 'pending') return 'pending';
  if (!acceptsVotes(proposal.state)) return 'closed';
  if (account === undefined || units(account.weight) === 0n) return 'no-weight';
  if (account.voted) return 'voted';
  return undefined;
}

/** An account that can vote on the proposal, with its weight (raw units). */
export interface Voter {
  account: AccountView;
  weight: bigint;
}

/** The wallet's accounts that can vote on `proposal` now, in account order. */
export function votersOf(proposal: ProposalView, accounts: readonly AccountView[]): Voter[] {
  const voters: Voter[] = [];
  for (const vote of proposal.accounts) {
    const account = accounts.find((candidate) => sameAddress(candidate.address, vote.account));
    if (account !== undefined && voteBlock(proposal, vote) === undefined) voters.push({ account, weight: units(vote.weight) });
  }
  return voters;
}

/**
 * Why the wallet cannot vote on `proposal` at all: the proposal's own reason, else "voted" when every account
 * with votes has voted, else "no-weight". Undefined while at least one account can vote.
 */
export function proposalBlock(proposal: ProposalView): VoteBlock | undefined {
  const blocks = proposal.accounts.map((account) => voteBlock(proposal, account));
  if (blocks.length === 0) return voteBlock(proposal, undefined);
  if (blocks.includes(undefined)) return undefined;
  if (blocks.includes('pending')) return 'pending';
  if (blocks.includes('closed')) return 'closed';
  return blocks.includes('voted') ? 'voted' : 'no-weight';
}

/** The description after its first line (the title), without the blank lines around it. */
export function descriptionBody(description: string): string {
  const newline = description.search(/\r?\n/);
  return newline < 0 ? '' : description.slice(newline).trim();
}

/**
 * `part` of `whole` as a percentage with one decimal, rounded half up: "1.2%", "50%" (no ".0"), "<0.1%"
 * for a part too small to show, ">99.9%" for one just short of the whole. Undefined when `whole` is 0.
 */
export function percentText(part: bigint, whole: bigint): string | undefined {
  if (whole <= 0n || part < 0n) return undefined;
  if (part === 0n) return '0%';
  const tenths = (part * 2000n + whole) / (2n * whole);
  if (tenths === 0n) return '<0.1%';
  if (tenths >= 1000n && part < whole) return '>99.9%';
  const fraction = tenths % 10n;
  return `${(tenths / 10n).toString()}${fraction === 0n ? '' : `.${fraction.toString()}`}%`;
}

/** One account's voting health in a company: its figures as the holdings show them, and its parts in percent. */
export interface DelegationRow {
  /** The holdings' row, for the figures and the votes note ("Activate my votes", who casts them). */
  row: HoldingRow;
  /** Its balance as a part of the supply. */
  sharesPercent: string | undefined;
  /** Its votes as a part of all votes; undefined when the total of votes is not known yet. */
  votesPercent: string | undefined;
}

/**
 * The accounts that hold shares or votes in the company, in account order, each with its part of the
 * supply and, when the total of votes is known, of the votes.
 */
export function delegationRows(company: CompanyVotesView, accounts: readonly AccountView[]): DelegationRow[] {
  const { decimals } = company.governor;
  const supply = units(company.totalSupply);
  const totalVotes = company.totalVotes === undefined ? undefined : units(company.totalVotes);
  return company.delegation
    .filter((entry) => units(entry.balance) > 0n || units(entry.votes) > 0n)
    .map((entry) => ({
      row: {
        address: entry.account,
        account: accounts.find((account) => sameAddress(account.address, entry.account)),
        balance: formatAmount(entry.balance, decimals),
        holds: units(entry.balance) > 0n,
        votes: formatAmount(entry.votes, decimals),
        delegate: delegateOf(entry.account, entry.delegate, accounts),
        register: undefined,
      },
      sharesPercent: percentText(units(entry.balance), supply),
      votesPercent: totalVotes === undefined ? undefined : percentText(units(entry.votes), totalVotes),
    }));
}
