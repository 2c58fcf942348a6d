// The facts of a waiting vote request as the approval window asks for them: each castVote* transaction or
// batch call and each signed Ballot / ExtendedBallot is looked up in the voting centre (here a small fake of
// its interface) after the site's governor was learned; anything else is null; computed once per approval.
import { encodeFunctionData, parseAbi, type Address, type Hex } from 'viem';
import { beforeEach, describe, expect, it } from 'vitest';
import { CheckedTypedData, describeCall, describeTypedData, type TypedDataField } from '../../../src/core';
import { jsonify } from '../../../src/background/jsonify';
import { createApprovalService } from '../../../src/background/services/approvals';
import type { GovernanceService } from '../../../src/background/services/governance-service';
import { createVoteFactsService } from '../../../src/background/services/vote-facts';
import type { ApprovalRequest } from '../../../src/protocol/approvals';
import type { CompanyVotesView, GovernorRef, GovernorView, VoteFactsView, VotesView } from '../../../src/protocol/governance';
import type { TransactionRequestView } from '../../../src/protocol/transactions';

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OTHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const GOVERNOR = '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const CHAIN_ID = '0x7a69';
const SITE = 'https://registry.example';
const OWN_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PROPOSAL = 74831207013460517137691802106855899229880489145410541492885865658367596250232n;
const SIGNATURE: Hex = `0x${'11'.repeat(65)}`;

const governorAbi = parseAbi([
  'function castVote(uint256 proposalId, uint8 support)',
  'function castVoteWithReason(uint256 proposalId, uint8 support, string reason)',
  'function castVoteBySig(uint256 proposalId, uint8 support, address voter, bytes signature)',
  'function propose(address[] targets, uint256[] values, bytes[] calldatas, string description)',
]);
const erc20Abi = parseAbi(['function transfer(address to, uint256 amount)']);

function transaction(to: string, data: Hex): TransactionRequestView {
  return {
    chainId: CHAIN_ID, networkName: 'Anvil', from: HOLDER, call: jsonify(describeCall({ chainId: 31337n, from: HOLDER, to, value: 0n, data }, () => undefined)),
    data, nativeCurrency: { symbol: 'ETH', decimals: 18 }, gas: '120000',
    fees: { proposed: { type: 'eip1559', maxFeePerGas: '3000000000', maxPriorityFeePerGas: '1000000000' }, suggested: undefined, suggestedUsed: false, baseFeePerGas: '1' },
    nonce: '0', failure: undefined, lookalike: undefined,
  };
}

const castVote = (support = 1) => transaction(GOVERNOR, encodeFunctionData({ abi: governorAbi, functionName: 'castVote', args: [PROPOSAL, support] }));
const castVoteWithReason = () => transaction(GOVERNOR,
  encodeFunctionData({ abi: governorAbi, functionName: 'castVoteWithReason', args: [PROPOSAL, 0, 'The dividend is too small'] }));
const castVoteBySig = () => transaction(GOVERNOR,
  encodeFunctionData({ abi: governorAbi, functionName: 'castVoteBySig', args: [PROPOSAL, 2, OTHER as Address, SIGNATURE] }));
const propose = () => transaction(GOVERNOR,
  encodeFunctionData({ abi: governorAbi, functionName: 'propose', args: [[TOKEN as Address], [0n], ['0x'], 'Approve the 2026 dividend'] }));
const shareTransfer = () => transaction(TOKEN, encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [OTHER as Address, 10n] }));

const ballotFields: TypedDataField[] = [
  { name: 'proposalId', type: 'uint256' }, { name: 'support', type: 'uint8' }, { name: 'voter', type: 'address' }, { name: 'nonce', type: 'uint256' },
];
const extendedBallotFields: TypedDataField[] = [...ballotFields, { name: 'reason', type: 'string' }, { name: 'params', type: 'bytes' }];

/** A Ballot or ExtendedBallot request as the signing handler makes it: checked, described, chain as 0x-hex (null: no chainId). */
function typedData(primaryType: 'Ballot' | 'ExtendedBallot', message: Record<string, unknown>, chainId: number | null = 31337): ApprovalRequest {
  const domainFields: TypedDataField[] = [
    { name: 'name', type: 'string' }, { name: 'version', type: 'string' },
    ...(chainId === null ? [] : [{ name: 'chainId', type: 'uint256' }]), { name: 'verifyingContract', type: 'address' },
  ];
  const checked = CheckedTypedData.from({
    types: { EIP712Domain: domainFields, [primaryType]: primaryType === 'Ballot' ? ballotFields : extendedBallotFields },
    primaryType,
    domain: { name: 'Acme Governor', version: '1', ...(chainId === null ? {} : { chainId }), verifyingContract: GOVERNOR },
    message,
  });
  return {
    kind: 'typed_data', account: HOLDER, chainId: chainId === null ? undefined : `0x${chainId.toString(16)}`,
    action: jsonify(describeTypedData(checked, () => undefined)), primaryType,
  };
}

