// One governor's refresh: its logs since the last block read (the first time from its deployment), then one
// batch of figures pinned to the chain's latest block, written in one transaction. A failure is written as
// the governor's problem in plain words, and its cached proposals stay; it is never thrown.
import { RECENT_CLOSED_LIMIT } from '../../protocol/governance';
import type { ChainNow } from '../../core/governance/clock';
import { LOG_RANGE_BLOCKS } from '../../core/governance/log-ranges';
import { isOpen } from '../../core/governance/proposal-state';
import { orderProposals } from '../../core/governance/proposal-order';
import { secondsPerBlock, timepointMs } from '../../core/governance/times';
import { JsonRpcError, type JsonRpcClient } from '../platform/json-rpc';
import type { WalletDatabase } from '../storage/database';
import type { StoredGovernor, StoredProposal } from '../storage/governance-schema';
import { proposalsOf, updateGovernor } from '../storage/governance-store';
import type { StoredChain } from '../storage/schema';
import { GovernanceReadError } from './governance-calls';
import { deploymentBlock, LOOKBACK_BLOCKS } from './governance-deployment';
import { scanLogs } from './governance-log-scan';
import { figureCalls, readFigures, type GovernorFigures } from './governance-reads';
import { applyScan, scanQueries, type ScanStart } from './governance-scan';

/** Ethereum's pace since the Merge, for a block clock when the node gave no older block. */
const DEFAULT_SECONDS_PER_BLOCK = 12;

export interface GovernorRefreshDeps {
  db: WalletDatabase;
  rpc: JsonRpcClient;
  now: () => number;
  /** The log span each node (by RPC URL) last accepted, so a node's limit is found once. */
  spans: Map<string, bigint>;
}

/** What went wrong, in words for the user: names the RPC and never carries anything secret. */
export function refreshFailure(chain: StoredChain, error: unknown): string {
  if (error instanceof GovernanceReadError) return error.message;
  if (error instanceof JsonRpcError) {
    return error.message.startsWith('the node at ') ? error.message : `the node at ${chain.rpcUrl} answered with an error: ${error.message}`;
  }
  return `reading the votes from ${chain.rpcUrl} failed unexpectedly`;
}

async function scanStart(deps: GovernorRefreshDeps, url: string, governor: StoredGovernor, latest: bigint): Promise<ScanStart> {
  const [from, tokenFrom] = await Promise.all([
    deploymentBlock(deps.rpc, url, governor.address, latest), deploymentBlock(deps.rpc, url, governor.token, latest),
  ]);
  return { from: from ?? (latest > LOOKBACK_BLOCKS ? latest - LOOKBACK_BLOCKS : 0n), tokenFrom };
}

/** The proposals worth reading now: every open or never-read one, and the closed ones the screen shows. */
function toRead(proposals: readonly StoredProposal[]): StoredProposal[] {
  const unread = proposals.filter((proposal) => proposal.reading === undefined || isOpen(proposal.reading.state));
  const { closed } = orderProposals(proposals.flatMap((proposal) => proposal.reading === undefined || isOpen(proposal.reading.state) ? [] : [{
    ...proposal, state: proposal.reading.state, closesAt: proposal.reading.closesAt, createdBlock: BigInt(proposal.createdBlock),
  }]), RECENT_CLOSED_LIMIT);
  const shown = new Set(closed.map((proposal) => proposal.id));
  return [...unread, ...proposals.filter((proposal) => shown.has(proposal.id))];
}

/** `proposals` with what `figures` read of them (those it did not read are left out). */
export function withFigures(
  governor: StoredGovernor, proposals: readonly StoredProposal[], figures: GovernorFigures, now: ChainNow, at: number,
): StoredProposal[] {
  const clock = governor.clock === 'timestamp' ? { mode: 'timestamp' as const } : { mode: 'blocknumber' as const, from: 'default' };
  const pace = figures.earlier === undefined ? DEFAULT_SECONDS_PER_BLOCK : secondsPerBlock(now, figures.earlier);
  const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
  return figures.proposals.flatMap((read) => {
    const proposal = byId.get(read.id.toString());
    if (proposal === undefined) return [];
    return [{
      ...proposal,
      reading: {
        at, state: read.state, snapshot: read.snapshot.toString(), deadline: read.deadline.toString(),
        startsAt: timepointMs(clock, read.snapshot, now, pace), closesAt: timepointMs(clock, read.deadline, now, pace),
        tally: { against: read.tally.against.toString(), for: read.tally.for.toString(), abstain: read.tally.abstain.toString() },
        accounts: read.accounts.map((account) => ({ account: account.account, weight: account.weight.toString(), voted: account.voted })),
      },
    }];
  });
}

/** Reads what is new of `governor` up to `latest` for `voters` (the accounts its chain may be asked about) and caches it. */
export async function refreshGovernor(
  deps: GovernorRefreshDeps, governor: StoredGovernor, chain: StoredChain, voters: readonly string[], latest: ChainNow,
): Promise<void> {
  const url = chain.rpcUrl;
  const key = { chainId: governor.chainId, address: governor.address };
  try {
    const start = governor.scan === undefined ? await scanStart(deps, url, governor, latest.blockNumber) : undefined;
    const scan = await scanLogs(deps.rpc, url, scanQueries(governor, voters, latest.blockNumber, start), deps.spans.get(url) ?? LOG_RANGE_BLOCKS);
    deps.spans.set(url, scan.span);
    const failure = scan.failed.values().next();
    if (failure.done !== true) throw new GovernanceReadError(failure.value);
    const cached = await proposalsOf(deps.db, key);
    const scanned = applyScan(governor, cached, voters, latest.blockNumber, start, scan.logs);
    const merged = new Map(cached.map((proposal) => [proposal.id, proposal]));
    for (const proposal of scanned.proposals) merged.set(proposal.id, proposal);
    const reading = toRead([...merged.values()]);
    const plan = {
      governor: governor.address, token: governor.token, clock: governor.clock, accounts: voters, now: latest,
      proposals: reading.map((proposal) => ({ id: BigInt(proposal.id), snapshot: BigInt(proposal.reading?.snapshot ?? proposal.voteStart) })),
    };
    const figures = readFigures(url, plan, await deps.rpc.batch(url, figureCalls(plan)));
    const at = deps.now();
    const read = withFigures(governor, reading, figures, latest, at);
    const readIds = new Set(read.map((proposal) => proposal.id));
    await updateGovernor(deps.db, key, (current) => {
      const { problem: _solved, ...rest } = current;
      return {
        ...rest, scan: scanned.scan,
        reading: { at, blockNumber: latest.blockNumber.toString(), totalSupply: figures.totalSupply.toString(), delegation: figures.delegation },
      };
    }, [...scanned.proposals.filter((proposal) => !readIds.has(proposal.id)), ...read]);
  } catch (error) {
    if (!(error instanceof JsonRpcError) && !(error instanceof GovernanceReadError)) {
      // Only the kind: an unexpected error's text could hold anything.
      console.error('governance refresh failed', error instanceof Error ? error.name : typeof error);
    }
    const problem = { message: refreshFailure(chain, error), at: deps.now() };
    await updateGovernor(deps.db, key, (current) => ({ ...current, problem }));
  }
}
