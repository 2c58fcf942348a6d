import { describe, expect, it } from 'vitest';
import { createJsonRpcClient, MAX_RESPONSE_BYTES, type Fetch } from '../../../src/background/platform/json-rpc';

/** A fetch Response whose body is `json` as text. */
const answerWith = (json: unknown, status = 200) => new Response(JSON.stringify(json), { status });

function fakeFetch(answer: (body: { method: string }) => { ok?: boolean; status?: number; json: unknown } | 'hang' | 'refuse'): Fetch {
  return (_url, init) => new Promise((resolve, reject) => {
    const outcome = answer(JSON.parse(init.body) as { method: string });
    init.signal.addEventListener('abort', () => { reject(new Error('aborted')); });
    if (outcome === 'hang') return;
    if (outcome === 'refuse') { reject(new TypeError('fetch failed')); return; }
    resolve(answerWith(outcome.json, outcome.ok === false ? outcome.status ?? 500 : outcome.status ?? 200));
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

describe('JSON-RPC client limits', () => {
  it('tells the browser not to cache what it reads (cache: no-store)', async () => {
    const seen: string[] = [];
    const rpc = createJsonRpcClient((_url, init) => {
      seen.push(init.cache);
      return Promise.resolve(answerWith({ jsonrpc: '2.0', id: 1, result: '0x1' }));
    });
    await rpc.request('http://n', 'eth_chainId');
    await rpc.batch('http://n', [{ method: 'eth_blockNumber' }]).catch(() => undefined);
    expect(seen).toEqual(['no-store', 'no-store']);
  });

  it('stops reading an answer larger than the cap and says so, without parsing it', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'f'.repeat(1022)}"`);
    // An endless body: only a reader that stops at the cap gets an answer.
    const endless = () => new ReadableStream<Uint8Array>({ pull(controller) { pulled += 1; controller.enqueue(chunk); } });
    const rpc = createJsonRpcClient(() => Promise.resolve(new Response(endless())), 10_000, 64 * 1024);
    await expect(rpc.request('http://huge', 'eth_chainId')).rejects.toMatchObject({
      code: -32603, failure: 'garbage', message: 'the node at http://huge answered more than 65536 bytes',
    });
    expect(pulled).toBeLessThanOrEqual(66);
    await expect(rpc.batch('http://huge', [{ method: 'eth_blockNumber' }])).rejects.toMatchObject({ failure: 'garbage' });
  });

  it('caps answers at 8 MB by default and reads an answer just under the cap', async () => {
    expect(MAX_RESPONSE_BYTES).toBe(8 * 1024 * 1024);
    const result = `0x${'ab'.repeat(1000)}`;
    const rpc = createJsonRpcClient(() => Promise.resolve(answerWith({ jsonrpc: '2.0', id: 1, result })), 10_000, 2100);
    expect(await rpc.request('http://n', 'eth_call')).toBe(result);
    const over = createJsonRpcClient(() => Promise.resolve(new Response(`{"result":"${'0'.repeat(MAX_RESPONSE_BYTES)}"}`)));
    await expect(over.request('http://n', 'eth_call')).rejects.toMatchObject({ failure: 'garbage', message: /more than 8388608 bytes/ });
  });
});

describe('JSON-RPC batch', () => {
  const calls = [{ method: 'eth_blockNumber' }, { method: 'eth_call', params: [{}, 'latest'] }, { method: 'eth_chainId' }];
  type Sent = { id: number; method: string }[];

  /** A node that answers a batch with `answer(sent)`; it records each request. */
  function batchNode(answer: (sent: Sent) => unknown, requests: Sent[] = []) {
    const fetchFn: Fetch = (_url, init) => {
      const sent = JSON.parse(init.body) as Sent;
      requests.push(sent);
      return Promise.resolve(answerWith(answer(sent)));
    };
    return createJsonRpcClient(fetchFn);
  }

  it('sends every call in one request and returns the answers in call order, whatever order the node used', async () => {
    const requests: Sent[] = [];
    const rpc = batchNode((sent) => sent.map((call) => ({ jsonrpc: '2.0', id: call.id, result: call.method })).reverse(), requests);
    expect(await rpc.batch('http://n', calls)).toEqual([
      { ok: true, result: 'eth_blockNumber' }, { ok: true, result: 'eth_call' }, { ok: true, result: 'eth_chainId' },
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.map((call) => call.method)).toEqual(['eth_blockNumber', 'eth_call', 'eth_chainId']);
    expect(new Set(requests[0]?.map((call) => call.id)).size).toBe(3);
  });

  it('keeps a refused call\'s error with that call only', async () => {
    const rpc = batchNode((sent) => sent.map((call) => (call.method === 'eth_call'
      ? { jsonrpc: '2.0', id: call.id, error: { code: 3, message: 'execution reverted', data: '0x' } }
      : { jsonrpc: '2.0', id: call.id, result: null })));
    const [first, second, third] = await rpc.batch('http://n', calls);
    expect(first).toEqual({ ok: true, result: null });
    expect(second).toMatchObject({ ok: false, error: { code: 3, message: 'execution reverted' } });
    expect(third).toEqual({ ok: true, result: null });
  });

  it('sends nothing for an empty batch', async () => {
    const requests: Sent[] = [];
    expect(await batchNode(() => [], requests).batch('http://n', [])).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('treats an answer that cannot be matched one to one as garbage for the whole batch', async () => {
    const ok = (id: unknown) => ({ jsonrpc: '2.0', id, result: '0x1' });
    const cases: [string, (sent: Sent) => unknown, RegExp][] = [
      ['not an array', () => ({ jsonrpc: '2.0', id: 1, result: '0x1' }), /not JSON-RPC \(a batch answer must be an array\)/],
      ['a missing id', (sent) => [ok(sent[0]?.id), ok(sent[1]?.id), { jsonrpc: '2.0', result: '0x1' }], /an id that no call had: none/],
      ['an unknown id', (sent) => [ok(sent[0]?.id), ok(sent[1]?.id), ok(999_999_999)], /an id that no call had: 999999999/],
      ['a duplicate id', (sent) => [ok(sent[0]?.id), ok(sent[0]?.id), ok(sent[2]?.id)], /two answers have the id/],
      ['too few answers', (sent) => [ok(sent[0]?.id)], /1 answers to 3 calls/],
      ['too many answers', (sent) => [...sent.map((call) => ok(call.id)), ok(0)], /4 answers to 3 calls/],
      ['an answer without result or error', (sent) => [ok(sent[0]?.id), ok(sent[1]?.id), { jsonrpc: '2.0', id: sent[2]?.id }], /neither a result nor an error/],
      ['an answer that is not an object', (sent) => [ok(sent[0]?.id), ok(sent[1]?.id), 'x'], /an answer is not an object/],
    ];
    for (const [name, answer, message] of cases) {
      await expect(batchNode(answer).batch('http://n', calls), name).rejects.toMatchObject({ name: 'JsonRpcTransportError', failure: 'garbage', message });
    }
  });

  it('passes on a node\'s refusal of the whole batch with its words', async () => {
    const rpc = batchNode(() => ({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch too large' } }));
    await expect(rpc.batch('http://n', calls)).rejects.toMatchObject({ code: -32600, message: 'the node at http://n refused the batch: batch too large' });
  });

  it('fails the whole batch for a body that is not JSON, an HTTP error, a node that is down or too slow', async () => {
    const notJson: Fetch = () => Promise.resolve(new Response('<html>502</html>'));
    await expect(createJsonRpcClient(notJson).batch('http://n', calls)).rejects.toMatchObject({ failure: 'garbage', message: 'the node at http://n answered something that is not JSON-RPC' });
    await expect(createJsonRpcClient(fakeFetch(() => ({ ok: false, status: 429, json: {} }))).batch('http://n', calls)).rejects.toMatchObject({ failure: 'http', message: 'the node at http://n answered HTTP 429' });
    await expect(createJsonRpcClient(fakeFetch(() => 'refuse')).batch('http://down', calls)).rejects.toMatchObject({ failure: 'unreachable', message: 'the node at http://down could not be reached' });
    await expect(createJsonRpcClient(fakeFetch(() => 'hang'), 50).batch('http://slow', calls)).rejects.toMatchObject({ failure: 'timeout', message: 'the node at http://slow did not answer within 50 ms' });
  });
});
