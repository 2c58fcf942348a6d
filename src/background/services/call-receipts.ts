// The receipts of a batch's mined transactions in EIP-5792's shape (a strict subset of
// eth_getTransactionReceipt's), read from the batch's network in one JSON-RPC batch and put in the order
// they were included on chain.
import type { CallsReceipt } from '../../protocol/dapp-methods';
import { JsonRpcError, type JsonRpcClient } from '../platform/json-rpc';
import { notJsonRpc } from '../platform/json-rpc-errors';

type Hex = `0x${string}`;

const QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DATA = /^0x([0-9a-fA-F]{2})*$/;

function matches(pattern: RegExp, value: unknown): value is Hex {
  return typeof value === 'string' && pattern.test(value);
}

interface Ordered {
  receipt: CallsReceipt;
  blockNumber: bigint;
  index: bigint;
}

/** One receipt as EIP-5792 gives it; undefined when the node's answer is not a receipt of `hash`. */
function callsReceipt(hash: string, answer: unknown): Ordered | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const { logs, status, blockHash, blockNumber, gasUsed, transactionHash, transactionIndex } = answer as Record<string, unknown>;
  if (!matches(QUANTITY, status) || !matches(HASH, blockHash) || !matches(QUANTITY, blockNumber) || !matches(QUANTITY, gasUsed)
    || !matches(QUANTITY, transactionIndex) || !matches(HASH, transactionHash) || transactionHash.toLowerCase() !== hash.toLowerCase() || !Array.isArray(logs)) {
    return undefined;
  }
  const readLogs: CallsReceipt['logs'] = [];
  const logList: unknown[] = logs;
  for (const log of logList) {
    const { address, data, topics } = (typeof log === 'object' && log !== null ? log : {}) as Record<string, unknown>;
    if (!matches(ADDRESS, address) || !matches(DATA, data) || !Array.isArray(topics) || !topics.every((topic) => matches(HASH, topic))) return undefined;
    readLogs.push({ address, data, topics });
  }
  return {
    receipt: { logs: readLogs, status, blockHash, blockNumber, gasUsed, transactionHash },
    blockNumber: BigInt(blockNumber),
    index: BigInt(transactionIndex),
  };
}

/**
 * The receipts of `hashes` (transactions the wallet's records say were mined), in on-chain order. A receipt
 * the node no longer has (the block was reorganised away) is left out until the node has one again.
 * @throws JsonRpcError when the node cannot be reached, refuses, or answers something that is not a receipt.
 */
export async function readCallReceipts(rpc: JsonRpcClient, rpcUrl: string, hashes: readonly string[]): Promise<CallsReceipt[]> {
  if (hashes.length === 0) return [];
  const items = await rpc.batch(rpcUrl, hashes.map((hash) => ({ method: 'eth_getTransactionReceipt', params: [hash] })));
  const ordered: Ordered[] = [];
  hashes.forEach((hash, i) => {
    const item = items[i];
    if (item === undefined || !item.ok) throw item?.error ?? new JsonRpcError(-32603, 'no answer for a receipt');
    if (item.result === null) return;
    const read = callsReceipt(hash, item.result);
    if (read === undefined) throw notJsonRpc(rpcUrl, 'eth_getTransactionReceipt answered something that is not a receipt');
    ordered.push(read);
  });
  ordered.sort((a, b) => (a.blockNumber === b.blockNumber ? Number(a.index - b.index) : a.blockNumber < b.blockNumber ? -1 : 1));
  return ordered.map((entry) => entry.receipt);
}
