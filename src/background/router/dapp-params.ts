// Parsing of dApp params: each returns typed values or throws -32602 naming the method and the problem.
import { hexToBytes, utf8ToBytes } from '../../core/bytes';
import { toChecksumAddress } from '../../core';
import { rpcErrors } from '../rpc-error';

export function paramList(method: string, params: unknown, min: number): unknown[] {
  if (!Array.isArray(params)) throw rpcErrors.invalidParams(`${method}: params must be an array`);
  if (params.length < min) throw rpcErrors.invalidParams(`${method}: expected at least ${min} params, got ${params.length}`);
  return params;
}

export function addressParam(method: string, value: unknown, position: number): string {
  if (typeof value !== 'string') throw rpcErrors.invalidParams(`${method}: param ${position} must be an address string`);
  try {
    return toChecksumAddress(value);
  } catch (error) {
    throw rpcErrors.invalidParams(`${method}: param ${position}: ${(error as Error).message}`);
  }
}

/** An EIP-191 personal message (personal_sign, personal_ecRecover): 0x-hex is bytes (as MetaMask and viem send them), anything else UTF-8 text. */
export function messageParam(method: string, value: unknown): Uint8Array {
  if (typeof value !== 'string') throw rpcErrors.invalidParams(`${method}: param 1 must be a string (0x-hex bytes or text)`);
  return /^0x([0-9a-fA-F]{2})*$/.test(value) ? hexToBytes(value) : utf8ToBytes(value);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** C0 and C1 controls other than tab and line breaks, and the bidirectional overrides that can reorder text. */
function isHiddenControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)
    || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** The message as text when it is valid UTF-8 without hidden control characters; else null (show hex). */
export function printableText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return null;
  }
  for (let i = 0; i < text.length; i++) if (isHiddenControl(text.charCodeAt(i))) return null;
  return text;
}

/** EIP-2255 params: exactly one permission request, for eth_accounts. */
export function accountsPermissionParam(method: string, params: unknown): void {
  const list = paramList(method, params, 1);
  const request = list[0];
  if (list.length !== 1 || typeof request !== 'object' || request === null || Object.keys(request).join() !== 'eth_accounts') {
    throw rpcErrors.invalidParams(`${method}: only [{ "eth_accounts": {} }] is supported`);
  }
}

/** eth_signTypedData_v3/v4's typed data: a JSON string (as viem and ethers send it) or an object. */
export function typedDataParam(method: string, value: unknown): unknown {
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw rpcErrors.invalidParams(`${method}: param 2 is not valid JSON`);
    }
  }
  if (typeof value !== 'object' || value === null) throw rpcErrors.invalidParams(`${method}: param 2 must be the typed data (JSON string or object)`);
  return value;
}

/** A 65-byte signature r ‖ s ‖ v as 0x-hex, as personal_sign returns it. */
export function signatureParam(method: string, value: unknown, position: number): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(value)) {
    throw rpcErrors.invalidParams(`${method}: param ${position} must be a 65-byte signature r ‖ s ‖ v as 0x-hex (132 characters)`);
  }
  return value;
}
