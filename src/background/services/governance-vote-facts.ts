// The facts a vote request is put in words with, read now: does the governor know the proposal, its title
// (from the cache, or from the ProposalCreated logs), its state and deadline, and the voter's weight at the
// snapshot and whether it voted. Never throws for a node's failure: that is "could not check".
import { toChecksumAddress } from '../../core';
import type { ChainNow } from '../../core/governance/clock';
import { GOVERNOR_TOPICS } from '../../core/governance/governor-abi';
import { LOG_RANGE_BLOCKS } from '../../core/governance/log-ranges';
import { createdProposals } from '../../core/governance/logs';
import type { VoteFactsView } from '../../protocol/governance';
import type { StoredGovernor, StoredProposal } from '../storage/governance-schema';
import { getProposal } from '../storage/governance-store';
import type { StoredChain } from '../storage/schema';
import { asBigint, GovernanceReadError, governorAnswer, governorCall } from './governance-calls';
import { deploymentBlock, LOOKBACK_BLOCKS } from './governance-deployment';
import { scanLogs } from './governance-log-scan';
import { figureCalls, readFigures } from './governance-reads';
import { refreshFailure, withFigures, type GovernorRefreshDeps } from './governance-refresh';
import { governorView, proposalView } from './governance-view';

function chainNow(url: string, answer: unknown): ChainNow {
  const { number, timestamp } = (typeof answer === 'object' && answer !== null ? answer : {}) as { number?: unknown; timestamp?: unknown };
  const quantity = /^0x[0-9a-fA-F]{1,16}$/;
  if (typeof number !== 'string' || typeof timestamp !== 'string' || !quantity.test(number) || !quantity.test(timestamp)) {
    throw new GovernanceReadError(`the node at ${url} answered eth_getBlockByNumber with something that is not a block`);
  }
  return { blockNumber: BigInt(number), timestamp: BigInt(timestamp) };
}

/** The latest block's number and time. */
export async function latestBlock(deps: Pick<GovernorRefreshDeps, 'rpc'>, url: string): Promise<ChainNow> {
  return chainNow(url, await deps.rpc.request(url, 'eth_getBlockByNumber', ['latest', false]));
}

/** The proposal's ProposalCreated log, searched from the block after the cache's last read (or the governor's start) to `to`. */
async function findCreated(deps: GovernorRefreshDeps, url: string, governor: StoredGovernor, id: bigint, to: bigint): Promise<StoredProposal | undefined> {
  const from = governor.scan !== undefined ? BigInt(governor.scan.to) + 1n
    : await deploymentBlock(deps.rpc, url, governor.address, to) ?? (to > LOOKBACK_BLOCKS ? to - LOOKBACK_BLOCKS : 0n);
  const query = { key: 'proposals', address: governor.address, topics: [GOVERNOR_TOPICS.ProposalCreated], from, to };
  const scan = await scanLogs(deps.rpc, url, [query], deps.spans.get(url) ?? LOG_RANGE_BLOCKS);
  const failure = scan.failed.values().next();
  if (failure.done !== true) throw new GovernanceReadError(failure.value);
  const created = createdProposals(scan.logs.get('proposals') ?? []).find((proposal) => proposal.id === id);
  return created === undefined ? undefined : {
    schema: 1, chainId: governor.chainId, governor: governor.address, id: id.toString(), proposer: created.proposer,
    description: created.description, voteStart: created.voteStart.toString(), voteEnd: created.voteEnd.toString(),
    createdBlock: created.blockNumber.toString(), logIndex: created.logIndex, votes: {},
  };
}

/**
 * What the chain says of proposal `proposalId` of `governor` (on `chain`) and of `voter` on it.
 * Never throws: a node's failure is an 'unchecked' answer in plain words.
 */
export async function readVoteFacts(
  deps: GovernorRefreshDeps, chain: StoredChain, governor: StoredGovernor, proposalId: bigint, voter: string,
): Promise<VoteFactsView> {
  const url = chain.rpcUrl;
  const ids = { chainId: governor.chainId, governor: governor.address, proposalId: proposalId.toString() };
  try {
    const [block, snapshotItem] = await deps.rpc.batch(url, [
      { method: 'eth_getBlockByNumber', params: ['latest', false] }, governorCall(governor.address, 'latest', 'proposalSnapshot', [proposalId]),
    ]);
    if (block?.ok !== true) throw block?.error ?? new GovernanceReadError(`the node at ${url} left eth_getBlockByNumber unanswered`);
    const now = chainNow(url, block.result);
    const snapshot = asBigint(governorAnswer('proposalSnapshot', snapshotItem, url));
    // OpenZeppelin Governor: a proposal that was never created has snapshot 0.
    if (snapshot === undefined || snapshot === 0n) return { kind: 'not-found', ...ids };
    const cached = await getProposal(deps.db, governor, proposalId.toString());
    const proposal = cached ?? await findCreated(deps, url, governor, proposalId, now.blockNumber);
    if (proposal === undefined) return { kind: 'not-found', ...ids };
    const account = toChecksumAddress(voter);
    const plan = { governor: governor.address, token: governor.token, clock: governor.clock, accounts: [account], now, proposals: [{ id: proposalId, snapshot }] };
    const figures = readFigures(url, plan, await deps.rpc.batch(url, figureCalls(plan)));
    const [read] = withFigures(governor, [proposal], figures, now, deps.now());
    const position = read?.reading?.accounts[0];
    if (read?.reading === undefined || position === undefined) throw new GovernanceReadError(`the governor ${governor.address} did not answer for proposal ${proposalId}`);
    return {
      kind: 'found', governor: governorView(governor, chain.name), proposal: proposalView(read, read.reading),
      voter: account, weight: position.weight, alreadyVoted: position.voted,
    };
  } catch (error) {
    return { kind: 'unchecked', ...ids, message: refreshFailure(chain, error) };
  }
}
