// The voting centre read by the background's real services from a real chain: OpenZeppelin Governors on a
// block-number clock (the example registry's) and on a timestamp clock, their proposals found in the logs
// (incrementally), each account's weight and vote, the tallies, delegation, a node that refuses large log
// ranges, and a vote request's facts. Every figure is compared with what the contracts answer through viem.
import { parseUnits, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareholderGovernorAbi, shareTokenAbi } from '../../../example/registry/chain/abi';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import {
  anvilAccount, createProposal, deployRegistry, mineBlocks, proposalVotes, registryPublicClient, type DeployedRegistry,
} from '../../../example/registry/chain/deploy';
import type { CompanyVotesView } from '../../../src/protocol/governance';
import { createSiteService } from '../../../src/background/services/sites';
import { castVote, CHAIN_ID, REGISTRY_SITE, createTimestampProposal, deployTimestampCompany, governanceUnderTest, logRangesSent } from './governance-under-test';
import { startRefusingProxy, type RefusingProxy } from './refusing-proxy';

const shares = (n: string) => parseUnits(n, 18);
const accounts = [0, 1, 2].map((index) => anvilAccount(index).address);
const DIVIDEND = '# Approve the 2026 dividend\n\nPay 0.40 per share on 1 July 2026.';

let chain: AnvilNode;
let registry: DeployedRegistry;
let stamped: { token: Address; governor: Address };
let client: Awaited<ReturnType<typeof registryPublicClient>>;

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
  stamped = await deployTimestampCompany(chain.rpcUrl, accounts.map((address, i) => ({ address, amount: shares(String(100 * (i + 1))) })), {
    votingDelay: 1, votingPeriod: 3600,
  });
  client = await registryPublicClient(chain.rpcUrl);
});
afterAll(async () => { await chain.stop(); }); // also when a test failed: no node is left behind

/** What the governor itself answers for `id` and the three accounts, through viem. */
async function onChain(governor: Address, id: bigint) {
  const [snapshot, deadline, state] = await Promise.all([
    client.readContract({ address: governor, abi: shareholderGovernorAbi, functionName: 'proposalSnapshot', args: [id] }),
    client.readContract({ address: governor, abi: shareholderGovernorAbi, functionName: 'proposalDeadline', args: [id] }),
    client.readContract({ address: governor, abi: shareholderGovernorAbi, functionName: 'state', args: [id] }),
  ]);
  const weights = await Promise.all(accounts.map((account) =>
    client.readContract({ address: governor, abi: shareholderGovernorAbi, functionName: 'getVotes', args: [account, snapshot] })));
  const voted = await Promise.all(accounts.map((account) =>
    client.readContract({ address: governor, abi: shareholderGovernorAbi, functionName: 'hasVoted', args: [id, account] })));
  return { snapshot, deadline, state, weights, voted, tally: await proposalVotes(chain.rpcUrl, governor, id) };
}

function company(view: { companies: CompanyVotesView[] }, governor: Address): CompanyVotesView {
  const found = view.companies.find((entry) => entry.governor.address === governor);
  if (found === undefined) throw new Error(`no company for ${governor}`);
  return found;
}

