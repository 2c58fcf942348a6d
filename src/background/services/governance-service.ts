// What the voting centre (issue 14) offers the routers: the companies' governors and proposals read from
// the chain and cached, the governors learned from sites' requests, and the facts a vote request is put
// in words with.
import type { GovernorRef, VoteFactsView, VotesView } from '../../protocol/governance';

export interface GovernanceService {
  /** The cached voting centre at once, without touching the network. */
  view(): Promise<VotesView>;
  /**
   * Reads what is new since the last read (ProposalCreated and VoteCast logs in bounded ranges, then each
   * proposal's state, votes and tally, batched) and caches it. A governor that fails keeps its cached
   * proposals and gets a `problem`; the call itself succeeds.
   */
  refresh(): Promise<VotesView>;
  /**
   * The user adds a company's governor by network and address.
   * @throws WalletError 'invalid-params' in plain words when the network is unknown or the contract is not a Governor.
   */
  add(ref: GovernorRef): Promise<VotesView>;
  remove(ref: GovernorRef): Promise<VotesView>;
  /** Turns a company's reminders on or off (the popup asked for the notifications permission first). */
  setReminders(ref: GovernorRef & { on: boolean }): Promise<VotesView>;
  /**
   * A site asked for a Ballot signature or sent a Governor call to `ref`: the wallet remembers the governor
   * if it is one. Never throws; a contract that is not a Governor is ignored.
   */
  learn(ref: GovernorRef, origin: string): Promise<void>;
  /** The proposal `proposalId` of governor `ref` and `voter`'s weight and vote on it, read now. Never throws for a node's failure. */
  voteFacts(ref: GovernorRef, proposalId: bigint, voter: string): Promise<VoteFactsView>;
}

export interface VoteFactsService {
  /** One entry per transaction or signature of the waiting approval: the vote's facts, or null where it is no vote. */
  forApproval(approvalId: string): Promise<(VoteFactsView | null)[]>;
}
