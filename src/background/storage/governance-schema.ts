// The voting centre's records (issue 14): the governors the wallet knows, with where their logs were read
// up to, and the proposals found in those logs with what the latest refresh read of them. The record types
// are the store's own; services map them to the views of protocol/governance.ts.
import type { ProposalState } from '../../core/governance/proposal-state';
import type { VoteSupport } from '../../core/governance/logs';

/** How far a governor's logs were read, and what reading them from the start found. Blocks are decimal. */
export interface StoredGovernorScan {
  /** The first block read: the governor's deployment (or the start of a bounded lookback). */
  from: string;
  /** The last block read (inclusive); the next refresh reads from the block after it. */
  to: string;
  /** The accounts (EIP-55) whose VoteCast logs were read from `from` to `to`. */
  voters: string[];
  /**
   * Each delegate's (EIP-55) latest votes from the token's DelegateVotesChanged logs, raw units; absent when
   * the token's logs could not be read from its deployment, so the votes that exist are unknown.
   */
  delegates?: Record<string, string>;
}

/** One account's position in the company at the latest refresh (raw units, decimal). */
export interface StoredDelegation {
  account: string;
  balance: string;
  votes: string;
  /** EIP-55, or null when it never delegated. */
  delegate: string | null;
}

/** What the latest successful refresh read of the governor's token. */
export interface StoredGovernorReading {
  /** When (Unix ms) and at which block (decimal). */
  at: number;
  blockNumber: string;
  totalSupply: string;
  delegation: StoredDelegation[];
}

/** A company's governor, keyed by chain id (0x-hex) and EIP-55 address. */
export interface StoredGovernor {
  schema: 1;
  chainId: string;
  address: string;
  name: string;
  /** `token()`, EIP-55, and what the token says of itself (contract text). */
  token: string;
  companyName: string;
  symbol: string;
  decimals: number;
  clock: 'blocknumber' | 'timestamp';
  learnedFrom: { kind: 'user' } | { kind: 'site'; origin: string };
  remindersOn: boolean;
  addedAt: number;
  /** Absent until its logs were first read. */
  scan?: StoredGovernorScan;
  reading?: StoredGovernorReading;
  problem?: { message: string; at: number };
}

/** How one of the wallet's accounts voted, as its VoteCast log says. */
export interface StoredCastVote {
  choice: VoteSupport;
  reason: string;
  /** The weight the log names, raw units. */
  weight: string;
}

/** One account on one proposal at the latest refresh. */
export interface StoredAccountVote {
  account: string;
  weight: string;
  voted: boolean;
}

/** What the latest refresh read of a proposal. Timepoints decimal, times Unix ms. */
export interface StoredProposalReading {
  at: number;
  state: ProposalState;
  snapshot: string;
  deadline: string;
  startsAt: number;
  closesAt: number;
  tally: { against: string; for: string; abstain: string };
  accounts: StoredAccountVote[];
}

/** A proposal found in a ProposalCreated log, keyed by chain id, governor (EIP-55) and id (decimal). */
export interface StoredProposal {
  schema: 1;
  chainId: string;
  governor: string;
  id: string;
  proposer: string;
  description: string;
  /** The log's voteStart and voteEnd (the snapshot and the deadline when it was created), decimal. */
  voteStart: string;
  voteEnd: string;
  /** Where it was created: block (decimal) and log index. */
  createdBlock: string;
  logIndex: number;
  /** The wallet's accounts' votes found in VoteCast / VoteCastWithParams logs, by EIP-55 address. */
  votes: Record<string, StoredCastVote>;
  /** Absent until a refresh read its state. */
  reading?: StoredProposalReading;
}
