// One JSON-RPC batch per governor and refresh, pinned to the latest block: each shown proposal's state,
// snapshot, deadline and tally, and per account whether it voted and its weight at the snapshot; the
// token's supply and each account's balance, votes and delegate; and an older block, to estimate the
// chain's pace for a block clock. Pure: the service sends the calls.
import { toChecksumAddress } from '../../core';
import type { ChainNow } from '../../core/governance/clock';
import { proposalState, ProposalStateError, type ProposalState } from '../../core/governance/proposal-state';
import type { BatchCall, BatchItem } from '../platform/json-rpc';
import type { StoredDelegation } from '../storage/governance-schema';
import { asAddress, asBigint, GovernanceReadError, governorAnswer, governorCall, tokenAnswer, tokenCall } from './governance-calls';

/** The blocks back from the latest whose time gives the chain's pace. */
export const PACE_SAMPLE_BLOCKS = 1_000n;

export interface ReadPlan {
  governor: string;
  token: string;
  clock: 'blocknumber' | 'timestamp';
  /** The proposals to read, by id, with the snapshot their log (or an earlier read) gave. */
  proposals: readonly { id: bigint; snapshot: bigint }[];
  accounts: readonly string[];
  now: ChainNow;
}

export interface ProposalFigures {
  id: bigint;
  state: ProposalState;
  snapshot: bigint;
  deadline: bigint;
  tally: { against: bigint; for: bigint; abstain: bigint };
  accounts: { account: string; weight: bigint; voted: boolean }[];
}

export interface GovernorFigures {
  totalSupply: bigint;
  delegation: StoredDelegation[];
  proposals: ProposalFigures[];
  /** The older block's number and time, when the node gave it. */
  earlier?: ChainNow;
}

/** The clock's value at the pinned block: a snapshot before it can be asked about (ERC-5805 getPastVotes). */
export const clockNow = (plan: Pick<ReadPlan, 'clock' | 'now'>) => (plan.clock === 'timestamp' ? plan.now.timestamp : plan.now.blockNumber);

const pastSnapshot = (plan: ReadPlan, snapshot: bigint) => snapshot < clockNow(plan);

/** The calls of `plan`, in the order readFigures expects their answers. */
export function figureCalls(plan: ReadPlan): BatchCall[] {
  const block = `0x${plan.now.blockNumber.toString(16)}`;
  const earlier = plan.now.blockNumber > PACE_SAMPLE_BLOCKS ? plan.now.blockNumber - PACE_SAMPLE_BLOCKS : 0n;
  const { governor, token } = plan;
  return [
    { method: 'eth_getBlockByNumber', params: [`0x${earlier.toString(16)}`, false] },
    tokenCall(token, block, 'totalSupply'),
    ...plan.accounts.flatMap((account) => [
      tokenCall(token, block, 'balanceOf', [account]), tokenCall(token, block, 'getVotes', [account]), tokenCall(token, block, 'delegates', [account]),
    ]),
    ...plan.proposals.flatMap(({ id, snapshot }) => [
      governorCall(governor, block, 'state', [id]),
      governorCall(governor, block, 'proposalSnapshot', [id]),
      governorCall(governor, block, 'proposalDeadline', [id]),
      governorCall(governor, block, 'proposalVotes', [id]),
      ...plan.accounts.flatMap((account) => [
        governorCall(governor, block, 'hasVoted', [id, account]),
        // Before the snapshot has passed, the weight it will count is not fixed: the account's votes now.
        ...(pastSnapshot(plan, snapshot) ? [governorCall(governor, block, 'getVotes', [account, snapshot])] : []),
      ]),
    ]),
  ];
}

function blockAnswer(item: BatchItem | undefined): ChainNow | undefined {
  if (item?.ok !== true || typeof item.result !== 'object' || item.result === null) return undefined;
  const { number, timestamp } = item.result as { number?: unknown; timestamp?: unknown };
  const quantity = /^0x[0-9a-fA-F]{1,16}$/;
  if (typeof number !== 'string' || typeof timestamp !== 'string' || !quantity.test(number) || !quantity.test(timestamp)) return undefined;
  return { blockNumber: BigInt(number), timestamp: BigInt(timestamp) };
}

/**
 * The figures in the answers to figureCalls(plan).
 * @throws GovernanceReadError when the node failed or a contract answered something that is not what it must answer.
 */
export function readFigures(url: string, plan: ReadPlan, items: readonly BatchItem[]): GovernorFigures {
  let next = 0;
  const take = () => items[next++];
  const required = <T>(value: T | undefined, contract: string, fn: string): T => {
    if (value === undefined) throw new GovernanceReadError(`the contract at ${contract} answered ${fn} with something it must not answer`);
    return value;
  };
  const fromToken = <T>(value: T | undefined, fn: string) => required(value, plan.token, fn);
  const fromGovernor = <T>(value: T | undefined, fn: string) => required(value, plan.governor, fn);
  const earlier = blockAnswer(take());
  const totalSupply = fromToken(asBigint(tokenAnswer('totalSupply', take(), url)), 'totalSupply()');
  const delegation = plan.accounts.map((account): StoredDelegation => {
    const balance = fromToken(asBigint(tokenAnswer('balanceOf', take(), url)), 'balanceOf()');
    const votes = fromToken(asBigint(tokenAnswer('getVotes', take(), url)), 'getVotes()');
    const delegate = fromToken(asAddress(tokenAnswer('delegates', take(), url)), 'delegates()');
    return { account, balance: balance.toString(), votes: votes.toString(), delegate: BigInt(delegate) === 0n ? null : toChecksumAddress(delegate) };
  });
  const proposals = plan.proposals.map(({ id, snapshot: known }): ProposalFigures => {
    const stateAnswer = fromGovernor(governorAnswer('state', take(), url), `state(${id})`);
    let state: ProposalState;
    try {
      state = proposalState(typeof stateAnswer === 'number' ? stateAnswer : -1);
    } catch (error) {
      if (error instanceof ProposalStateError) throw new GovernanceReadError(`the governor ${plan.governor} answered state(${id}) with ${error.message}`);
      throw error;
    }
    const snapshot = fromGovernor(asBigint(governorAnswer('proposalSnapshot', take(), url)), `proposalSnapshot(${id})`);
    const deadline = fromGovernor(asBigint(governorAnswer('proposalDeadline', take(), url)), `proposalDeadline(${id})`);
    const votes = fromGovernor(governorAnswer('proposalVotes', take(), url), `proposalVotes(${id})`);
    const [against, inFavour, abstain] = Array.isArray(votes) ? votes.map(asBigint) : [];
    const tally = { against: fromGovernor(against, `proposalVotes(${id})`), for: fromGovernor(inFavour, `proposalVotes(${id})`), abstain: fromGovernor(abstain, `proposalVotes(${id})`) };
    const accounts = plan.accounts.map((account, a) => {
      const voted = fromGovernor(governorAnswer('hasVoted', take(), url), `hasVoted(${id})`);
      const weight = pastSnapshot(plan, known)
        ? fromGovernor(asBigint(governorAnswer('getVotes', take(), url)), `getVotes(account, ${known})`)
        : BigInt(delegation[a]?.votes ?? '0');
      return { account, weight, voted: voted === true };
    });
    return { id, state, snapshot, deadline, tally, accounts };
  });
  return { totalSupply, delegation, proposals, ...(earlier === undefined ? {} : { earlier }) };
}
