// Strict checks of what the page POSTs to the registry's server. Anything on the network may send
// anything: every field is checked for type, format and range, unknown fields are refused, and each
// refusal names the field, so a developer can act on it. Pure functions, tested in
// test/unit/example/api-validate.test.ts.
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import {
  AGENT_ACTIONS, AGENT_SHARE_ACTIONS, AGENT_TOKEN_ACTIONS, type AgentAction, type AgentRequest, type ProposalRequest, type TransferAuthorizationJson,
  type TransferRelayRequest, type VoteRelayRequest,
} from '../src/api-types';

/** A request the server refuses to act on; `status` is the HTTP status to answer with. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const badRequest = (message: string) => new ApiRequestError(400, message);

const UINT256_LIMIT = 2n ** 256n;
/** A proposal's description is the company's text, kept short here (it is hashed into the proposal id). */
export const MAX_DESCRIPTION_LENGTH = 200;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.slice(0, 40)}${value.length > 40 ? '…' : ''}"` : typeof value;
}

/** A plain object with exactly the keys `keys` (none missing, none extra). */
function objectWith<K extends string>(value: unknown, where: string, keys: readonly K[]): Record<K, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`${where} must be an object, got ${describe(value)}`);
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !(keys as readonly string[]).includes(key));
  if (extra.length > 0) throw badRequest(`${where} has unknown field ${JSON.stringify(extra[0])}`);
  for (const key of keys) if (!Object.hasOwn(record, key)) throw badRequest(`${where}.${key} is missing`);
  return record;
}

function address(value: unknown, where: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw badRequest(`${where} must be an address (0x and 40 hex digits), got ${describe(value)}`);
  return getAddress(value);
}

/** A uint256 as a decimal string without leading zeros (a JSON number would lose precision). */
function uint256(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,77})$/.test(value) || BigInt(value) >= UINT256_LIMIT) {
    throw badRequest(`${where} must be a uint256 as a decimal string, got ${describe(value)}`);
  }
  return value;
}

function hexBytes(value: unknown, where: string, bytes: number): Hex {
  if (typeof value !== 'string' || !new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`).test(value)) {
    throw badRequest(`${where} must be ${bytes} bytes as 0x-hex, got ${describe(value)}`);
  }
  return value as Hex;
}

/** secp256k1's group order: r and s of a valid signature are in [1, n). */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** A 65-byte ECDSA signature r ‖ s ‖ v as wallets return it (v 27 or 28, or 0 or 1). */
function signature(value: unknown): Hex {
  const hex = hexBytes(value, 'signature', 65);
  const r = BigInt(`0x${hex.slice(2, 66)}`);
  const s = BigInt(`0x${hex.slice(66, 130)}`);
  const v = Number.parseInt(hex.slice(130), 16);
  if (r === 0n || r >= SECP256K1_N || s === 0n || s >= SECP256K1_N) throw badRequest('signature: r and s must be in [1, n) of secp256k1');
  if (![0, 1, 27, 28].includes(v)) throw badRequest(`signature: v must be 27 or 28 (or 0 or 1), got ${v}`);
  return hex;
}

function authorization(value: unknown): TransferAuthorizationJson {
  const where = 'authorization';
  const fields = objectWith(value, where, ['from', 'to', 'value', 'validAfter', 'validBefore', 'nonce'] as const);
  return {
    from: address(fields.from, `${where}.from`),
    to: address(fields.to, `${where}.to`),
    value: uint256(fields.value, `${where}.value`),
    validAfter: uint256(fields.validAfter, `${where}.validAfter`),
    validBefore: uint256(fields.validBefore, `${where}.validBefore`),
    nonce: hexBytes(fields.nonce, `${where}.nonce`, 32),
  };
}

/** POST /api/relay/transfer. @throws ApiRequestError 400 naming the first bad field. */
export function parseTransferRelay(body: unknown): TransferRelayRequest {
  const fields = objectWith(body, 'body', ['authorization', 'signature'] as const);
  return { authorization: authorization(fields.authorization), signature: signature(fields.signature) };
}

/** POST /api/proposals. @throws ApiRequestError 400 for an empty, long or control-character description. */
export function parseProposalRequest(body: unknown): ProposalRequest {
  const { description } = objectWith(body, 'body', ['description'] as const);
  if (typeof description !== 'string' || description.trim() === '' || description.length > MAX_DESCRIPTION_LENGTH) {
    throw badRequest(`description must be a non-empty string of at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  // C0 controls and DEL (a regex with that range would trip no-control-regex).
  if (Array.from({ length: description.length }, (_, i) => description.charCodeAt(i)).some((code) => code < 0x20 || code === 0x7f)) {
    throw badRequest('description must not contain control characters');
  }
  return { description };
}

/** POST /api/relay/vote. @throws ApiRequestError 400 naming the first bad field. */
export function parseVoteRelay(body: unknown): VoteRelayRequest {
  const fields = objectWith(body, 'body', ['proposalId', 'support', 'voter', 'signature'] as const);
  const { support } = fields;
  if (support !== 0 && support !== 1 && support !== 2) throw badRequest(`support must be 0 (Against), 1 (For) or 2 (Abstain), got ${describe(support)}`);
  return {
    proposalId: uint256(fields.proposalId, 'proposalId'),
    support,
    voter: address(fields.voter, 'voter'),
    signature: signature(fields.signature),
  };
}

/**
 * POST /api/agent: an action of AGENT_ACTIONS with exactly the fields it needs: a holder for all but pause
 * and unpause, and a positive number of shares (base units) for freezing or unfreezing shares.
 * @throws ApiRequestError 400 naming the field.
 */
export function parseAgentRequest(value: unknown): AgentRequest {
  const action = (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).action : undefined);
  if (typeof action !== 'string' || !(AGENT_ACTIONS as readonly string[]).includes(action)) {
    throw badRequest(`body.action must be one of ${AGENT_ACTIONS.join(', ')}, got ${describe(action)}`);
  }
  const chosen = action as AgentAction;
  if (AGENT_TOKEN_ACTIONS.includes(chosen)) {
    objectWith(value, 'body', ['action']);
    return { action: chosen };
  }
  if (!AGENT_SHARE_ACTIONS.includes(chosen)) {
    const body = objectWith(value, 'body', ['action', 'holder']);
    return { action: chosen, holder: address(body.holder, 'body.holder') };
  }
  const body = objectWith(value, 'body', ['action', 'holder', 'shares']);
  const shares = uint256(body.shares, 'body.shares');
  if (shares === '0') throw badRequest('body.shares must be more than 0');
  return { action: chosen, holder: address(body.holder, 'body.holder'), shares };
}
