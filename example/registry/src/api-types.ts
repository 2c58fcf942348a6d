// The JSON that the registry's server and its page exchange, same origin, under /api/ (server.ts serves
// it, src/registry-api.ts calls it). Integers that may not fit in a JavaScript number (token amounts,
// proposal ids, block numbers) travel as decimal strings.
import type { Address, Hex } from 'viem';

export const API_PATHS = {
  deployment: '/api/deployment',
  relayTransfer: '/api/relay/transfer',
  proposals: '/api/proposals',
  relayVote: '/api/relay/vote',
  agent: '/api/agent',
} as const;

/** GET /api/deployment: where the registry's contracts are, so nothing in the page is hard-coded. */
export interface DeploymentInfo {
  chainId: number;
  /** A name for the network, as the page offers it to the wallet (EIP-3085 `chainName`). */
  chainName: string;
  /** The node's JSON-RPC URL as a browser reaches it (the page reads the chain there; the wallet adds it). */
  rpcUrl: string;
  token: { address: Address; name: string; symbol: string; decimals: number };
  governor: { address: Address; name: string };
  /** The account that submits signed transfers and votes (and pays their gas). */
  relayer: Address;
  /** The company: owns the token, creates proposals. */
  company: Address;
  /** The second company, whose shares are an ERC-3643 (T-REX) token; absent when the site runs without it. */
  restricted?: RestrictedCompanyInfo;
}

/** A company whose shares move only between verified investors (ERC-3643): the page reads its cap table. */
export interface RestrictedCompanyInfo {
  /** The company's name, e.g. "Nordwind Bank". */
  name: string;
  token: { address: Address; name: string; symbol: string; decimals: number };
  /** The token's `identityRegistry()`: `isVerified(holder)` says who may hold and receive shares. */
  identityRegistry: Address;
  /** The token's `compliance()`. */
  compliance: Address;
  /** The token's agent (mints, freezes, pauses). */
  agent: Address;
}

/** The ERC-3009 `TransferWithAuthorization` message as the wallet signed it. */
export interface TransferAuthorizationJson {
  from: Address;
  to: Address;
  value: string;
  validAfter: string;
  validBefore: string;
  nonce: Hex;
}

/** POST /api/relay/transfer */
export interface TransferRelayRequest {
  authorization: TransferAuthorizationJson;
  /** The wallet's 65-byte signature. */
  signature: Hex;
}

/** POST /api/proposals: the company proposes; voting is open when the answer comes. */
export interface ProposalRequest {
  description: string;
}

export interface ProposalCreated {
  proposalId: string;
}

/** POST /api/relay/vote: an OpenZeppelin Governor `Ballot` the wallet signed. */
export interface VoteRelayRequest {
  proposalId: string;
  /** 0 Against, 1 For, 2 Abstain (GovernorCountingSimple). */
  support: 0 | 1 | 2;
  voter: Address;
  signature: Hex;
}

/** What Nordwind Bank's agent can do to its T-REX token from the registry's agent page. */
export const AGENT_ACTIONS = [
  'freeze-shares', 'unfreeze-shares', 'freeze-account', 'unfreeze-account', 'pause', 'unpause', 'revoke-verification', 'restore-verification',
] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];

/** The actions that take a number of shares (freezePartialTokens / unfreezePartialTokens). */
export const AGENT_SHARE_ACTIONS: readonly AgentAction[] = ['freeze-shares', 'unfreeze-shares'];
/** The actions on the whole token, which name no holder. */
export const AGENT_TOKEN_ACTIONS: readonly AgentAction[] = ['pause', 'unpause'];

/**
 * POST /api/agent: the server, which holds the agent's key as it holds the relayer's, sends the agent's
 * transaction. `holder` for every action but pause and unpause; `shares` (base units, decimal) only for
 * freeze-shares and unfreeze-shares. Answers `Relayed` once mined.
 */
export interface AgentRequest {
  action: AgentAction;
  holder?: Address;
  shares?: string;
}

/** A relayed transaction, mined. */
export interface Relayed {
  hash: Hex;
  blockNumber: string;
}

/** Every refusal: a sentence for people, and the contract's custom error when the chain refused. */
export interface ApiErrorBody {
  error: string;
  revert?: string;
}
