// A server on 127.0.0.1 whose every JSON-RPC answer carries a secret, counting every HTTP request it gets
// (preflights included): a page must neither reach it through the wallet before the user approved, nor
// learn its words. It sends CORS headers, so the wallet can read its answer once it may contact it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** HTTP requests received so far (any method). */
  readonly requests: number;
  close(): Promise<void>;
}

const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'POST, OPTIONS' };

export async function startSecretServer(secret: string): Promise<SecretServer> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    req.resume();
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      return;
    }
    res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32000, message: `forbidden: ${secret}` }, result: secret }));
  });
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get requests() { return requests; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
}
