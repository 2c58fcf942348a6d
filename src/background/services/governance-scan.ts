// What a refresh asks of a governor's logs, and how their answers change its records. Pure: the refresh
// sends the queries (governance-log-scan.ts) and writes the records.
import { toChecksumAddress } from '../../core';
import { GOVERNOR_TOPICS } from '../../core/governance/governor-abi';
import { castVotes, createdProposals, delegateVotesChanges, type RpcLog } from '../../core/governance/logs';
import type { StoredGovernor, StoredGovernorScan, StoredProposal } from '../storage/governance-schema';
import type { LogQuery } from './governance-log-scan';

/** Where a governor's first scan starts: its deployment, and its token's (undefined when not found). */
export interface ScanStart {
  from: bigint;
  tokenFrom: bigint | undefined;
}

/** An address as a log topic: 32 bytes, left-padded. */
const topicOf = (address: string) => `0x${address.slice(2).toLowerCase().padStart(64, '0')}`;

const votesQuery = (key: string, governor: StoredGovernor, voters: readonly string[], from: bigint, to: bigint): LogQuery => ({
  key, address: governor.address, from, to,
  // VoteCast's voter is indexed (topic 1): only the wallet's accounts' votes are asked for.
  topics: [[GOVERNOR_TOPICS.VoteCast, GOVERNOR_TOPICS.VoteCastWithParams], voters.map(topicOf)],
});

/**
 * The queries that bring `governor`'s records up to `latest`: its proposals, its `voters`' votes and its
 * token's delegates' votes from the block after the last one read (or from `start` the first time); and,
 * for accounts not read before, their votes over the blocks read before.
 */
export function scanQueries(governor: StoredGovernor, voters: readonly string[], latest: bigint, start: ScanStart | undefined): LogQuery[] {
  const scan = governor.scan;
  const from = scan === undefined ? (start?.from ?? 0n) : BigInt(scan.to) + 1n;
  const queries: LogQuery[] = [];
  if (from <= latest) {
    queries.push({ key: 'proposals', address: governor.address, topics: [GOVERNOR_TOPICS.ProposalCreated], from, to: latest });
    if (voters.length > 0) queries.push(votesQuery('votes', governor, voters, from, latest));
    const tokenFrom = scan === undefined ? start?.tokenFrom : (scan.delegates === undefined ? undefined : from);
    if (tokenFrom !== undefined) queries.push({ key: 'delegates', address: governor.token, topics: [GOVERNOR_TOPICS.DelegateVotesChanged], from: tokenFrom, to: latest });
  }
  if (scan !== undefined) {
    const known = new Set(scan.voters.map((voter) => voter.toLowerCase()));
    const newcomers = voters.filter((voter) => !known.has(voter.toLowerCase()));
    if (newcomers.length > 0) queries.push(votesQuery('newcomers', governor, newcomers, BigInt(scan.from), BigInt(scan.to)));
  }
  return queries;
}

/**
 * `governor`'s scan record and proposals after reading `logs` (by query key) up to `latest`: new proposals
 * added, the accounts' votes set on theirs, and each delegate's latest votes.
 */
export function applyScan(
  governor: StoredGovernor, existing: readonly StoredProposal[], voters: readonly string[], latest: bigint,
  start: ScanStart | undefined, logs: ReadonlyMap<string, RpcLog[]>,
): { scan: StoredGovernorScan; proposals: StoredProposal[] } {
  const byId = new Map(existing.map((proposal) => [proposal.id, proposal]));
  const changed = new Set<string>();
  for (const created of createdProposals(logs.get('proposals') ?? [])) {
    const id = created.id.toString();
    if (byId.has(id)) continue;
    byId.set(id, {
      schema: 1, chainId: governor.chainId, governor: governor.address, id, proposer: created.proposer, description: created.description,
      voteStart: created.voteStart.toString(), voteEnd: created.voteEnd.toString(),
      createdBlock: created.blockNumber.toString(), logIndex: created.logIndex, votes: {},
    });
    changed.add(id);
  }
  for (const vote of castVotes([...logs.get('newcomers') ?? [], ...logs.get('votes') ?? []])) {
    const id = vote.proposalId.toString();
    const proposal = byId.get(id);
    if (proposal === undefined) continue;
    byId.set(id, { ...proposal, votes: { ...proposal.votes, [vote.voter]: { choice: vote.support, reason: vote.reason, weight: vote.weight.toString() } } });
    changed.add(id);
  }
  const previous = governor.scan;
  const tracksDelegates = previous === undefined ? start?.tokenFrom !== undefined : previous.delegates !== undefined;
  let delegates: Record<string, string> | undefined;
  if (tracksDelegates) {
    delegates = { ...previous?.delegates };
    for (const change of delegateVotesChanges(logs.get('delegates') ?? [])) delegates[toChecksumAddress(change.delegate)] = change.newVotes.toString();
  }
  const to = previous !== undefined && BigInt(previous.to) > latest ? BigInt(previous.to) : latest;
  const scan: StoredGovernorScan = {
    from: previous?.from ?? (start?.from ?? 0n).toString(),
    to: to.toString(),
    voters: [...new Set([...(previous?.voters ?? []), ...voters])],
    ...(delegates === undefined ? {} : { delegates }),
  };
  return { scan, proposals: [...changed].flatMap((id) => byId.get(id) ?? []) };
}

/** The votes that exist: the sum of every delegate's latest votes; undefined while unknown. */
export function totalVotes(scan: StoredGovernorScan | undefined): bigint | undefined {
  if (scan?.delegates === undefined) return undefined;
  return Object.values(scan.delegates).reduce((sum, votes) => sum + BigInt(votes), 0n);
}