const GOVERNOR_VIEW: GovernorView = {
  chainId: CHAIN_ID, chainName: 'Anvil', address: GOVERNOR, name: 'Acme Governor', token: TOKEN, companyName: 'Acme Holdings', symbol: 'ACME',
  decimals: 18, clock: 'blocknumber', learnedFrom: { kind: 'site', origin: SITE }, remindersOn: false,
};

function found(voter: string, weight: string): VoteFactsView {
  return {
    kind: 'found', governor: GOVERNOR_VIEW, voter, weight, alreadyVoted: false,
    proposal: {
      chainId: CHAIN_ID, governor: GOVERNOR, id: PROPOSAL.toString(), title: 'Approve the 2026 dividend', description: 'Approve the 2026 dividend',
      proposer: HOLDER, state: 'active', snapshot: '10', deadline: '60', startsAt: 0, closesAt: 1, tally: { against: '0', for: '0', abstain: '0' }, accounts: [],
    },
  };
}

interface Asked {
  learned: [GovernorRef, string][];
  facts: [GovernorRef, bigint, string][];
  /** What happened, in order: "learn" and "facts". */
  order: string[];
}

/** The voting centre's interface, answering from `answer` and recording what it was asked. */
function fakeGovernance(answer: (ref: GovernorRef, proposalId: bigint, voter: string) => Promise<VoteFactsView>, view?: VotesView): { service: GovernanceService; asked: Asked } {
  const asked: Asked = { learned: [], facts: [], order: [] };
  const refuse = () => Promise.reject(new Error('not used by the approval\'s vote facts'));
  return {
    asked,
    service: {
      view: () => (view === undefined ? refuse() : Promise.resolve(view)), refresh: refuse, add: refuse, remove: refuse, setReminders: refuse,
      learn: (ref, origin) => { asked.learned.push([ref, origin]); asked.order.push('learn'); return Promise.resolve(); },
      voteFacts: (ref, proposalId, voter) => { asked.facts.push([ref, proposalId, voter]); asked.order.push('facts'); return answer(ref, proposalId, voter); },
    },
  };
}

