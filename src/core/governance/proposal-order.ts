// The order the Votes screen lists a company's proposals in: the open ones (pending or active) first, the
// soonest to close first; then the closed ones, the newest (latest created) first, a bounded few.
import { isOpen, type ProposalState } from './proposal-state';

export interface Orderable {
  state: ProposalState;
  /** When voting closes, Unix ms. */
  closesAt: number;
  /** Where the proposal was created: later blocks (and later logs in a block) are newer. */
  createdBlock: bigint;
  logIndex: number;
}

const newestFirst = (a: Orderable, b: Orderable) =>
  a.createdBlock === b.createdBlock ? b.logIndex - a.logIndex : (a.createdBlock > b.createdBlock ? -1 : 1);

/** `proposals` split into open (soonest closing first, then newest) and at most `closedLimit` closed (newest first). */
export function orderProposals<T extends Orderable>(proposals: readonly T[], closedLimit: number): { open: T[]; closed: T[] } {
  const open = proposals.filter((proposal) => isOpen(proposal.state))
    .sort((a, b) => a.closesAt - b.closesAt || newestFirst(a, b));
  const closed = proposals.filter((proposal) => !isOpen(proposal.state)).sort(newestFirst).slice(0, closedLimit);
  return { open, closed };
}
