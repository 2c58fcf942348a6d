// The popup's own vote calldata, decoded by an independent implementation (ethers' Interface) against the
// signatures OpenZeppelin Governor 5 declares.
import { Interface } from 'ethers';
import { describe, expect, it } from 'vitest';
import { encodeCastVote, SUPPORT_VALUES } from '../../../../src/core/governance/vote-call';
import { MAX_UINT256 } from '../../../../src/core/format';

const governor = new Interface([
  'function castVote(uint256 proposalId, uint8 support) returns (uint256)',
  'function castVoteWithReason(uint256 proposalId, uint8 support, string reason) returns (uint256)',
]);
const PROPOSAL = 74831207013460517137691802106855899229880489145410541492885865658367596250232n;

function decoded(data: string): { name: string; args: unknown[] } {
  const parsed = governor.parseTransaction({ data });
  if (parsed === null) throw new Error(`not a governor call: ${data.slice(0, 10)}`);
  return { name: parsed.name, args: [...parsed.args] as unknown[] };
}

describe('the vote the popup proposes', () => {
  it('is castVote(proposalId, support) without a reason, with IGovernor\'s support values', () => {
    expect(decoded(encodeCastVote(PROPOSAL, 'for'))).toEqual({ name: 'castVote', args: [PROPOSAL, 1n] });
    expect(decoded(encodeCastVote(PROPOSAL, 'against'))).toEqual({ name: 'castVote', args: [PROPOSAL, 0n] });
    expect(decoded(encodeCastVote(1n, 'abstain'))).toEqual({ name: 'castVote', args: [1n, 2n] });
    expect(SUPPORT_VALUES).toEqual({ against: 0, for: 1, abstain: 2 });
  });

  it('starts with castVote\'s selector, 0x56781388', () => {
    expect(encodeCastVote(PROPOSAL, 'for').slice(0, 10)).toBe(governor.getFunction('castVote')?.selector);
    expect(governor.getFunction('castVote')?.selector).toBe('0x56781388');
  });

  it('is castVoteWithReason with the reason as typed, Chinese included', () => {
    expect(decoded(encodeCastVote(PROPOSAL, 'against', 'Too generous a dividend.'))).toEqual({
      name: 'castVoteWithReason', args: [PROPOSAL, 0n, 'Too generous a dividend.'],
    });
    expect(decoded(encodeCastVote(PROPOSAL, 'for', ' 同意分红 '))).toEqual({ name: 'castVoteWithReason', args: [PROPOSAL, 1n, ' 同意分红 '] });
  });

  it('treats a reason of white space only as no reason', () => {
    expect(decoded(encodeCastVote(PROPOSAL, 'for', ' \n\t')).name).toBe('castVote');
  });

  it('takes every uint256 proposal id and refuses one outside it', () => {
    expect(decoded(encodeCastVote(MAX_UINT256, 'for')).args[0]).toBe(MAX_UINT256);
    expect(() => encodeCastVote(MAX_UINT256 + 1n, 'for')).toThrow(RangeError);
    expect(() => encodeCastVote(-1n, 'for')).toThrow('castVote: proposal id -1 is outside 0 … 2^256 - 1');
  });
});
