// What can go wrong talking to a node: a JSON-RPC error it answered, or no usable answer at all.

/** The node answered with a JSON-RPC error (its code and message are kept), or did not answer usably. */
export class JsonRpcError extends Error {
  override readonly name: string = 'JsonRpcError';
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
  }
}

/** Why a node gave no usable answer at all, as opposed to a JSON-RPC error it answered. */
export type TransportFailure = 'unreachable' | 'timeout' | 'http' | 'garbage';

/**
 * The node could not be reached, was too slow, answered an HTTP error or something that is not JSON-RPC.
 * The message names the URL in plain words.
 */
export class JsonRpcTransportError extends JsonRpcError {
  override readonly name = 'JsonRpcTransportError';
  constructor(readonly failure: TransportFailure, message: string) {
    super(-32603, message);
  }
}

/** The error of a JSON-RPC error object, keeping the node's code and message when they are usable. */
export function nodeError(error: unknown): JsonRpcError {
  const { code, message, data } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown; data?: unknown };
  return new JsonRpcError(typeof code === 'number' && Number.isInteger(code) ? code : -32603, typeof message === 'string' ? message : 'the node refused the call', data);
}

export function notJsonRpc(url: string, detail?: string): JsonRpcTransportError {
  return new JsonRpcTransportError('garbage', `the node at ${url} answered something that is not JSON-RPC${detail === undefined ? '' : ` (${detail})`}`);
}
