// A JSON-RPC proxy in front of a node that refuses eth_getLogs over more than `maxBlocks` blocks the way a
// hosted provider does: Alchemy answers such a range with code -32602 and "Log response size exceeded. You
// can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can
// request any block range with a cap of 10K logs in the response." (its free tier's limit, worded the same).
// Everything else is forwarded to the node as it came, batches included.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Call {
  jsonrpc: '2.0';
  id: number | string;
  method: string;
  params?: unknown[];
}

export interface RefusingProxy {
  url: string;
  /** eth_getLogs calls refused as too large. */
  refused: number;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(call: Call, maxBlocks: number): boolean {
  if (call.method !== 'eth_getLogs') return false;
  const filter = call.params?.[0] as { fromBlock?: string; toBlock?: string } | undefined;
  if (filter?.fromBlock === undefined || filter.toBlock === undefined) return false;
  return BigInt(filter.toBlock) - BigInt(filter.fromBlock) + 1n > BigInt(maxBlocks);
}

/** Starts the proxy on a free loopback port in front of `nodeUrl`. */
export async function startRefusingProxy(nodeUrl: string, maxBlocks: number): Promise<RefusingProxy> {
  const proxy: RefusingProxy = { url: '', refused: 0, close: () => Promise.resolve() };
  const refusal = (call: Call) => ({
    jsonrpc: '2.0', id: call.id,
    error: {
      code: -32602,
      message: `Log response size exceeded. You can make eth_getLogs requests with up to a ${maxBlocks} block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.`,
    },
  });
  const server = createServer((request, response) => {
    void (async () => {
      const parsed = JSON.parse(await bodyOf(request)) as Call | Call[];
      const calls = Array.isArray(parsed) ? parsed : [parsed];
      const refusedCalls = calls.filter((call) => tooLarge(call, maxBlocks));
      proxy.refused += refusedCalls.length;
      const forwarded = calls.filter((call) => !tooLarge(call, maxBlocks));
      const answers: unknown[] = forwarded.length === 0 ? [] : await fetch(nodeUrl, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forwarded),
      }).then((answer) => answer.json() as Promise<unknown[]>);
      const all = [...answers, ...refusedCalls.map(refusal)];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(Array.isArray(parsed) ? all : all[0]));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => new Promise((resolve) => { server.close(() => { resolve(); }); });
  return proxy;
}
