// Reading logs over many blocks in ranges the node accepts: each query's blocks are cut into ranges of the
// current span, up to MAX_LOG_CALLS ranges go in one JSON-RPC batch, and a range the node refuses as too
// large is asked again as its two halves (down to a single block), after which the remaining ranges are cut
// at the smaller span too. While a refusal is fresh, one range is sent at a time until one is accepted, so a
// node's limit is found once per scan (a few refusals) and not once per range.
import { halves, isRangeTooLarge, logRanges, type BlockRange } from '../../core/governance/log-ranges';
import { rpcLogs, type RpcLog } from '../../core/governance/logs';
import type { BatchCall, JsonRpcClient } from '../platform/json-rpc';

/** At most this many eth_getLogs calls in one HTTP request, so one answer stays well under the client's size cap. */
export const MAX_LOG_CALLS = 20;

export interface LogQuery {
  /** Names the query in the result. */
  key: string;
  address: string;
  /** eth_getLogs topics: per position a topic, a list of alternatives, or null for any. */
  topics: (string | string[] | null)[];
  from: bigint;
  to: bigint;
}

export interface LogScan {
  /** Each query's logs, in block and log order. */
  logs: Map<string, RpcLog[]>;
  /** The queries the node would not answer, with its words; their logs are incomplete and must not be used. */
  failed: Map<string, string>;
  /** The span to start the node's next scan with: the one asked for, or smaller after the node refused ranges. */
  span: bigint;
}

interface Work {
  query: LogQuery;
  range: BlockRange;
}

const hex = (block: bigint) => `0x${block.toString(16)}`;

function logsCall(work: Work): BatchCall {
  return { method: 'eth_getLogs', params: [{ address: work.query.address, topics: work.query.topics, fromBlock: hex(work.range.from), toBlock: hex(work.range.to) }] };
}

const byPosition = (a: RpcLog, b: RpcLog) => {
  const blocks = BigInt(a.blockNumber) - BigInt(b.blockNumber);
  return blocks === 0n ? Number(BigInt(a.logIndex) - BigInt(b.logIndex)) : (blocks < 0n ? -1 : 1);
};

/**
 * Reads every query's logs from its `from` to its `to`, starting at ranges of `span` blocks.
 * @throws JsonRpcError when a whole request failed (the node is down, slow, or answered garbage).
 */
export async function scanLogs(rpc: JsonRpcClient, url: string, queries: readonly LogQuery[], span: bigint): Promise<LogScan> {
  const logs = new Map<string, RpcLog[]>(queries.map((query) => [query.key, []]));
  const failed = new Map<string, string>();
  let queue: Work[] = queries.flatMap((query) => logRanges(query.from, query.to, span).map((range) => ({ query, range })));
  let accepted = span;
  let probing = false;
  while (queue.length > 0) {
    const sent = queue.slice(0, probing ? 1 : MAX_LOG_CALLS);
    queue = queue.slice(sent.length);
    const items = await rpc.batch(url, sent.map(logsCall));
    const again: Work[] = [];
    probing = false;
    for (const [i, work] of sent.entries()) {
      const { key } = work.query;
      if (failed.has(key)) continue;
      const item = items[i];
      if (item?.ok === true) {
        const found = rpcLogs(item.result);
        if (found === undefined) failed.set(key, `the node at ${url} answered eth_getLogs with something that is not a list of logs`);
        else logs.get(key)?.push(...found);
        continue;
      }
      const error = item?.error;
      const split = error !== undefined && isRangeTooLarge(error.message) ? halves(work.range) : undefined;
      if (split === undefined) {
        failed.set(key, `the node at ${url} refused eth_getLogs for blocks ${work.range.from}–${work.range.to}: ${error?.message ?? 'no answer'}`);
        continue;
      }
      probing = true;
      const size = split[0].to - split[0].from + 1n;
      if (size < accepted) accepted = size;
      again.push(...split.map((range) => ({ query: work.query, range })));
    }
    // Ranges still waiting that are larger than the node accepts are cut at the smaller span now.
    queue = [...again, ...queue].filter((work) => !failed.has(work.query.key)).flatMap((work) =>
      work.range.to - work.range.from + 1n > accepted ? logRanges(work.range.from, work.range.to, accepted).map((range) => ({ query: work.query, range })) : [work]);
  }
  for (const key of failed.keys()) logs.delete(key);
  for (const found of logs.values()) found.sort(byPosition);
  return { logs, failed, span: accepted };
}
