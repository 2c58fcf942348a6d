// The typed client of the background's private catalogue, over an injected transport so it can be
// tested without a browser. src/ui/client.ts binds it to `runtime.sendMessage`.
import {
  PRIVATE_CHANNEL, type PrivateErrorCode, type PrivateMethod, type PrivateParams, type PrivateRequest, type PrivateResult,
} from '../../protocol/private';

/** A private error code, or `unreachable` when the background never answered. */
export type UiErrorCode = PrivateErrorCode | 'unreachable';

const ERROR_CODES: readonly string[] = ['wrong-password', 'unlock-blocked', 'invalid-params', 'wrong-state', 'rejected', 'vault-damaged', 'internal'];

/** A failed private request, as the UI shows it: a code to localise, a developer message, a retry time. */
export class UiError extends Error {
  override readonly name = 'UiError';
  /** Epoch ms when another attempt is allowed (wrong password, unlock blocked). */
  readonly retryAt: number | undefined;
  constructor(readonly code: UiErrorCode, message: string, retryAt?: number) {
    super(message);
    this.retryAt = retryAt;
  }
}

export interface RpcDeps {
  /** Sends one message to the background and resolves with its answer (`runtime.sendMessage`). */
  send: (message: PrivateRequest) => Promise<unknown>;
  sleep?: (ms: number) => Promise<void>;
  /** Waits between attempts while the background is not there; one attempt more than delays. */
  retryDelaysMs?: readonly number[];
}

export type PrivateCall = <M extends PrivateMethod>(method: M, params: PrivateParams<M>) => Promise<PrivateResult<M>>;

/** Methods whose repetition changes nothing, so they may be sent again after any transport failure. */
const REPEATABLE: ReadonlySet<PrivateMethod> = new Set(['wallet.get', 'mnemonic.generate', 'mnemonic.check', 'wallet.lock']);
// Chrome and Firefox both say this when no listener was there to take the message (the background is
// starting or restarting): the message was not handled, so sending it again is safe for any method.
const NOT_DELIVERED = /receiving end does not exist|could not establish connection/i;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unwrap<M extends PrivateMethod>(method: M, response: unknown): PrivateResult<M> {
  if (typeof response === 'object' && response !== null) {
    const { ok, result, error } = response as { ok?: unknown; result?: unknown; error?: unknown };
    // The background is the extension's own code; its result types are the catalogue's.
    if (ok === true) return result as PrivateResult<M>;
    if (ok === false && typeof error === 'object' && error !== null) {
      const { code, message, retryAt } = error as { code?: unknown; message?: unknown; retryAt?: unknown };
      if (typeof code === 'string' && ERROR_CODES.includes(code) && typeof message === 'string') {
        throw new UiError(code as PrivateErrorCode, message, typeof retryAt === 'number' ? retryAt : undefined);
      }
    }
  }
  throw new UiError('internal', `${method}: the background sent an answer of an unknown shape`);
}

export function createRpc(deps: RpcDeps): PrivateCall {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const delays = deps.retryDelaysMs ?? [100, 250, 500, 1000];

  /**
   * Sends `method` and returns its result.
   * @throws UiError with the background's code, or `unreachable` when it did not answer after retries.
   */
  return async function call<M extends PrivateMethod>(method: M, params: PrivateParams<M>): Promise<PrivateResult<M>> {
    const request = { channel: PRIVATE_CHANNEL, method, params } as PrivateRequest;
    for (let attempt = 0; ; attempt++) {
      const delay = delays[attempt];
      let response: unknown;
      try {
        response = await deps.send(request);
      } catch (error) {
        const reason = messageOf(error);
        if (delay === undefined || !(REPEATABLE.has(method) || NOT_DELIVERED.test(reason))) {
          throw new UiError('unreachable', `${method}: the background did not answer (${reason})`);
        }
        await sleep(delay);
        continue;
      }
      // No listener took the message (it resolved without an answer): not handled, so safe to resend.
      if (response === undefined) {
        if (delay === undefined) throw new UiError('unreachable', `${method}: the background did not answer`);
        await sleep(delay);
        continue;
      }
      return unwrap(method, response);
    }
  };
}