describe('the vote facts of a waiting approval', () => {
  let approvals: ReturnType<typeof createApprovalService>;
  let ids: number;

  beforeEach(() => {
    ids = 0;
    approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: () => 1, newId: () => `a${String(++ids)}` });
  });

  function waiting(request: ApprovalRequest, origin = SITE): string {
    approvals.request({ origin, topOrigin: undefined, requester: `r${String(ids)}`, request }).catch(() => undefined);
    return `a${String(ids)}`;
  }

  const ref = { chainId: CHAIN_ID, address: GOVERNOR };

  it('learns the governor of a castVote transaction from the site that sent it, then reads the sender\'s vote on the proposal', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '1500')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    expect(await facts.forApproval(waiting({ kind: 'transaction', transaction: castVote() }))).toEqual([found(HOLDER, '1500')]);
    expect(asked.learned).toEqual([[ref, SITE]]);
    expect(asked.facts).toEqual([[ref, PROPOSAL, HOLDER]]);
    expect(asked.order).toEqual(['learn', 'facts']);
  });

  it('reads a castVoteWithReason like a castVote, for the sender', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '1500')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    expect(await facts.forApproval(waiting({ kind: 'transaction', transaction: castVoteWithReason() }))).toEqual([found(HOLDER, '1500')]);
    expect(asked.facts).toEqual([[ref, PROPOSAL, HOLDER]]);
  });

  it('reads a castVoteBySig for the signer it names, not for the account that submits it', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '800')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    expect(await facts.forApproval(waiting({ kind: 'transaction', transaction: castVoteBySig() }))).toEqual([found(OTHER, '800')]);
    expect(asked.facts).toEqual([[ref, PROPOSAL, OTHER]]);
  });

  it('reads a signed Ballot at the domain\'s governor and chain, for the Ballot\'s voter', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '800')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    const request = typedData('Ballot', { proposalId: PROPOSAL.toString(), support: 1, voter: OTHER, nonce: 0 });
    expect(await facts.forApproval(waiting(request))).toEqual([found(OTHER, '800')]);
    expect(asked.learned).toEqual([[ref, SITE]]);
    expect(asked.facts).toEqual([[ref, PROPOSAL, OTHER]]);
  });

  it('reads a signed ExtendedBallot the same way', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '1500')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    const request = typedData('ExtendedBallot', { proposalId: PROPOSAL.toString(), support: 0, voter: HOLDER, nonce: 3, reason: 'Too small', params: '0x' });
    expect(await facts.forApproval(waiting(request))).toEqual([found(HOLDER, '1500')]);
    expect(asked.facts).toEqual([[ref, PROPOSAL, HOLDER]]);
  });

  it('asks nothing for a Ballot whose domain names no chain: no network to read it on', async () => {
    const { service, asked } = fakeGovernance(() => Promise.reject(new Error('not asked')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    const request = typedData('Ballot', { proposalId: '1', support: 1, voter: HOLDER, nonce: 0 }, null);
    expect(await facts.forApproval(waiting(request))).toEqual([null]);
    expect(asked.order).toEqual([]);
  });

  it('gives null for anything that is no vote, and one entry per call of a batch, learning a governor once', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '1500')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    expect(await facts.forApproval(waiting({ kind: 'transaction', transaction: shareTransfer() }))).toEqual([null]);
    const batch = { chainId: CHAIN_ID, networkName: 'Anvil', from: HOLDER, nativeCurrency: { symbol: 'ETH', decimals: 18 }, calls: [shareTransfer(), castVote(), castVote(0)] };
    expect(await facts.forApproval(waiting({ kind: 'calls', batch }))).toEqual([null, found(HOLDER, '1500'), found(HOLDER, '1500')]);
    expect(asked.learned).toEqual([[ref, SITE]]);
    expect(await facts.forApproval(waiting({ kind: 'connect' }))).toEqual([]);
    expect(await facts.forApproval(waiting({ kind: 'personal_sign', account: HOLDER, text: 'hello', hex: '0x68656c6c6f', signIn: undefined }))).toEqual([]);
  });

  it('learns the governor of a site\'s other Governor call (a proposal), with no vote facts to give', async () => {
    const { service, asked } = fakeGovernance(() => Promise.reject(new Error('not asked')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    expect(await facts.forApproval(waiting({ kind: 'transaction', transaction: propose() }))).toEqual([null]);
    expect(asked.learned).toEqual([[ref, SITE]]);
    expect(asked.facts).toEqual([]);
  });

  it('learns nothing from the popup\'s own vote, whose governor the wallet knows already, but still reads its facts', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '1500')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    expect(await facts.forApproval(waiting({ kind: 'transaction', transaction: castVote() }, OWN_ORIGIN))).toEqual([found(HOLDER, '1500')]);
    expect(asked.learned).toEqual([]);
    expect(asked.facts).toHaveLength(1);
  });

  it('reads once per approval while it waits, and forgets it once decided', async () => {
    const { service, asked } = fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, '1500')));
    const facts = createVoteFactsService({ approvals, governance: service, ownOrigin: OWN_ORIGIN });
    const id = waiting({ kind: 'transaction', transaction: castVote() });
    const first = await facts.forApproval(id);
    expect(await facts.forApproval(id)).toBe(first);
    expect(asked.order).toEqual(['learn', 'facts']);
    approvals.decide({ id, approve: false });
    expect(await facts.forApproval(id)).toEqual([]);
    expect(await facts.forApproval('never-asked')).toEqual([]);
  });

  it('passes the voting centre\'s "could not check" on, and turns a failure it did not promise into one, never an error', async () => {
    const unchecked: VoteFactsView = { kind: 'unchecked', chainId: CHAIN_ID, governor: GOVERNOR, proposalId: PROPOSAL.toString(), message: 'the node at http://127.0.0.1:8545 could not be reached' };
    const nodeDown = fakeGovernance(() => Promise.resolve(unchecked));
    expect(await createVoteFactsService({ approvals, governance: nodeDown.service, ownOrigin: OWN_ORIGIN })
      .forApproval(waiting({ kind: 'transaction', transaction: castVote() }))).toEqual([unchecked]);
    const broken = fakeGovernance(() => Promise.reject(new Error('the voting centre is not available yet')));
    broken.service.learn = () => Promise.reject(new Error('learning failed'));
    expect(await createVoteFactsService({ approvals, governance: broken.service, ownOrigin: OWN_ORIGIN })
      .forApproval(waiting({ kind: 'transaction', transaction: castVote() }))).toEqual([
      { kind: 'unchecked', chainId: CHAIN_ID, governor: GOVERNOR, proposalId: PROPOSAL.toString(), message: 'the voting centre is not available yet' },
    ]);
  });

  it('adds the voter\'s undelegated shares, from the voting centre\'s cache, to a vote that carries no votes', async () => {
    const company = (delegate: string | null, balance = '1500'): VotesView => ({
      companies: [{
        governor: GOVERNOR_VIEW, totalSupply: '10000', delegation: [{ account: HOLDER, balance, votes: '0', delegate }], open: [], closed: [],
      } satisfies CompanyVotesView],
    });
    const id = () => waiting({ kind: 'transaction', transaction: castVote() });
    const ask = (view: VotesView | undefined, weight: string) => createVoteFactsService({
      approvals, governance: fakeGovernance((_ref, _id, voter) => Promise.resolve(found(voter, weight)), view).service, ownOrigin: OWN_ORIGIN,
    }).forApproval(id());
    expect(await ask(company(null), '0')).toEqual([{ ...found(HOLDER, '0'), undelegatedShares: '1500' }]);
    // Delegated shares, no shares at all, a voter the cache does not know, or a cache that fails: nothing added.
    expect(await ask(company(OTHER), '0')).toEqual([found(HOLDER, '0')]);
    expect(await ask(company(null, '0'), '0')).toEqual([found(HOLDER, '0')]);
    expect(await ask({ companies: [] }, '0')).toEqual([found(HOLDER, '0')]);
    expect(await ask(undefined, '0')).toEqual([found(HOLDER, '0')]);
    // A vote with weight does not need the cache.
    expect(await ask(company(null), '1500')).toEqual([found(HOLDER, '1500')]);
  });
});
