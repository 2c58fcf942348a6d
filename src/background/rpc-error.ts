// Errors a dApp request ends with: EIP-1193 codes and a message a registry developer can act on.
import { ErrorCode, ProviderRpcError } from '../protocol/eip1193';

export const rpcErrors = {
  userRejected: (message = 'the user rejected the request') => new ProviderRpcError(ErrorCode.userRejected, message),
  unauthorized: (message: string) => new ProviderRpcError(ErrorCode.unauthorized, message),
  unsupported: (method: string, why = 'is not supported by Shareholder Wallet') => new ProviderRpcError(ErrorCode.unsupportedMethod, `${method} ${why}`),
  invalidParams: (message: string) => new ProviderRpcError(ErrorCode.invalidParams, message),
  pending: (message: string) => new ProviderRpcError(ErrorCode.resourceUnavailable, message),
  limitExceeded: (message: string, retryAfterSeconds: number) => new ProviderRpcError(ErrorCode.limitExceeded, message, { retryAfterSeconds }),
  internal: (message = 'the wallet could not complete the request') => new ProviderRpcError(ErrorCode.internal, message),
};
