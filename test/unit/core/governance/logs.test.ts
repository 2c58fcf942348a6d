import { encodeAbiParameters, encodeEventTopics, getAbiItem, toEventSelector, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { shareholderGovernorAbi, shareTokenAbi } from '../../../../example/registry/chain/abi';
import { GOVERNOR_EVENTS_ABI, GOVERNOR_TOPICS } from '../../../../src/core/governance/governor-abi';
import { castVotes, createdProposals, delegateVotesChanges, rpcLogs, type RpcLog } from '../../../../src/core/governance/logs';

const GOVERNOR = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const VOTER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const log = (topics: Hex[], data: Hex, blockNumber = 7n, logIndex = 1): RpcLog => ({
  address: GOVERNOR.toLowerCase(), topics, data, blockNumber: `0x${blockNumber.toString(16)}`, logIndex: `0x${logIndex.toString(16)}`,
});

function proposalLog(id: bigint, description: string): RpcLog {
  const item = getAbiItem({ abi: GOVERNOR_EVENTS_ABI, name: 'ProposalCreated' });
  return log(encodeEventTopics({ abi: GOVERNOR_EVENTS_ABI, eventName: 'ProposalCreated' }) as Hex[], encodeAbiParameters(item.inputs,
    [id, VOTER, [GOVERNOR], [0n], [''], ['0x54fd4d50'], 10n, 60n, description]));
}

function voteLog(support: number, reason: string, withParams = false): RpcLog {
  const eventName = withParams ? 'VoteCastWithParams' : 'VoteCast';
  const topics = encodeEventTopics({ abi: GOVERNOR_EVENTS_ABI, eventName, args: { voter: VOTER } }) as Hex[];
  const data = withParams
    ? encodeAbiParameters([{ type: 'uint256' }, { type: 'uint8' }, { type: 'uint256' }, { type: 'string' }, { type: 'bytes' }], [42n, support, 1500n, reason, '0x'])
    : encodeAbiParameters([{ type: 'uint256' }, { type: 'uint8' }, { type: 'uint256' }, { type: 'string' }], [42n, support, 1500n, reason]);
  return log(topics, data);
}

describe('the voting centre\'s logs', () => {
  it('uses the event fragments and topics of the compiled OpenZeppelin contracts', () => {
    const compiled = [...shareholderGovernorAbi, ...shareTokenAbi] as readonly { type: string; name?: string; inputs?: readonly { name: string; type: string; indexed?: boolean }[] }[];
    for (const event of GOVERNOR_EVENTS_ABI) {
      const found = compiled.find((item) => item.type === 'event' && item.name === event.name);
      expect(found?.inputs?.map(({ name, type, indexed }) => ({ name, type, indexed }))).toEqual(event.inputs);
      expect(GOVERNOR_TOPICS[event.name]).toBe(toEventSelector(event));
    }
  });

  it('decodes a proposal with its description, proposer and where it was logged', () => {
    expect(createdProposals([proposalLog(42n, '# Dividend\nDetails')])).toEqual([
      { id: 42n, proposer: VOTER, voteStart: 10n, voteEnd: 60n, description: '# Dividend\nDetails', blockNumber: 7n, logIndex: 1 },
    ]);
  });

  it('decodes votes with and without params, by their support', () => {
    expect(castVotes([voteLog(1, 'Yes please'), voteLog(0, ''), voteLog(2, 'Pass', true)]).map((vote) => [vote.voter, vote.support, vote.reason, vote.weight]))
      .toEqual([[VOTER, 'for', 'Yes please', 1500n], [VOTER, 'against', '', 1500n], [VOTER, 'abstain', 'Pass', 1500n]]);
  });

  it('leaves out a vote whose support is not Against, For or Abstain, and logs that do not decode', () => {
    const wrong = voteLog(3, '');
    const truncated = { ...proposalLog(1n, 'x'), data: '0x1234' };
    expect(castVotes([wrong])).toEqual([]);
    expect(createdProposals([truncated])).toEqual([]);
    expect(createdProposals([voteLog(1, '')])).toEqual([]);
  });

  it('decodes a delegate\'s new votes', () => {
    const topics = encodeEventTopics({ abi: GOVERNOR_EVENTS_ABI, eventName: 'DelegateVotesChanged', args: { delegate: VOTER } }) as Hex[];
    expect(delegateVotesChanges([log(topics, encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [5n, 9n]))]))
      .toEqual([{ delegate: VOTER, newVotes: 9n, blockNumber: 7n, logIndex: 1 }]);
  });

  it('accepts only a list of well-formed logs as an eth_getLogs answer', () => {
    expect(rpcLogs([proposalLog(1n, 'x')])).toHaveLength(1);
    expect(rpcLogs({ logs: [] })).toBeUndefined();
    expect(rpcLogs([{ address: GOVERNOR, topics: [], data: '0x', blockNumber: 'seven', logIndex: '0x0' }])).toBeUndefined();
  });
});
