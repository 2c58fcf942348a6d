// EIP-1193 provider errors (§Provider Errors) and the JSON-RPC codes of EIP-1474 that wallets use.

export const ErrorCode = {
  /** The user rejected the request. */
  userRejected: 4001,
  /** The requested method and/or account has not been authorized by the user. */
  unauthorized: 4100,
  /** The provider does not support the requested method. */
  unsupportedMethod: 4200,
  /** The provider is disconnected from all chains. */
  disconnected: 4900,
  /** The provider is not connected to the requested chain. */
  chainDisconnected: 4901,
  /** EIP-3326: the chain has not been added to the wallet. */
  unrecognizedChain: 4902,
  // EIP-5792 §Error Codes.
  /** This wallet does not support a capability that was not marked as optional. */
  unsupportedCapability: 5700,
  /** This wallet does not support the specified chain id. */
  unsupportedChainId: 5710,
  /** There is already a bundle submitted with this id. */
  duplicateBatchId: 5720,
  /** This bundle id is unknown / has not been submitted. */
  unknownBatchId: 5730,
  /** The call bundle is too large for the wallet to process. */
  batchTooLarge: 5740,
  /** The wallet does not support atomic execution but the request requires it. */
  atomicityNotSupported: 5760,
  invalidParams: -32602,
  internal: -32603,
  /** EIP-1474: resource unavailable (used for "a request of this kind is already pending"). */
  resourceUnavailable: -32002,
  /** EIP-1474: limit exceeded (a site asked too often; the message says when to try again). */
  limitExceeded: -32005,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error as it crosses the bridge: plain data, since Error objects do not survive postMessage whole. */
export interface RpcErrorData {
  code: number;
  message: string;
  data?: unknown;
}

/** The error a page's `request` rejects with: an Error with the EIP-1193 `code`. */
export class ProviderRpcError extends Error {
  override readonly name = 'ProviderRpcError';
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
  }

  toJSON(): RpcErrorData {
    return this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data };
  }
}

export function isRpcErrorData(value: unknown): value is RpcErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === 'number' && Number.isInteger(code) && typeof message === 'string';
}
