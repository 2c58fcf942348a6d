// The EIP-1193 provider a page sees. It holds no secret and trusts nothing from the page: it forwards
// requests over a transport to the content bridge and resolves them with what comes back.
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { MAX_METHOD_LENGTH, type ProviderEvent, type RpcOutcome, type RpcRequest } from '../../protocol/bridge';

/** How the provider reaches the content bridge; in the page, window.postMessage (see ./window-transport). */
export interface ProviderTransport {
  send(id: string, request: RpcRequest): void;
  /** Registers the receiver of replies and events. */
  listen(onReply: (id: string, outcome: RpcOutcome) => void, onEvent: (event: ProviderEvent) => void): void;
}

type Listener = (...args: unknown[]) => void;

function invalidArguments(message: string): ProviderRpcError {
  return new ProviderRpcError(ErrorCode.invalidParams, message);
}

export class ShareholderProvider {
  readonly isShareholderWallet = true;
  readonly #transport: ProviderTransport;
  readonly #pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #newId: () => string;
  #chainId: string | null = null;

  constructor(transport: ProviderTransport, newId: () => string) {
    this.#transport = transport;
    this.#newId = newId;
    transport.listen((id, outcome) => { this.#settle(id, outcome); }, (event) => { this.#emitEvent(event); });
  }

  /** The chain this page is connected to, as last announced by the wallet (EIP-1193 `connect`/`chainChanged`). */
  get chainId(): string | null {
    return this.#chainId;
  }

  /** EIP-1193 §request: rejects with a ProviderRpcError carrying the wallet's code. */
  request(args: unknown): Promise<unknown> {
    if (typeof args !== 'object' || args === null) return Promise.reject(invalidArguments('request expects an object { method, params }'));
    const { method, params } = args as { method?: unknown; params?: unknown };
    if (typeof method !== 'string' || method.length === 0) return Promise.reject(invalidArguments('request expects a non-empty string method'));
    // The bridge drops envelopes with longer names unanswered, so answer here rather than never.
    if (method.length > MAX_METHOD_LENGTH) {
      return Promise.reject(new ProviderRpcError(ErrorCode.unsupportedMethod, `the method name is longer than ${MAX_METHOD_LENGTH} characters; no such method exists`));
    }
    if (params !== undefined && (typeof params !== 'object' || params === null)) {
      return Promise.reject(invalidArguments(`${method}: params must be an array or an object`));
    }
    const id = this.#newId();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#transport.send(id, params === undefined ? { method } : { method, params });
      } catch (error) {
        this.#pending.delete(id);
        // postMessage throws DataCloneError for functions, symbols and other values JSON-RPC cannot carry.
        reject(invalidArguments(`${method}: params cannot be sent (${error instanceof Error ? error.name : 'unknown error'})`));
      }
    });
  }

  on(event: string, listener: Listener): this {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return this;
  }

  removeListener(event: string, listener: Listener): this {
    this.#listeners.get(event)?.delete(listener);
    return this;
  }

  #settle(id: string, outcome: RpcOutcome): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) return;
    this.#pending.delete(id);
    if ('error' in outcome) pending.reject(new ProviderRpcError(outcome.error.code, outcome.error.message, outcome.error.data));
    else pending.resolve(outcome.result);
  }

  #emitEvent(event: ProviderEvent): void {
    if (event.name === 'connect') this.#chainId = event.data.chainId;
    if (event.name === 'chainChanged') this.#chainId = event.data;
    if (event.name === 'disconnect') this.#chainId = null;
    const data = event.name === 'disconnect' ? new ProviderRpcError(event.data.code, event.data.message) : event.data;
    for (const listener of [...(this.#listeners.get(event.name) ?? [])]) {
      try {
        listener(data);
      } catch (error) {
        // A page's listener that throws must not stop the others, nor the provider.
        console.error(error);
      }
    }
  }
}
