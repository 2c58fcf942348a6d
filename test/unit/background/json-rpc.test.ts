import { describe, expect, it } from 'vitest';
import { createJsonRpcClient, type Fetch } from '../../../src/background/platform/json-rpc';

function fakeFetch(answer: (body: { method: string }) => { ok?: boolean; status?: number; json: unknown } | 'hang' | 'refuse'): Fetch {
  return (_url, init) => new Promise((resolve, reject) => {
    const outcome = answer(JSON.parse(init.body) as { method: string });
    init.signal.addEventListener('abort', () => { reject(new Error('aborted')); });
    if (outcome === 'hang') return;
    if (outcome === 'refuse') { reject(new TypeError('fetch failed')); return; }
    resolve({ ok: outcome.ok ?? true, status: outcome.status ?? 200, json: () => Promise.resolve(outcome.json) });
  });
}

describe('JSON-RPC client', () => {
  it('returns the result of a call', async () => {
    const rpc = createJsonRpcClient(fakeFetch((body) => ({ json: { jsonrpc: '2.0', id: 1, result: body.method === 'eth_chainId' ? '0x7a69' : null } })));
    expect(await rpc.request('http://127.0.0.1:8545', 'eth_chainId')).toBe('0x7a69');
  });

  it('keeps the node\'s error code and message', async () => {
    const rpc = createJsonRpcClient(fakeFetch(() => ({ json: { jsonrpc: '2.0', id: 1, error: { code: 3, message: 'execution reverted', data: '0x08c379a0' } } })));
    await expect(rpc.request('http://n', 'eth_call')).rejects.toMatchObject({ code: 3, message: 'execution reverted', data: '0x08c379a0' });
  });

  it('gives up on a node that does not answer within the timeout', async () => {
    const rpc = createJsonRpcClient(fakeFetch(() => 'hang'), 50);
    await expect(rpc.request('http://slow', 'eth_blockNumber')).rejects.toMatchObject({ code: -32603, message: 'the node at http://slow did not answer within 50 ms' });
  });

  it('says clearly when the node is down, answers HTTP errors or garbage', async () => {
    await expect(createJsonRpcClient(fakeFetch(() => 'refuse')).request('http://down', 'x')).rejects.toMatchObject({ message: 'the node at http://down could not be reached' });
    await expect(createJsonRpcClient(fakeFetch(() => ({ ok: false, status: 502, json: {} }))).request('http://n', 'x')).rejects.toMatchObject({ message: /answered HTTP 502/ });
    await expect(createJsonRpcClient(fakeFetch(() => ({ json: 'not json-rpc' }))).request('http://n', 'x')).rejects.toMatchObject({ message: /not JSON-RPC/ });
    await expect(createJsonRpcClient(fakeFetch(() => ({ json: { jsonrpc: '2.0', id: 1 } }))).request('http://n', 'x')).rejects.toMatchObject({ message: /without a result/ });
  });
});