describe('the voting centre on a real chain', () => {
  it('refuses a contract that is not a Governor, in plain words', async () => {
    const subject = await governanceUnderTest(chain.rpcUrl);
    await expect(subject.governance.add({ chainId: CHAIN_ID, address: registry.token }))
      .rejects.toThrow(`${registry.token} on Acme Registry Chain is not a Governor contract: it does not answer COUNTING_MODE()`);
    expect((await subject.governance.view()).companies).toEqual([]);
  });

  it('finds a block-clock governor\'s proposals with their titles, weights, votes and tallies as the contract has them', async () => {
    const dividend = await createProposal(chain.rpcUrl, registry.governor, DIVIDEND);
    const board = await createProposal(chain.rpcUrl, registry.governor, '## Elect Ada to the board');
    await castVote(chain.rpcUrl, registry.governor, 0, dividend, 1, 'Good for holders');
    await castVote(chain.rpcUrl, registry.governor, 1, dividend, 0);
    await castVote(chain.rpcUrl, registry.governor, 2, board, 2);
    const subject = await governanceUnderTest(chain.rpcUrl);
    const acme = company(await subject.governance.add({ chainId: CHAIN_ID, address: registry.governor }), registry.governor);

    expect(acme.governor).toMatchObject({
      name: 'Acme Shareholder Governor', token: registry.token, companyName: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18,
      clock: 'blocknumber', learnedFrom: { kind: 'user' }, remindersOn: false,
    });
    expect(acme.governor.problem).toBeUndefined();
    expect(acme.open.map((proposal) => proposal.title).sort()).toEqual(['Approve the 2026 dividend', 'Elect Ada to the board']);
    const shown = acme.open.find((proposal) => proposal.id === dividend.toString());
    expect(shown?.description).toBe(DIVIDEND);
    const truth = await onChain(registry.governor, dividend);
    expect(shown?.state).toBe('active');
    expect(shown?.snapshot).toBe(truth.snapshot.toString());
    expect(shown?.deadline).toBe(truth.deadline.toString());
    expect(shown?.tally).toEqual({ against: truth.tally.against.toString(), for: truth.tally.for.toString(), abstain: truth.tally.abstain.toString() });
    expect(shown?.accounts).toEqual([
      { account: accounts[0], weight: truth.weights[0]?.toString(), voted: true, choice: 'for', reason: 'Good for holders' },
      { account: accounts[1], weight: truth.weights[1]?.toString(), voted: true, choice: 'against' },
      { account: accounts[2], weight: truth.weights[2]?.toString(), voted: false },
    ]);
    expect(truth.weights).toEqual([shares('1500'), shares('800'), shares('250')]);
    expect(acme.open.find((proposal) => proposal.id === board.toString())?.accounts[2]).toMatchObject({ voted: true, choice: 'abstain' });
  });

  it('reads only the blocks that are new on the next refresh, and finds the proposal created in them', async () => {
    const subject = await governanceUnderTest(chain.rpcUrl);
    await subject.governance.add({ chainId: CHAIN_ID, address: registry.governor });
    const readTo = await client.getBlockNumber({ cacheTime: 0 });
    const buyback = await createProposal(chain.rpcUrl, registry.governor, 'Authorise a share buyback\nUp to 5% of the shares.');
    const before = { requests: subject.sent.requests, calls: subject.sent.calls.length };
    const acme = company(await subject.governance.refresh(), registry.governor);
    const latest = await client.getBlockNumber({ cacheTime: 0 });

    expect(acme.open.find((proposal) => proposal.id === buyback.toString())?.title).toBe('Authorise a share buyback');
    const calls = subject.sent.calls.slice(before.calls);
    // The latest block; one batch of the new blocks' logs (proposals, the accounts' votes, the delegates); one of the figures.
    expect(subject.sent.requests - before.requests).toBe(3);
    expect(logRangesSent(calls)).toEqual([
      { from: readTo + 1n, to: latest }, { from: readTo + 1n, to: latest }, { from: readTo + 1n, to: latest },
    ]);
  });

  it('shows each account\'s shares, votes and delegate, and the votes that exist', async () => {
    const subject = await governanceUnderTest(chain.rpcUrl);
    const acme = company(await subject.governance.add({ chainId: CHAIN_ID, address: registry.governor }), registry.governor);
    const address = registry.token;
    expect(acme.delegation).toEqual(await Promise.all(accounts.map(async (account) => ({
      account,
      balance: (await client.readContract({ address, abi: shareTokenAbi, functionName: 'balanceOf', args: [account] })).toString(),
      votes: (await client.readContract({ address, abi: shareTokenAbi, functionName: 'getVotes', args: [account] })).toString(),
      delegate: await client.readContract({ address, abi: shareTokenAbi, functionName: 'delegates', args: [account] }),
    }))));
    expect(acme.totalSupply).toBe(shares('2550').toString());
    // Every holder delegated to itself, so every share carries a vote.
    expect(acme.totalVotes).toBe(shares('2550').toString());
  });

  it('reads a timestamp-clock governor, whose times are the deadline itself', async () => {
    const id = await createTimestampProposal(chain.rpcUrl, stamped.governor, 'Move the registered office\nTo Zug.', 1);
    await castVote(chain.rpcUrl, stamped.governor, 1, id, 1);
    const subject = await governanceUnderTest(chain.rpcUrl);
    const stamp = company(await subject.governance.add({ chainId: CHAIN_ID, address: stamped.governor }), stamped.governor);
    const truth = await onChain(stamped.governor, id);

    expect(stamp.governor).toMatchObject({ clock: 'timestamp', companyName: 'Timestamp Holdings Shares', symbol: 'TSH' });
    const [shown] = stamp.open;
    expect(shown?.title).toBe('Move the registered office');
    expect(shown?.closesAt).toBe(Number(truth.deadline) * 1000);
    expect(shown?.startsAt).toBe(Number(truth.snapshot) * 1000);
    expect(shown?.accounts.map((account) => account.weight)).toEqual(truth.weights.map(String));
    expect(shown?.accounts.map((account) => account.voted)).toEqual(truth.voted);
    expect(shown?.accounts[1]?.choice).toBe('for');
    expect(shown?.tally.for).toBe(truth.tally.for.toString());
  });

  it('reads a range the node refuses as too large in halves, and finds every proposal in it', async () => {
    // A limit far below the chain's length (mining thousands of blocks on anvil takes minutes).
    const LIMIT = 8;
    const early = await createProposal(chain.rpcUrl, registry.governor, 'Proposal before a long quiet');
    await mineBlocks(chain.rpcUrl, 40);
    const late = await createProposal(chain.rpcUrl, registry.governor, 'Proposal after a long quiet');
    let proxy: RefusingProxy | undefined;
    try {
      proxy = await startRefusingProxy(chain.rpcUrl, LIMIT);
      const subject = await governanceUnderTest(proxy.url);
      const acme = company(await subject.governance.add({ chainId: CHAIN_ID, address: registry.governor }), registry.governor);
      expect(acme.governor.problem).toBeUndefined();
      const titles = [...acme.open, ...acme.closed].map((proposal) => proposal.title);
      expect(titles).toContain('Proposal after a long quiet');
      expect(acme.open.some((proposal) => proposal.id === late.toString())).toBe(true);
      expect([...acme.open, ...acme.closed].some((proposal) => proposal.id === early.toString())).toBe(true);
      expect(proxy.refused).toBeGreaterThan(0);
      // After the refusals, every range asked for fits the node's limit.
      const ranges = logRangesSent(subject.sent.calls);
      expect(ranges.at(-1)?.to).toBe(await client.getBlockNumber({ cacheTime: 0 }));
      expect(ranges.slice(-3).every((range) => range.to - range.from + 1n <= BigInt(LIMIT))).toBe(true);
    } finally {
      await proxy?.close();
    }
  });

  it('puts a vote request\'s proposal in facts: found with the voter\'s weight, or not found with its id', async () => {
    const id = await createProposal(chain.rpcUrl, registry.governor, '# Appoint the auditor\nKPMG for 2027.');
    const subject = await governanceUnderTest(chain.rpcUrl);
    const found = await subject.governance.voteFacts({ chainId: CHAIN_ID, address: registry.governor }, id, accounts[1] ?? '');
    const truth = await onChain(registry.governor, id);
    expect(found).toMatchObject({ kind: 'found', voter: accounts[1], weight: truth.weights[1]?.toString(), alreadyVoted: false });
    expect(found.kind === 'found' ? found.proposal.title : undefined).toBe('Appoint the auditor');
    expect(found.kind === 'found' ? found.governor.companyName : undefined).toBe('Acme Holdings Shares');

    expect(await subject.governance.voteFacts({ chainId: CHAIN_ID, address: registry.governor }, 12345n, accounts[0] ?? '')).toEqual({
      kind: 'not-found', chainId: CHAIN_ID, governor: registry.governor, proposalId: '12345',
    });
  });

  it('reads on a network a site added only the accounts connected to that site', async () => {
    const subject = await governanceUnderTest(chain.rpcUrl, { chosen: false });
    await createSiteService({ db: subject.db, now: Date.now }).grant(REGISTRY_SITE, [accounts[1] ?? '']);
    const acme = company(await subject.governance.add({ chainId: CHAIN_ID, address: registry.governor }), registry.governor);
    expect(acme.delegation.map((row) => row.account)).toEqual([accounts[1]]);
    expect(acme.open[0]?.accounts.map((row) => row.account)).toEqual([accounts[1]]);
    const asked = JSON.stringify(subject.sent.calls).toLowerCase();
    for (const other of [accounts[0], accounts[2]]) expect(asked).not.toContain((other ?? '').slice(2).toLowerCase());
  });

  it('keeps a governor\'s cached proposals with a problem in plain words when its node is down, and the refresh succeeds', async () => {
    const subject = await governanceUnderTest(chain.rpcUrl);
    const before = company(await subject.governance.add({ chainId: CHAIN_ID, address: registry.governor }), registry.governor);
    const network = await subject.db.get('chains', CHAIN_ID);
    if (network === undefined) throw new Error('no network');
    await subject.db.put('chains', { ...network, rpcUrl: 'http://127.0.0.1:9' });
    const after = company(await subject.governance.refresh(), registry.governor);
    expect(after.governor.problem?.message).toBe('the node at http://127.0.0.1:9 could not be reached');
    expect(after.open).toEqual(before.open);
    expect(after.closed).toEqual(before.closed);
  });
});
