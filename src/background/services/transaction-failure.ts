// Why a mined transaction failed, read from the node's answer to a replay of it (eth_call), as Activity
// shows it: the decoded revert, and the node's own words when the revert carried no data.
import { decodeRevert } from '../../core';
import type { RevertView, SimulatedFailure } from '../../protocol/transactions';
import { jsonify } from '../jsonify';
import { JsonRpcError, JsonRpcTransportError } from '../platform/json-rpc';

/** go-ethereum and anvil answer a revert with code 3 and the revert data ("execution reverted"). */
const REVERT_CODE = 3;

/** The revert data of an error: a hex string, or (some nodes) an object holding it as `data`. */
function revertData(data: unknown): unknown {
  if (typeof data === 'object' && data !== null && 'data' in data) return data.data;
  return data;
}

/**
 * The failure an eth_call error says, or undefined when the error is not a revert (the node is down, the
 * state of that block is pruned, the replay ran out of gas): then the wallet cannot say why.
 */
export function failureFromCallError(error: unknown): SimulatedFailure | undefined {
  if (!(error instanceof JsonRpcError) || error instanceof JsonRpcTransportError) return undefined;
  const isRevert = error.code === REVERT_CODE || /revert/i.test(error.message);
  if (!isRevert) return undefined;
  const data = revertData(error.data);
  const revert: RevertView = jsonify(data === undefined || data === null ? { kind: 'empty' as const } : decodeRevert(data));
  // Some nodes put the reason only in their message (geth without data: "execution reverted").
  return { revert, nodeMessage: revert.kind === 'empty' ? error.message : undefined };
}
