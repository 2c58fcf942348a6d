// A proposal's state as an OpenZeppelin Governor reports it: `state(proposalId)` returns the ProposalState
// enum of IGovernor (v4 and v5 alike), by its position.

export const PROPOSAL_STATES = ['pending', 'active', 'canceled', 'defeated', 'succeeded', 'queued', 'expired', 'executed'] as const;

export type ProposalState = (typeof PROPOSAL_STATES)[number];

export class ProposalStateError extends Error {
  override name = 'ProposalStateError';
}

/**
 * The state `state(proposalId)` answered.
 * @throws ProposalStateError for a number outside IGovernor.ProposalState.
 */
export function proposalState(answer: bigint | number): ProposalState {
  const index = typeof answer === 'bigint' ? answer : BigInt(answer);
  const state = index >= 0n && index < BigInt(PROPOSAL_STATES.length) ? PROPOSAL_STATES[Number(index)] : undefined;
  if (state === undefined) throw new ProposalStateError(`state ${index.toString()} is not one of a Governor's ${String(PROPOSAL_STATES.length)} proposal states`);
  return state;
}

/** Votes can be cast now: only an active proposal counts them. */
export function acceptsVotes(state: ProposalState): boolean {
  return state === 'active';
}

/** Not yet decided: pending (voting has not started) or active. Everything else is closed. */
export function isOpen(state: ProposalState): boolean {
  return state === 'pending' || state === 'active';
}
