// A wallet's errors as the page shows them. EIP-1193 and EIP-1474 give every refusal a numeric code
// (4001 the user rejected, 4100 not authorised, 4200 unsupported method, -32602 invalid params, ...);
// the code is what a site should act on, the message is for people.

/** What went wrong, as the wallet said it: its EIP-1193 / JSON-RPC code (when it gave one) and message. */
export interface WalletError {
  code: number | undefined;
  message: string;
}

/**
 * viem wraps a wallet's error (e.g. in UserRejectedRequestError, whose own text is viem's); the
 * wallet's code and message are on the innermost error of the `cause` chain that carries a code.
 */
export function describeError(error: unknown): WalletError {
  let found: WalletError | undefined;
  let fallback: string | undefined;
  for (let current: unknown = error, depth = 0; typeof current === 'object' && current !== null && depth < 10; depth++) {
    const { code, message, shortMessage, cause } = current as { code?: unknown; message?: unknown; shortMessage?: unknown; cause?: unknown };
    const text = typeof shortMessage === 'string' ? shortMessage : typeof message === 'string' ? message : undefined;
    fallback ??= text;
    if (typeof code === 'number' && Number.isInteger(code) && text !== undefined) found = { code, message: text };
    current = cause;
  }
  if (found !== undefined) return found;
  return { code: undefined, message: fallback ?? String(error) };
}

/** "Rejected (4001): …" for a user's refusal, "Error (-32602): …" for other wallet errors, "Error: …" otherwise. */
export function errorText(error: WalletError): string {
  if (error.code === undefined) return `Error: ${error.message}`;
  return `${error.code === 4001 ? 'Rejected' : 'Error'} (${error.code}): ${error.message}`;
}
