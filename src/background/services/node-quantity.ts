// A number a node answered (an EIP-1474 quantity), read strictly: what is not hex of at most 64 digits is
// garbage from the node, not a number to sign with.
import { notJsonRpc } from '../platform/json-rpc-errors';

/** @throws JsonRpcTransportError (garbage) naming `what` when `value` is not a quantity. */
export function nodeQuantity(url: string, value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{1,64}$/.test(value)) {
    throw notJsonRpc(url, `${what} is not a hex quantity`);
  }
  return BigInt(value);
}
