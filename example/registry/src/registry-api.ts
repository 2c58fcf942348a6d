// The page's side of the registry's own server (/api/, same origin): where the contracts are, and
// relaying what the wallet signed. See api-types.ts for the shapes.
import { getAddress, isAddress, type Address, type Hex } from 'viem';
import {
  API_PATHS, type AgentRequest, type DeploymentInfo, type ProposalCreated, type ProposalRequest, type Relayed, type RestrictedCompanyInfo,
  type TransferRelayRequest, type VoteRelayRequest,
} from './api-types';

/** The server refused or failed; `message` is its sentence, `revert` the contract's error name if any. */
export class RegistryApiError extends Error {
  override readonly name = 'RegistryApiError';
  constructor(message: string, readonly status: number, readonly revert: string | undefined) {
    super(message);
  }
}

async function call(path: string, init?: { body: unknown }): Promise<unknown> {
  const response = await fetch(path, init === undefined
    ? { headers: { Accept: 'application/json' } }
    : { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(init.body) });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new RegistryApiError(`the registry answered ${response.status} without JSON`, response.status, undefined);
  }
  if (!response.ok) {
    const { error, revert } = (typeof body === 'object' && body !== null ? body : {}) as { error?: unknown; revert?: unknown };
    throw new RegistryApiError(typeof error === 'string' ? error : `the registry answered ${response.status}`, response.status, typeof revert === 'string' ? revert : undefined);
  }
  return body;
}

function isAddressText(value: unknown): value is Address {
  return typeof value === 'string' && isAddress(value, { strict: false });
}

const malformedDeployment = () => new RegistryApiError('the registry\'s deployment answer is malformed', 200, undefined);

function parseRestricted(value: unknown): RestrictedCompanyInfo {
  const { name, token, identityRegistry, compliance, agent } = (value ?? {}) as Record<string, unknown>;
  const t = (token ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || !isAddressText(t.address) || typeof t.name !== 'string' || typeof t.symbol !== 'string'
    || typeof t.decimals !== 'number' || !isAddressText(identityRegistry) || !isAddressText(compliance) || !isAddressText(agent)) {
    throw malformedDeployment();
  }
  return {
    name,
    token: { address: getAddress(t.address), name: t.name, symbol: t.symbol, decimals: t.decimals },
    identityRegistry: getAddress(identityRegistry),
    compliance: getAddress(compliance),
    agent: getAddress(agent),
  };
}

/** Even our own server's answer is checked before the page builds requests for the wallet from it. */
export function parseDeployment(value: unknown): DeploymentInfo {
  const bad = malformedDeployment;
  if (typeof value !== 'object' || value === null) throw bad();
  const { chainId, chainName, rpcUrl, token, governor, relayer, company, restricted } = value as Record<string, unknown>;
  const t = (token ?? {}) as Record<string, unknown>;
  const g = (governor ?? {}) as Record<string, unknown>;
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0 || typeof chainName !== 'string' || typeof rpcUrl !== 'string'
    || !isAddressText(t.address) || typeof t.name !== 'string' || typeof t.symbol !== 'string' || typeof t.decimals !== 'number'
    || !isAddressText(g.address) || typeof g.name !== 'string' || !isAddressText(relayer) || !isAddressText(company)) throw bad();
  return {
    chainId, chainName, rpcUrl,
    token: { address: getAddress(t.address), name: t.name, symbol: t.symbol, decimals: t.decimals },
    governor: { address: getAddress(g.address), name: g.name },
    relayer: getAddress(relayer),
    company: getAddress(company),
    ...(restricted === undefined ? {} : { restricted: parseRestricted(restricted) }),
  };
}

function parseRelayed(value: unknown): Relayed {
  const { hash, blockNumber } = (value ?? {}) as { hash?: unknown; blockNumber?: unknown };
  if (typeof hash !== 'string' || !/^0x[0-9a-f]{64}$/i.test(hash) || typeof blockNumber !== 'string' || !/^\d+$/.test(blockNumber)) {
    throw new RegistryApiError('the registry\'s relay answer is malformed', 200, undefined);
  }
  return { hash: hash as Hex, blockNumber };
}

/** GET /api/deployment. @throws RegistryApiError (503 when the site runs without a chain). */
export async function fetchDeployment(): Promise<DeploymentInfo> {
  return parseDeployment(await call(API_PATHS.deployment));
}

/** POST /api/relay/transfer: the relayer submits the signed transfer and waits until it is mined. */
export async function relayTransfer(request: TransferRelayRequest): Promise<Relayed> {
  return parseRelayed(await call(API_PATHS.relayTransfer, { body: request }));
}

/** POST /api/proposals: resolves with the new proposal's id once voting on it is open. */
export async function createProposal(request: ProposalRequest): Promise<bigint> {
  const { proposalId } = (await call(API_PATHS.proposals, { body: request }) ?? {}) as Partial<ProposalCreated>;
  if (typeof proposalId !== 'string' || !/^\d+$/.test(proposalId)) throw new RegistryApiError('the registry\'s proposal answer is malformed', 200, undefined);
  return BigInt(proposalId);
}

/** POST /api/relay/vote: the relayer submits the signed ballot (castVoteBySig). */
export async function relayVote(request: VoteRelayRequest): Promise<Relayed> {
  return parseRelayed(await call(API_PATHS.relayVote, { body: request }));
}

/** POST /api/agent: Nordwind Bank's agent (its key is on the server) acts; resolves once mined. */
export async function agentAction(request: AgentRequest): Promise<Relayed> {
  return parseRelayed(await call(API_PATHS.agent, { body: request }));
}
