// The parts of OpenZeppelin's IGovernor (v4.9 and v5) and of ERC20Votes / ERC-5805 the voting centre reads,
// as ABI fragments for viem's encoder and decoder. A test checks them against the compiled contracts.

export const GOVERNOR_EVENTS_ABI = [
  {
    type: 'event', name: 'ProposalCreated', inputs: [
      { name: 'proposalId', type: 'uint256', indexed: false },
      { name: 'proposer', type: 'address', indexed: false },
      { name: 'targets', type: 'address[]', indexed: false },
      { name: 'values', type: 'uint256[]', indexed: false },
      { name: 'signatures', type: 'string[]', indexed: false },
      { name: 'calldatas', type: 'bytes[]', indexed: false },
      { name: 'voteStart', type: 'uint256', indexed: false },
      { name: 'voteEnd', type: 'uint256', indexed: false },
      { name: 'description', type: 'string', indexed: false },
    ],
  },
  {
    type: 'event', name: 'VoteCast', inputs: [
      { name: 'voter', type: 'address', indexed: true },
      { name: 'proposalId', type: 'uint256', indexed: false },
      { name: 'support', type: 'uint8', indexed: false },
      { name: 'weight', type: 'uint256', indexed: false },
      { name: 'reason', type: 'string', indexed: false },
    ],
  },
  {
    type: 'event', name: 'VoteCastWithParams', inputs: [
      { name: 'voter', type: 'address', indexed: true },
      { name: 'proposalId', type: 'uint256', indexed: false },
      { name: 'support', type: 'uint8', indexed: false },
      { name: 'weight', type: 'uint256', indexed: false },
      { name: 'reason', type: 'string', indexed: false },
      { name: 'params', type: 'bytes', indexed: false },
    ],
  },
  {
    type: 'event', name: 'DelegateVotesChanged', inputs: [
      { name: 'delegate', type: 'address', indexed: true },
      { name: 'previousVotes', type: 'uint256', indexed: false },
      { name: 'newVotes', type: 'uint256', indexed: false },
    ],
  },
] as const;

/** keccak256 of each event's signature: the logs' topic 0 (a test derives them). */
export const GOVERNOR_TOPICS = {
  ProposalCreated: '0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0',
  VoteCast: '0xb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4',
  VoteCastWithParams: '0xe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb8712',
  DelegateVotesChanged: '0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724',
} as const;

const view = (name: string, inputs: readonly { name: string; type: string }[], outputs: readonly { name: string; type: string }[]) =>
  ({ type: 'function', stateMutability: 'view', name, inputs, outputs }) as const;

export const GOVERNOR_FUNCTIONS_ABI = [
  view('name', [], [{ name: '', type: 'string' }]),
  view('COUNTING_MODE', [], [{ name: '', type: 'string' }]),
  view('CLOCK_MODE', [], [{ name: '', type: 'string' }]),
  view('token', [], [{ name: '', type: 'address' }]),
  view('votingPeriod', [], [{ name: '', type: 'uint256' }]),
  view('proposalThreshold', [], [{ name: '', type: 'uint256' }]),
  view('state', [{ name: 'proposalId', type: 'uint256' }], [{ name: '', type: 'uint8' }]),
  view('proposalSnapshot', [{ name: 'proposalId', type: 'uint256' }], [{ name: '', type: 'uint256' }]),
  view('proposalDeadline', [{ name: 'proposalId', type: 'uint256' }], [{ name: '', type: 'uint256' }]),
  view('proposalVotes', [{ name: 'proposalId', type: 'uint256' }], [
    { name: 'againstVotes', type: 'uint256' }, { name: 'forVotes', type: 'uint256' }, { name: 'abstainVotes', type: 'uint256' },
  ]),
  view('hasVoted', [{ name: 'proposalId', type: 'uint256' }, { name: 'account', type: 'address' }], [{ name: '', type: 'bool' }]),
  view('getVotes', [{ name: 'account', type: 'address' }, { name: 'timepoint', type: 'uint256' }], [{ name: '', type: 'uint256' }]),
] as const;

export const VOTES_TOKEN_FUNCTIONS_ABI = [
  view('name', [], [{ name: '', type: 'string' }]),
  view('symbol', [], [{ name: '', type: 'string' }]),
  view('decimals', [], [{ name: '', type: 'uint8' }]),
  view('totalSupply', [], [{ name: '', type: 'uint256' }]),
  view('balanceOf', [{ name: 'account', type: 'address' }], [{ name: '', type: 'uint256' }]),
  view('getVotes', [{ name: 'account', type: 'address' }], [{ name: '', type: 'uint256' }]),
  view('delegates', [{ name: 'account', type: 'address' }], [{ name: '', type: 'address' }]),
] as const;
