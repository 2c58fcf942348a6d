// Decoding the logs the voting centre reads (eth_getLogs answers) into plain records. A log that does not
// decode as its event (another contract's event under the same topic, a malformed answer) is left out.
import { decodeEventLog, type Hex } from 'viem';
import { toChecksumAddress } from '../address';
import { GOVERNOR_EVENTS_ABI, GOVERNOR_TOPICS } from './governor-abi';

/** What a log in an eth_getLogs answer is made of, as far as decoding needs it. */
export interface RpcLog {
  address: string;
  topics: string[];
  data: string;
  blockNumber: string;
  logIndex: string;
}

export interface CreatedProposal {
  id: bigint;
  proposer: string;
  voteStart: bigint;
  voteEnd: bigint;
  description: string;
  /** Where it was logged, for ordering (newest first) and to tell two logs apart. */
  blockNumber: bigint;
  logIndex: number;
}

export type VoteSupport = 'against' | 'for' | 'abstain';

export interface CastVote {
  voter: string;
  proposalId: bigint;
  support: VoteSupport;
  weight: bigint;
  reason: string;
  blockNumber: bigint;
  logIndex: number;
}

export interface DelegateVotes {
  delegate: string;
  newVotes: bigint;
  blockNumber: bigint;
  logIndex: number;
}

/** GovernorCountingSimple's VoteType: 0 Against, 1 For, 2 Abstain. */
const SUPPORT: readonly VoteSupport[] = ['against', 'for', 'abstain'];

const QUANTITY = /^0x[0-9a-fA-F]{1,16}$/;

function isRpcLog(value: unknown): value is RpcLog {
  if (typeof value !== 'object' || value === null) return false;
  const { address, topics, data, blockNumber, logIndex } = value as Partial<Record<keyof RpcLog, unknown>>;
  return typeof address === 'string' && Array.isArray(topics) && topics.every((topic) => typeof topic === 'string')
    && typeof data === 'string' && typeof blockNumber === 'string' && QUANTITY.test(blockNumber)
    && typeof logIndex === 'string' && QUANTITY.test(logIndex);
}

/** The logs of an eth_getLogs answer; undefined when the answer is not a list of logs. */
export function rpcLogs(answer: unknown): RpcLog[] | undefined {
  return Array.isArray(answer) && answer.every(isRpcLog) ? answer : undefined;
}

function decoded(log: RpcLog) {
  try {
    return decodeEventLog({ abi: GOVERNOR_EVENTS_ABI, topics: log.topics as [Hex, ...Hex[]], data: log.data as Hex, strict: true });
  } catch {
    return undefined;
  }
}

const position = (log: RpcLog) => ({ blockNumber: BigInt(log.blockNumber), logIndex: Number(BigInt(log.logIndex)) });

/** The proposals among `logs` (ProposalCreated), in the order given. */
export function createdProposals(logs: readonly RpcLog[]): CreatedProposal[] {
  return logs.flatMap((log) => {
    if (log.topics[0] !== GOVERNOR_TOPICS.ProposalCreated) return [];
    const event = decoded(log);
    if (event?.eventName !== 'ProposalCreated') return [];
    const { proposalId, proposer, voteStart, voteEnd, description } = event.args;
    return [{ id: proposalId, proposer: toChecksumAddress(proposer), voteStart, voteEnd, description, ...position(log) }];
  });
}

/** The votes among `logs` (VoteCast and VoteCastWithParams), in the order given. */
export function castVotes(logs: readonly RpcLog[]): CastVote[] {
  return logs.flatMap((log) => {
    const event = decoded(log);
    if (event?.eventName !== 'VoteCast' && event?.eventName !== 'VoteCastWithParams') return [];
    const { voter, proposalId, support, weight, reason } = event.args;
    const choice = SUPPORT[support];
    if (choice === undefined) return [];
    return [{ voter: toChecksumAddress(voter), proposalId, support: choice, weight, reason, ...position(log) }];
  });
}

/** Each delegate's votes after each change among `logs` (DelegateVotesChanged), in the order given. */
export function delegateVotesChanges(logs: readonly RpcLog[]): DelegateVotes[] {
  return logs.flatMap((log) => {
    const event = decoded(log);
    if (event?.eventName !== 'DelegateVotesChanged') return [];
    return [{ delegate: toChecksumAddress(event.args.delegate), newVotes: event.args.newVotes, ...position(log) }];
  });
}
