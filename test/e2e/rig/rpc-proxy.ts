// A JSON-RPC proxy in front of a real node, whose behaviour a test switches: pass everything through,
// be down (connections dropped), be slow (answer after a delay), or answer garbage. The wallet is given the
// proxy's URL, so the test can break "the network" without touching the node or the wallet. It keeps
// every request's body and Origin header, so a test can see what a site's node was asked about, and by whom.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyMode =
  | { kind: 'pass' }
  | { kind: 'down' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'garbage' }
  /** Passes everything through but answers every eth_getTransactionCount with 1: "every address is used". */
  | { kind: 'every-address-used' }
  /** Passes everything through but answers every call of `method` as a node without it: -32601 "method not found". */
  | { kind: 'without-method'; method: string };

export interface ReceivedRequest {
  origin: string | undefined;
  body: string;
}

export interface RpcProxy {
  /** http://127.0.0.1:PORT/ */
  url: string;
  setMode(mode: ProxyMode): void;
  /** How many HTTP requests reached the proxy so far. */
  readonly requests: number;
  /** Every request so far: its Origin header (a page's; the extension's or none for the wallet) and body. */
  readonly received: readonly ReceivedRequest[];
  close(): Promise<void>;
}

/** CORS as anvil answers it: extension pages and workers fetch the node cross-origin. */
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST, OPTIONS' };

function forward(req: IncomingMessage, body: Buffer, res: ServerResponse, target: URL): void {
  const upstream = httpRequest(target, { method: req.method, headers: { 'content-type': 'application/json' } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, { ...CORS, 'content-type': 'application/json' });
    answer.pipe(res);
  });
  upstream.on('error', () => { res.destroy(); });
  upstream.end(body);
}

interface RpcAnswer { id?: unknown; result?: unknown }

/**
 * Forwards `body`, then answers 0x1 to each of its eth_getTransactionCount calls in the node's answer
 * (matched by id), so every address looks used to the wallet.
 */
function forwardEveryAddressUsed(req: IncomingMessage, body: Buffer, res: ServerResponse, target: URL): void {
  const sent = JSON.parse(body.toString('utf8')) as { id?: unknown; method?: unknown } | { id?: unknown; method?: unknown }[];
  const nonceIds = new Set((Array.isArray(sent) ? sent : [sent]).filter((call) => call.method === 'eth_getTransactionCount').map((call) => call.id));
  const upstream = httpRequest(target, { method: req.method, headers: { 'content-type': 'application/json' } }, (answer) => {
    void readBody(answer).then((raw) => {
      const parsed = JSON.parse(raw.toString('utf8')) as RpcAnswer | RpcAnswer[];
      const rewrite = (item: RpcAnswer): RpcAnswer => (nonceIds.has(item.id) ? { ...item, result: '0x1' } : item);
      const json = Array.isArray(parsed) ? parsed.map(rewrite) : rewrite(parsed);
      res.writeHead(answer.statusCode ?? 502, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(json));
    }, () => { res.destroy(); });
  });
  upstream.on('error', () => { res.destroy(); });
  upstream.end(body);
}

interface RpcCall { id?: unknown; method?: unknown }

/**
 * Forwards `body` without its calls of `method`, which get go-ethereum's answer for a method it does not
 * have (JSON-RPC 2.0 -32601) instead, in place in a batch.
 */
function forwardWithoutMethod(req: IncomingMessage, body: Buffer, res: ServerResponse, target: URL, method: string): void {
  const sent = JSON.parse(body.toString('utf8')) as RpcCall | RpcCall[];
  const calls = Array.isArray(sent) ? sent : [sent];
  const refused = calls.filter((call) => call.method === method).map((call) => ({
    jsonrpc: '2.0', id: call.id, error: { code: -32601, message: `the method ${method} does not exist/is not available` },
  }));
  const passed = calls.filter((call) => call.method !== method);
  const reply = (json: unknown) => { res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify(json)); };
  if (passed.length === 0) {
    reply(Array.isArray(sent) ? refused : refused[0]);
    return;
  }
  const upstream = httpRequest(target, { method: req.method, headers: { 'content-type': 'application/json' } }, (answer) => {
    void readBody(answer).then((raw) => {
      const parsed = JSON.parse(raw.toString('utf8')) as RpcAnswer | RpcAnswer[];
      reply(Array.isArray(sent) ? [...(Array.isArray(parsed) ? parsed : [parsed]), ...refused] : parsed);
    }, () => { res.destroy(); });
  });
  upstream.on('error', () => { res.destroy(); });
  upstream.end(JSON.stringify(Array.isArray(sent) ? passed : passed[0]));
}

/** The whole body of `req` (the proxy keeps it, then forwards it). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  // Also reads a node's answer (an IncomingMessage too).
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => { chunks.push(chunk); });
    req.on('end', () => { resolve(Buffer.concat(chunks)); });
    req.on('error', reject);
  });
}

export async function startRpcProxy(nodeUrl: string): Promise<RpcProxy> {
  const target = new URL(nodeUrl);
  let mode: ProxyMode = { kind: 'pass' };
  let requests = 0;
  const received: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    requests += 1;
    const current = mode;
    void readBody(req).then((body) => {
      received.push({ origin: req.headers.origin, body: body.toString('utf8') });
      switch (current.kind) {
        case 'pass':
          forward(req, body, res, target);
          return;
        case 'down':
          req.socket.destroy();
          return;
        case 'slow': {
          const timer = setTimeout(() => { timers.delete(timer); forward(req, body, res, target); }, current.delayMs);
          timers.add(timer);
          return;
        }
        case 'every-address-used':
          forwardEveryAddressUsed(req, body, res, target);
          return;
        case 'without-method':
          forwardWithoutMethod(req, body, res, target, current.method);
          return;
        case 'garbage':
          res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{"jsonrpc":"2.0","id":1,"result":"0xnot-hex"}<html>');
          return;
      }
    }, () => { res.destroy(); });
  });
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setMode(next) { mode = next; },
    get requests() { return requests; },
    get received() { return received; },
    close: () => new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => { resolve(); });
    }),
  };
}
