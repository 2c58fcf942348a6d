// eth_estimateGas for a transaction about to be shown: the gas it needs, or why the node says it would
// fail (the revert decoded by core, or the node's words when it gave no revert data).
import { decodeRevert } from '../../core';
import { jsonify } from '../jsonify';
import type { SimulatedFailure } from '../../protocol/transactions';
import { JsonRpcError, JsonRpcTransportError, type JsonRpcClient } from '../platform/json-rpc';
import { nodeQuantity } from './node-quantity';

/** A node's message is page-like text: at most this many characters are kept for the window. */
export const NODE_MESSAGE_LIMIT = 300;

export interface GasCall {
  from: string;
  to: string | null;
  value: bigint;
  data: string;
}

export type GasEstimate = { ok: true; gas: bigint } | { ok: false; failure: SimulatedFailure };

export function capNodeMessage(message: string): string {
  return message.length > NODE_MESSAGE_LIMIT ? `${message.slice(0, NODE_MESSAGE_LIMIT)}…` : message;
}

/** Revert data as nodes put it in a JSON-RPC error: `data` itself, or `data.data` (some proxies nest it). */
function revertData(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (typeof data === 'object' && data !== null && typeof (data as { data?: unknown }).data === 'string') return (data as { data: string }).data;
  return undefined;
}

/** The failure the node's error describes: decoded revert data, else an empty revert with the node's words. */
export function failureOf(error: JsonRpcError): SimulatedFailure {
  const data = revertData(error.data);
  if (data !== undefined && data !== '0x' && /^0x([0-9a-fA-F]{2})*$/.test(data)) {
    return { revert: jsonify(decodeRevert(data)), nodeMessage: undefined };
  }
  return { revert: { kind: 'empty' }, nodeMessage: capNodeMessage(error.message) };
}

/**
 * Asks the node how much gas `call` needs. A JSON-RPC error answer means the call would fail now.
 * @throws JsonRpcTransportError when the node cannot be reached or answers garbage: nothing is known.
 */
export async function estimateGas(rpc: JsonRpcClient, url: string, call: GasCall): Promise<GasEstimate> {
  const request: Record<string, string> = { from: call.from, value: `0x${call.value.toString(16)}`, data: call.data };
  if (call.to !== null) request.to = call.to;
  try {
    return { ok: true, gas: nodeQuantity(url, await rpc.request(url, 'eth_estimateGas', [request]), 'eth_estimateGas') };
  } catch (error) {
    if (error instanceof JsonRpcError && !(error instanceof JsonRpcTransportError)) return { ok: false, failure: failureOf(error) };
    throw error;
  }
}
