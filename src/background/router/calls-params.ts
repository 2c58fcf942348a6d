// EIP-5792 v2.0.0 params, checked before anything is asked of the node or the user (EIP-5792 §Error Codes):
// a shape problem is -32602 naming the field; a batch of more than MAX_CALLS calls is 5740 (found before its
// calls are read one by one); a capability the wallet does not support that the site did not mark optional
// is 5700; a batch that requires atomicity is 5760. A call's `to`, `value` and `data` are checked as
// eth_sendTransaction's are.
import { ErrorCode, ProviderRpcError } from '../../protocol/eip1193';
import { rpcErrors } from '../rpc-error';
import { addressParam, paramList } from './dapp-params';
import { callFields, fieldChecks, type CallFields } from './transaction-params';

const SEND = 'wallet_sendCalls';

/** The version of EIP-5792 this wallet speaks; viem sends it by default. */
export const CALLS_VERSION = '2.0.0';

/** The most calls one batch may hold: each one is a transaction of its own, and all are reviewed in one window. */
export const MAX_CALLS = 10;

/** EIP-5792: a batch id is a string of up to 4096 bytes, "8194 characters including leading 0x". */
export const MAX_ID_LENGTH = 8194;

/** wallet_sendCalls' request, checked. */
export interface SendCallsRequest {
  /** The site's own id, when it gave one. */
  id: string | undefined;
  /** EIP-55; undefined when the site left the choice to the wallet. */
  from: string | undefined;
  /** 0x-hex, lowercase, as the wallet stores chain ids. */
  chainId: string;
  calls: CallFields[];
}

const checks = fieldChecks(SEND);
const { invalid } = checks;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A page's value, short, for a message: a string quoted and capped, anything else by its type. */
function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : `a ${value === null ? 'null' : typeof value}`;
}

function absent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

function idParam(method: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw rpcErrors.invalidParams(`${method}: ${field} must be a string of 1 to ${MAX_ID_LENGTH} characters (EIP-5792), got ${shown(value)}`);
  }
  return value;
}

/** EIP-5792 capabilities by name (top-level or of one call): the names the site did not mark optional. */
function requiredCapabilities(field: string, value: unknown): string[] {
  if (absent(value)) return [];
  if (!isRecord(value)) throw invalid(field, 'must be an object of capabilities by name');
  const required: string[] = [];
  for (const [name, capability] of Object.entries(value)) {
    if (!isRecord(capability)) throw invalid(`${field}.${name.slice(0, 40)}`, 'must be an object');
    const { optional } = capability;
    if (optional !== undefined && typeof optional !== 'boolean') throw invalid(`${field}.${name.slice(0, 40)}.optional`, 'must be true or false');
    if (optional !== true) required.push(name);
  }
  return required;
}

/**
 * Checks wallet_sendCalls' one param.
 * @throws ProviderRpcError -32602 naming the field; 5740 for more than MAX_CALLS calls; 5700 for a capability
 *   not marked optional (this wallet supports none in requests); 5760 for `atomicRequired: true`.
 */
export function sendCallsParams(params: unknown): SendCallsRequest {
  const [request] = paramList(SEND, params, 1);
  if (!isRecord(request)) throw rpcErrors.invalidParams(`${SEND}: param 1 must be the batch object { version, chainId, atomicRequired, calls }`);
  if (request.version !== CALLS_VERSION) throw invalid('version', `must be "${CALLS_VERSION}" (EIP-5792), got ${shown(request.version)}`);
  const id = absent(request.id) ? undefined : idParam(SEND, 'id', request.id);
  const from = absent(request.from) ? undefined : checks.address('from', request.from);
  const { chainId } = request;
  // EIP-5792: "with 0x prefix and no leading zeroes for the chainId value"; at most uint256.
  if (typeof chainId !== 'string' || !/^0x[1-9a-fA-F][0-9a-fA-F]{0,63}$/.test(chainId)) {
    throw invalid('chainId', `must be a 0x-prefixed hex chain id without leading zeros, got ${shown(chainId)}`);
  }
  if (typeof request.atomicRequired !== 'boolean') throw invalid('atomicRequired', `must be true or false, got ${shown(request.atomicRequired)}`);
  const required = requiredCapabilities('capabilities', request.capabilities);
  const { calls } = request;
  if (!Array.isArray(calls) || calls.length === 0) throw invalid('calls', 'must be a list of at least one call { to, data, value }');
  if (calls.length > MAX_CALLS) {
    throw new ProviderRpcError(ErrorCode.batchTooLarge, `${SEND}: ${calls.length} calls are more than the ${MAX_CALLS} a batch may hold; send them in smaller batches`);
  }
  const checked = calls.map((call: unknown, index): CallFields => {
    const where = `calls[${index}]`;
    if (!isRecord(call)) throw invalid(where, 'must be an object { to, data, value }');
    required.push(...requiredCapabilities(`${where}.capabilities`, call.capabilities));
    return callFields(checks, `${where}.`, { to: call.to, value: call.value, data: checks.bytes(`${where}.data`, call.data) ?? '0x' });
  });
  const [unsupported] = required;
  if (unsupported !== undefined) {
    throw new ProviderRpcError(ErrorCode.unsupportedCapability,
      `${SEND}: the capability ${JSON.stringify(unsupported.slice(0, 40))} is not supported by Shareholder Wallet; mark it "optional": true to send without it`);
  }
  // This wallet signs one transaction per call: nothing keeps others from coming between, or a later call
  // from failing after an earlier one was mined.
  if (request.atomicRequired) {
    throw new ProviderRpcError(ErrorCode.atomicityNotSupported,
      `${SEND}: Shareholder Wallet sends the calls one after another, not atomically (wallet_getCapabilities says atomic "unsupported"); send with atomicRequired false`);
  }
  return { id, from, chainId: chainId.toLowerCase(), calls: checked };
}

/**
 * wallet_getCallsStatus' and wallet_showCallsStatus' one param: a batch id.
 * @throws ProviderRpcError -32602.
 */
export function batchIdParam(method: string, params: unknown): string {
  const [id] = paramList(method, params, 1);
  return idParam(method, 'param 1 (the batch id)', id);
}

/**
 * wallet_getCapabilities' params: the account, then optionally the chain ids asked about (0x-hex; returned
 * as the wallet writes them, lowercase without leading zeros).
 * @throws ProviderRpcError -32602.
 */
export function capabilitiesParams(params: unknown): { address: string; chainIds: string[] | undefined } {
  const method = 'wallet_getCapabilities';
  const [account, chainIds] = paramList(method, params, 1);
  const address = addressParam(method, account, 1);
  if (absent(chainIds)) return { address, chainIds: undefined };
  if (!Array.isArray(chainIds) || !chainIds.every((chainId): chainId is string => typeof chainId === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(chainId))) {
    throw rpcErrors.invalidParams(`${method}: param 2 must be a list of 0x-hex chain ids`);
  }
  return { address, chainIds: chainIds.map((chainId) => `0x${BigInt(chainId).toString(16)}`) };
}
