// The voting centre as the popup and the approval window see it (issue 14): the companies' governors, their
// proposals, each account's votes, and the facts a vote request is put in words with. Every figure is read
// from the chain by the background; amounts and timepoints are decimal strings (runtime messages carry no
// bigint), times are Unix milliseconds.
import type { ProposalState } from '../core/governance/proposal-state';

export type { ProposalState };

/** How a vote was or is to be cast: IGovernor's support values 0, 1, 2. */
export type VoteChoice = 'against' | 'for' | 'abstain';

/** A company's governor (OpenZeppelin Governor) as the wallet knows it. */
export interface GovernorView {
  /** EIP-155, 0x-hex. */
  chainId: string;
  /** The network's name, as its site gave it. */
  chainName: string;
  /** EIP-55 */
  address: string;
  /** The governor's `name()`. */
  name: string;
  /** `token()`: the share token whose votes count (ERC20Votes / ERC5805), EIP-55. */
  token: string;
  /** The token's `name()` (the company, as its register names it), `symbol()` and `decimals()`. */
  companyName: string;
  symbol: string;
  decimals: number;
  /** ERC-6372 `CLOCK_MODE()`: proposals open and close at block numbers or at timestamps. */
  clock: 'blocknumber' | 'timestamp';
  /** How the wallet learned it: the user added it, or a site (its origin) asked for a vote or a governor call. */
  learnedFrom: { kind: 'user' } | { kind: 'site'; origin: string };
  /** The user asked for reminders before this company's proposals close (issue 14, item 6). */
  remindersOn: boolean;
  /** Set when the latest refresh could not read this governor: plain words; the cached proposals stay shown. */
  problem?: { message: string; at: number };
}

/** One of the user's accounts on one proposal. */
export interface AccountVoteView {
  /** EIP-55 */
  account: string;
  /** `getVotes(account, proposalSnapshot)`, raw units: what this account can cast on this proposal. */
  weight: string;
  /** `hasVoted(proposalId, account)`. */
  voted: boolean;
  /** How it voted, from its `VoteCast` / `VoteCastWithParams` log; absent when it has not voted or the log was not found. */
  choice?: VoteChoice;
  /** The reason it gave with its vote, when it gave one. */
  reason?: string;
}

export interface ProposalView {
  chainId: string;
  /** EIP-55 */
  governor: string;
  /** The proposal id, decimal. */
  id: string;
  /** The description's first line without Markdown heading marks, as the proposal's title. */
  title: string;
  /** The whole description, as `ProposalCreated` logged it. */
  description: string;
  /** EIP-55 */
  proposer: string;
  state: ProposalState;
  /** `proposalSnapshot` and `proposalDeadline` on the governor's clock, decimal. */
  snapshot: string;
  deadline: string;
  /** When voting opens and closes, Unix ms: exact on a timestamp clock, estimated from block times on a block clock. */
  startsAt: number;
  closesAt: number;
  /** `proposalVotes(id)`, raw units. */
  tally: { against: string; for: string; abstain: string };
  /** One per account of the wallet, in account order. */
  accounts: AccountVoteView[];
}

/** One account's voting power in one company (delegation health, issue 14 item 5). */
export interface DelegationView {
  /** EIP-55 */
  account: string;
  /** `balanceOf`, raw units. */
  balance: string;
  /** `getVotes` now, raw units: the votes this account casts (its own if self-delegated, plus any given to it). */
  votes: string;
  /** `delegates(account)`: EIP-55, or null when it has never delegated (its shares carry no votes). */
  delegate: string | null;
}

export interface CompanyVotesView {
  governor: GovernorView;
  /** The token's `totalSupply()`, raw units. */
  totalSupply: string;
  /**
   * The votes that exist: the sum of every delegate's latest `DelegateVotesChanged` new balance, raw units;
   * absent until the token's logs were read once.
   */
  totalVotes?: string;
  /** One per account of the wallet, in account order. */
  delegation: DelegationView[];
  /** Pending and active proposals, the soonest to close first. */
  open: ProposalView[];
  /** Closed proposals, newest first, at most RECENT_CLOSED_LIMIT. */
  closed: ProposalView[];
}

export const RECENT_CLOSED_LIMIT = 10;

export interface VotesView {
  /** By company, ordered by network then company name. */
  companies: CompanyVotesView[];
  /** When the figures were last read from the chains, Unix ms; absent before the first refresh. */
  readAt?: number;
}

/**
 * What the wallet found on chain about the proposal a vote request names, to put the request in words
 * ("Vote FOR 'Approve the 2026 dividend' at Acme Holdings with your 1,500 votes; voting closes in 2 days").
 */
export type VoteFactsView =
  | {
    kind: 'found';
    governor: GovernorView;
    proposal: ProposalView;
    /** The voter named by the request (the sender, or the Ballot's voter / signer). EIP-55. */
    voter: string;
    /** `getVotes(voter, snapshot)`, raw units. */
    weight: string;
    /** `hasVoted(id, voter)`. */
    alreadyVoted: boolean;
    /**
     * Set by the approval's VoteFactsService when the weight is 0 and the voting centre's cache shows the
     * voter's shares were never delegated (`delegates` is zero): their balance, raw units, so the warning
     * can say why the vote counts for nothing. Absent otherwise.
     */
    undelegatedShares?: string;
  }
  /** The governor answered, but no `ProposalCreated` names this id: said plainly, with the id. */
  | { kind: 'not-found'; chainId: string; governor: string; proposalId: string }
  /** The node could not be read or the contract is not a Governor: "could not check", never blocking. */
  | { kind: 'unchecked'; chainId: string; governor: string; proposalId: string; message: string };

/** A governor the user names in the popup, or removes. */
// A type, not an interface: the router reads every message's params as a plain record.
export type GovernorRef = { chainId: string; address: string };
