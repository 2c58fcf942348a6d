// Reading an eth_simulateV1 answer (ethereum/execution-apis, src/eth/execute.yaml and PR #484). With
// `traceTransfers: true` the node adds every native-currency movement to the call's logs as an ERC-20
// `Transfer(address,address,uint256)` log emitted by the pseudo address 0xEeee…EeeE, so one reading of
// Transfer logs gives token and native movements alike.
import { toChecksumAddress } from '../../address';

/** The pseudo emitter of native-currency transfer logs (execution-apis PR #484: "ETH transfer log sender"). */
export const NATIVE_TRANSFER_EMITTER = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
/** keccak256("Transfer(address,address,uint256)"): the ERC-20 Transfer event's topic 0. */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/** An asset whose balances a transaction moves: the native currency, or a token contract (EIP-55). */
export type PreviewAsset = { kind: 'native' } | { kind: 'token'; address: string };

/** `amount` of `asset` moves from `from` to `to` (both EIP-55). */
export interface AssetTransfer {
  asset: PreviewAsset;
  from: string;
  to: string;
  amount: bigint;
}

/** What the node says the transaction did. */
export interface SimulatedCall {
  status: 'success' | 'reverted';
  gasUsed: bigint;
  /** On a revert, the revert data (for decodeRevert). */
  returnData: string;
  transfers: AssetTransfer[];
}

/** The node's answer is not an eth_simulateV1 result of one block with one call. `message` says what is off. */
export class SimulationAnswerError extends Error {
  override readonly name = 'SimulationAnswerError';
}

const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;
const WORD = /^0x[0-9a-fA-F]{64}$/;
const HEX = /^0x([0-9a-fA-F]{2})*$/;

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SimulationAnswerError(`${what} is not an object`);
  return value as Record<string, unknown>;
}

/** The address in a 32-byte topic, when its top 12 bytes are zero (as an indexed `address` is encoded). */
function topicAddress(topic: string): string | undefined {
  if (!/^0x0{24}[0-9a-fA-F]{40}$/.test(topic)) return undefined;
  return toChecksumAddress(`0x${topic.slice(26)}`);
}

/**
 * The transfer a log records, or undefined when it is not an ERC-20-shaped Transfer: other events, and
 * ERC-721 Transfers (whose token id is a fourth topic, not 32 bytes of data), move no fungible balance.
 */
export function transferFromLog(log: unknown): AssetTransfer | undefined {
  const { address, topics, data } = record(log, 'a log');
  if (typeof address !== 'string' || !Array.isArray(topics) || typeof data !== 'string') throw new SimulationAnswerError('a log lacks address, topics or data');
  if (topics.length !== 3 || topics[0] !== TRANSFER_TOPIC || !WORD.test(data)) return undefined;
  const [, fromTopic, toTopic] = topics as unknown[];
  if (typeof fromTopic !== 'string' || typeof toTopic !== 'string') return undefined;
  const from = topicAddress(fromTopic);
  const to = topicAddress(toTopic);
  if (from === undefined || to === undefined || !/^0x[0-9a-fA-F]{40}$/.test(address)) return undefined;
  const asset: PreviewAsset = address.toLowerCase() === NATIVE_TRANSFER_EMITTER ? { kind: 'native' } : { kind: 'token', address: toChecksumAddress(address) };
  return { asset, from, to, amount: BigInt(data) };
}

/**
 * The one call of the one simulated block in `result` (the wallet asks for exactly that).
 * @throws SimulationAnswerError when `result` is not shaped as eth_simulateV1 answers.
 */
export function readSimulation(result: unknown): SimulatedCall {
  if (!Array.isArray(result) || result.length !== 1) throw new SimulationAnswerError('the answer is not a list of one simulated block');
  const { calls } = record(result[0], 'the simulated block');
  if (!Array.isArray(calls) || calls.length !== 1) throw new SimulationAnswerError('the simulated block does not hold exactly one call');
  const { status, gasUsed, returnData, logs } = record(calls[0], 'the simulated call');
  if (status !== '0x1' && status !== '0x0') throw new SimulationAnswerError('the call\'s status is neither 0x1 nor 0x0');
  if (typeof gasUsed !== 'string' || !QUANTITY.test(gasUsed)) throw new SimulationAnswerError('the call\'s gasUsed is not a quantity');
  if (typeof returnData !== 'string' || !HEX.test(returnData)) throw new SimulationAnswerError('the call\'s returnData is not hex');
  // A reverted call's logs are discarded with its state; nodes answer an empty list or none.
  const logList: unknown = logs ?? [];
  if (!Array.isArray(logList)) throw new SimulationAnswerError('the call\'s logs are not a list');
  const transfers = status === '0x1'
    ? logList.map(transferFromLog).filter((transfer): transfer is AssetTransfer => transfer !== undefined)
    : [];
  return { status: status === '0x1' ? 'success' : 'reverted', gasUsed: BigInt(gasUsed), returnData: returnData.toLowerCase(), transfers };
}
