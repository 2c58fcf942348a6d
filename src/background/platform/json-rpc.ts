// A minimal JSON-RPC 2.0 client over fetch, with a timeout, so a dead or slow node cannot hang a request.
// fetch is passed in (style.md §1), so tests hand it a fake or point it at a real local chain.
import { matchBatchAnswers, type BatchCall, type BatchItem } from './json-rpc-batch';
import { JsonRpcTransportError, nodeError, notJsonRpc } from './json-rpc-errors';

export type { BatchCall, BatchItem } from './json-rpc-batch';
export { JsonRpcError, JsonRpcTransportError, type TransportFailure } from './json-rpc-errors';

/** What the client needs of a fetch Response: the status and the body as a stream, read up to a cap. */
export interface FetchResponse {
  ok: boolean;
  status: number;
  body: ReadableStream<Uint8Array> | null;
}

export type Fetch = (input: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; cache: 'no-store' }) => Promise<FetchResponse>;

/** No honest JSON-RPC answer the wallet asks for comes near this; a node that sends more is cut off. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The body as text, or undefined once it passes `maxBytes` (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string | undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

export interface JsonRpcClient {
  /** @throws JsonRpcError for a JSON-RPC error; JsonRpcTransportError for a timeout, an HTTP error or garbage. */
  request(url: string, method: string, params?: readonly unknown[]): Promise<unknown>;
  /**
   * Sends `calls` as one JSON-RPC batch (one HTTP POST) and returns their answers in the order of `calls`,
   * matched by id whatever order the node answers in. A call the node refused is an item with its error.
   * @throws JsonRpcTransportError for the whole batch when the node is down, slow, or answers garbage.
   */
  batch(url: string, calls: readonly BatchCall[]): Promise<BatchItem[]>;
}

let nextId = 1;

export function createJsonRpcClient(fetchFn: Fetch, timeoutMs = 10_000, maxResponseBytes = MAX_RESPONSE_BYTES): JsonRpcClient {
  /** POSTs `payload` and returns the parsed JSON body. */
  async function post(url: string, payload: unknown): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => { controller.abort(); }, timeoutMs);
    const slow = () => new JsonRpcTransportError('timeout', `the node at ${url} did not answer within ${timeoutMs} ms`);
    try {
      let response: Awaited<ReturnType<Fetch>>;
      try {
        response = await fetchFn(url, {
          // no-store: answers (token names, balances) must not land in the browser's HTTP cache on disk.
          method: 'POST', headers: { 'content-type': 'application/json' }, signal: controller.signal, body: JSON.stringify(payload), cache: 'no-store',
        });
      } catch {
        throw controller.signal.aborted ? slow() : new JsonRpcTransportError('unreachable', `the node at ${url} could not be reached`);
      }
      if (!response.ok) throw new JsonRpcTransportError('http', `the node at ${url} answered HTTP ${response.status}`);
      let text: string | undefined;
      try {
        text = response.body === null ? '' : await readCapped(response.body, maxResponseBytes);
      } catch {
        throw controller.signal.aborted ? slow() : notJsonRpc(url);
      }
      if (text === undefined) throw new JsonRpcTransportError('garbage', `the node at ${url} answered more than ${maxResponseBytes} bytes`);
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw notJsonRpc(url);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async request(url, method, params = []) {
      const body = await post(url, { jsonrpc: '2.0', id: nextId++, method, params });
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw notJsonRpc(url);
      const { result, error } = body as { result?: unknown; error?: unknown };
      if (error !== undefined) throw nodeError(error);
      if (!('result' in body)) throw new JsonRpcTransportError('garbage', `the node at ${url} answered without a result`);
      return result;
    },

    async batch(url, calls) {
      // JSON-RPC 2.0 §6: an empty batch is itself invalid; there is nothing to ask.
      if (calls.length === 0) return [];
      const ids = calls.map(() => nextId++);
      const body = await post(url, calls.map((call, i) => ({ jsonrpc: '2.0', id: ids[i], method: call.method, params: call.params ?? [] })));
      return matchBatchAnswers(url, ids, body);
    },
  };
}
