// The background's typed failure: a code the UI localises and a message a developer can read.
import type { PrivateErrorCode } from '../protocol/private';

export class WalletError extends Error {
  override readonly name = 'WalletError';
  constructor(readonly code: PrivateErrorCode, message: string, readonly retryAt?: number) {
    super(message);
  }
}
