// A minimal JSON-RPC 2.0 client over fetch, with a timeout, so a dead or slow node cannot hang a request.
// fetch is passed in (style.md §1), so tests hand it a fake or point it at a real local chain.

export type Fetch = (input: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The node answered with a JSON-RPC error (its code and message are kept), or did not answer usably. */
export class JsonRpcError extends Error {
  override readonly name = 'JsonRpcError';
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
  }
}

export interface JsonRpcClient {
  /** @throws JsonRpcError for a JSON-RPC error, a timeout, an HTTP error or garbage. */
  request(url: string, method: string, params?: readonly unknown[]): Promise<unknown>;
}

let nextId = 1;

export function createJsonRpcClient(fetchFn: Fetch, timeoutMs = 10_000): JsonRpcClient {
  return {
    async request(url, method, params = []) {
      const controller = new AbortController();
      const timer = setTimeout(() => { controller.abort(); }, timeoutMs);
      let body: unknown;
      try {
        const response = await fetchFn(url, {
          method: 'POST', headers: { 'content-type': 'application/json' }, signal: controller.signal,
          body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
        });
        if (!response.ok) throw new JsonRpcError(-32603, `the node at ${url} answered HTTP ${response.status}`);
        body = await response.json();
      } catch (error) {
        if (error instanceof JsonRpcError) throw error;
        const reason = controller.signal.aborted ? `did not answer within ${timeoutMs} ms` : 'could not be reached';
        throw new JsonRpcError(-32603, `the node at ${url} ${reason}`);
      } finally {
        clearTimeout(timer);
      }
      if (typeof body !== 'object' || body === null) throw new JsonRpcError(-32603, `the node at ${url} answered something that is not JSON-RPC`);
      const { result, error } = body as { result?: unknown; error?: unknown };
      if (error !== undefined) {
        const { code, message, data } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown; data?: unknown };
        throw new JsonRpcError(typeof code === 'number' && Number.isInteger(code) ? code : -32603, typeof message === 'string' ? message : 'the node refused the call', data);
      }
      if (!('result' in body)) throw new JsonRpcError(-32603, `the node at ${url} answered without a result`);
      return result;
    },
  };
}
