import { describe, expect, it } from 'vitest';
import { acceptsVotes, isOpen, PROPOSAL_STATES, proposalState, ProposalStateError } from '../../../../src/core/governance/proposal-state';

describe('a proposal\'s state', () => {
  it('follows the order of IGovernor.ProposalState', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((index) => proposalState(index)))
      .toEqual(['pending', 'active', 'canceled', 'defeated', 'succeeded', 'queued', 'expired', 'executed']);
    expect(proposalState(1n)).toBe('active');
  });

  it('refuses a number no Governor returns', () => {
    expect(() => proposalState(8)).toThrow(ProposalStateError);
    expect(() => proposalState(-1n)).toThrow('state -1 is not one of a Governor\'s 8 proposal states');
  });

  it('counts votes only while active, and is open while pending or active', () => {
    expect(PROPOSAL_STATES.filter(acceptsVotes)).toEqual(['active']);
    expect(PROPOSAL_STATES.filter(isOpen)).toEqual(['pending', 'active']);
  });
});
