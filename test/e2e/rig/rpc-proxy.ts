// A JSON-RPC proxy in front of a real node, whose behaviour a test switches: pass everything through,
// be down (connections dropped), be slow (answer after a delay), or answer garbage. The wallet is given the
// proxy's URL, so the test can break "the network" without touching the node or the wallet.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyMode =
  | { kind: 'pass' }
  | { kind: 'down' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'garbage' };

export interface RpcProxy {
  /** http://127.0.0.1:PORT/ */
  url: string;
  setMode(mode: ProxyMode): void;
  /** How many HTTP requests reached the proxy so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/** CORS as anvil answers it: extension pages and workers fetch the node cross-origin. */
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST, OPTIONS' };

function forward(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = httpRequest(target, { method: req.method, headers: { 'content-type': 'application/json' } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...CORS, 'content-type': 'application/json' });
    answer.pipe(res);
  });
  upstream.on('error', () => { res.destroy(); });
  req.pipe(upstream);
}

export async function startRpcProxy(nodeUrl: string): Promise<RpcProxy> {
  const target = new URL(nodeUrl);
  let mode: ProxyMode = { kind: 'pass' };
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    requests += 1;
    switch (mode.kind) {
      case 'pass':
        forward(req, res, target);
        return;
      case 'down':
        req.socket.destroy();
        return;
      case 'slow': {
        const timer = setTimeout(() => { timers.delete(timer); forward(req, res, target); }, mode.delayMs);
        timers.add(timer);
        return;
      }
      case 'garbage':
        req.resume();
        res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"result":"0xnot-hex"}<html>');
        return;
    }
  });
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setMode(next) { mode = next; },
    get requests() { return requests; },
    close: () => new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => { resolve(); });
    }),
  };
}
