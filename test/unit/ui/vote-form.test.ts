// The popup's own vote as it is proposed: to the company's governor, from the chosen account, no ether,
// with castVote or castVoteWithReason calldata (decoded here by ethers, independently of viem).
import { Interface } from 'ethers';
import { describe, expect, it } from 'vitest';
import { voteProposal } from '../../../src/ui/lib/vote-form';
import { BOB, GOVERNOR, governor, proposal } from './votes-fixtures';

const abi = new Interface([
  'function castVote(uint256 proposalId, uint8 support)',
  'function castVoteWithReason(uint256 proposalId, uint8 support, string reason)',
]);
const ID = '74831207013460517137691802106855899229880489145410541492885865658367596250232';

describe('the vote the popup proposes', () => {
  it('goes to the governor from the chosen account on the governor\'s network, with no ether', () => {
    const proposed = voteProposal(governor, proposal({ id: ID }), { from: BOB, choice: 'for', reason: '' });
    expect(proposed).toMatchObject({ chainId: '0x7a69', from: BOB, to: GOVERNOR, value: '0' });
    const call = abi.parseTransaction({ data: proposed.data });
    expect([call?.name, ...(call?.args ?? [])]).toEqual(['castVote', BigInt(ID), 1n]);
  });

  it('carries the reason with castVoteWithReason', () => {
    const proposed = voteProposal(governor, proposal({ id: '7' }), { from: BOB, choice: 'against', reason: '分红过高' });
    const call = abi.parseTransaction({ data: proposed.data });
    expect([call?.name, ...(call?.args ?? [])]).toEqual(['castVoteWithReason', 7n, 0n, '分红过高']);
  });

  it('takes a decimal chain id as lowercase hex, as transactions.propose wants it', () => {
    expect(voteProposal({ ...governor, chainId: '31337' }, proposal(), { from: BOB, choice: 'abstain', reason: '' }).chainId).toBe('0x7a69');
  });
});
