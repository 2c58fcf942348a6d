// Reading logs in ranges a node accepts, against a fake node that refuses large ranges as real providers do.
import { describe, expect, it } from 'vitest';
import { JsonRpcError, JsonRpcTransportError, type BatchCall, type BatchItem, type JsonRpcClient } from '../../../src/background/platform/json-rpc';
import { MAX_LOG_CALLS, scanLogs, type LogQuery } from '../../../src/background/services/governance-log-scan';

interface Filter { address: string; fromBlock: string; toBlock: string }

/** A node that answers one log per block of every range up to `maxBlocks` long, and refuses larger ones. */
function fakeNode(maxBlocks: bigint, refusal = 'query returned more than 10000 results') {
  const node = {
    requests: 0,
    ranges: [] as { from: bigint; to: bigint }[],
    client: {
      request: () => Promise.reject(new Error('not used')),
      batch(_url: string, calls: readonly BatchCall[]): Promise<BatchItem[]> {
        node.requests += 1;
        return Promise.resolve(calls.map((call): BatchItem => {
          const filter = call.params?.[0] as Filter;
          const from = BigInt(filter.fromBlock);
          const to = BigInt(filter.toBlock);
          node.ranges.push({ from, to });
          if (to - from + 1n > maxBlocks) return { ok: false, error: new JsonRpcError(-32005, refusal) };
          const logs = [];
          for (let block = to; block >= from; block--) {
            logs.push({ address: filter.address, topics: [], data: '0x', blockNumber: `0x${block.toString(16)}`, logIndex: '0x0' });
          }
          return { ok: true, result: logs };
        }));
      },
    } satisfies JsonRpcClient,
  };
  return node;
}

const query = (key: string, from: bigint, to: bigint): LogQuery => ({ key, address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', topics: [], from, to });
const blocksOf = (logs: { blockNumber: string }[] | undefined) => (logs ?? []).map((log) => BigInt(log.blockNumber));

describe('scanning logs in ranges a node accepts', () => {
  it('reads every block once, in order, in ranges of the span, several ranges per request', async () => {
    const node = fakeNode(10_000n);
    const scan = await scanLogs(node.client, 'http://node.test', [query('a', 0n, 24_999n)], 10_000n);
    expect(node.requests).toBe(1);
    expect(node.ranges).toEqual([{ from: 0n, to: 9_999n }, { from: 10_000n, to: 19_999n }, { from: 20_000n, to: 24_999n }]);
    expect(blocksOf(scan.logs.get('a'))).toEqual(Array.from({ length: 25_000 }, (_, i) => BigInt(i)));
    expect(scan.failed.size).toBe(0);
  });

  it('asks for the halves of a range refused as too large, then cuts the rest at the accepted span', async () => {
    const node = fakeNode(1_000n);
    const scan = await scanLogs(node.client, 'http://node.test', [query('a', 1n, 30_000n)], 10_000n);
    expect(scan.failed.size).toBe(0);
    expect(blocksOf(scan.logs.get('a'))).toEqual(Array.from({ length: 30_000 }, (_, i) => BigInt(i + 1)));
    expect(scan.span).toBeLessThanOrEqual(1_000n);
    // The limit is found once: far fewer refusals than halving every 10,000-block range down to 1,000.
    const refused = node.ranges.filter((range) => range.to - range.from + 1n > 1_000n);
    expect(refused.length).toBeLessThanOrEqual(6);
    expect(node.ranges.every((range, i) => i === 0 || range.to - range.from < 10_000n)).toBe(true);
  });

  it('keeps at most MAX_LOG_CALLS calls in one request', async () => {
    const node = fakeNode(100n);
    await scanLogs(node.client, 'http://node.test', [query('a', 0n, 9_999n), query('b', 0n, 9_999n)], 100n);
    expect(node.requests).toBe(Math.ceil(200 / MAX_LOG_CALLS));
  });

  it('gives up on a query that a single block is too large for, and names it, keeping the others', async () => {
    const node = fakeNode(0n);
    const scan = await scanLogs(node.client, 'http://node.test', [query('a', 5n, 8n)], 10n);
    expect(scan.logs.has('a')).toBe(false);
    expect(scan.failed.get('a')).toMatch(/^the node at http:\/\/node\.test refused eth_getLogs for blocks 5–5: query returned more than 10000 results$/);
  });

  it('does not split a range the node refused for another reason', async () => {
    const node = fakeNode(0n, 'daily request count exceeded, request rate limited');
    const scan = await scanLogs(node.client, 'http://node.test', [query('a', 0n, 99n)], 100n);
    expect(node.ranges).toHaveLength(1);
    expect(scan.failed.get('a')).toContain('rate limited');
  });

  it('lets a failed request fail the scan', async () => {
    const down: JsonRpcClient = {
      request: () => Promise.reject(new Error('not used')),
      batch: () => Promise.reject(new JsonRpcTransportError('unreachable', 'the node at http://node.test could not be reached')),
    };
    await expect(scanLogs(down, 'http://node.test', [query('a', 0n, 9n)], 10n)).rejects.toThrow('could not be reached');
  });
});
