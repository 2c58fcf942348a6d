// The eth_signTypedData_v4 JSON shape (EIP-712 §Specification of the eth_signTypedData JSON RPC).

export interface TypedDataField {
  name: string;
  type: string;
}

export type TypedDataTypes = Record<string, readonly TypedDataField[]>;

/** Typed data as a page sends it: values are JSON (integers as numbers, decimal or 0x-hex strings). */
export interface TypedData {
  types: TypedDataTypes;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

/**
 * Malformed typed data. `path` points at the offending part, e.g. `message.contents` or `types.Mail[1]`,
 * so that the RPC layer can answer -32602 with a message a registry developer can act on.
 */
export class TypedDataError extends Error {
  override readonly name = 'TypedDataError';
  constructor(readonly path: string, problem: string) {
    super(`${path}: ${problem}`);
  }
}
