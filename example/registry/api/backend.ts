// What the registry's server does on its chain: describe the deployment, relay what the wallet signed,
// create proposals. The HTTP layer (routes.ts) talks to this interface only, so its tests can hand it a
// fake; chainBackend() is the real one, on a node such as the demo's anvil.
import { createProposal, relayTransferWithAuthorization, relayVoteBySig, RegistryRevertError, type DeployedRegistry } from '../chain/deploy';
import type { DeployedRestrictedCompany } from '../chain/deploy-trex';
import {
  freezePartialTokens, removeVerification, restoreVerification, setAddressFrozen, setTokenPaused, TrexRevertError, unfreezePartialTokens,
} from '../chain/trex-actions';
import type {
  AgentRequest, DeploymentInfo, ProposalCreated, ProposalRequest, Relayed, RestrictedCompanyInfo, TransferRelayRequest, VoteRelayRequest,
} from '../src/api-types';

/** The name the site gives the restricted company (chain/deploy-trex.ts deploys its shares). */
export const RESTRICTED_COMPANY_NAME = 'Nordwind Bank';

export interface RegistryBackend {
  deployment(): DeploymentInfo;
  /** @throws ChainRefusal when the contract reverts; any other error when the node cannot be reached. */
  relayTransfer(request: TransferRelayRequest): Promise<Relayed>;
  /** Resolves once voting on the new proposal is open. @throws ChainRefusal e.g. for a repeated description. */
  createProposal(request: ProposalRequest): Promise<ProposalCreated>;
  /** @throws ChainRefusal e.g. GovernorAlreadyCastVote. */
  relayVote(request: VoteRelayRequest): Promise<Relayed>;
  /**
   * Nordwind Bank's agent acts on its token (freeze, pause, revoke or restore a verification).
   * @throws ChainRefusal with T-REX's reason, or when the site runs without Nordwind Bank.
   */
  agentAction(request: AgentRequest): Promise<Relayed>;
}

/** The chain refused: the message says why, `revert` names the contract's custom error when known. */
export class ChainRefusal extends Error {
  override readonly name = 'ChainRefusal';
  constructor(message: string, readonly revert: string | undefined) {
    super(message);
  }
}

export interface RegistryChain {
  /** Where this server reaches the node. */
  rpcUrl: string;
  deployment: DeployedRegistry;
  /** Where a browser reaches the node, when not at `rpcUrl`. */
  browserRpcUrl?: string;
  /** The network's name offered to wallets. Default "Acme registry chain (local)". */
  chainName?: string;
  /** The second company (ERC-3643), on the same chain: described in GET /api/deployment as `restricted`. */
  restricted?: DeployedRestrictedCompany;
}

function restrictedInfo(company: DeployedRestrictedCompany): RestrictedCompanyInfo {
  return {
    name: RESTRICTED_COMPANY_NAME,
    token: { address: company.token, name: company.tokenName, symbol: company.tokenSymbol, decimals: company.decimals },
    identityRegistry: company.identityRegistry,
    compliance: company.compliance,
    agent: company.agent,
  };
}

/** A revert keeps its decoded reason (RegistryRevertError names the contract's custom error). */
async function refusalsNamed<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RegistryRevertError) throw new ChainRefusal(error.message, error.errorName);
    throw error;
  }
}

/** What the agent's transaction is, for one request: a T-REX action of chain/trex-actions.ts. */
function agentTransaction(rpcUrl: string, company: DeployedRestrictedCompany, request: AgentRequest) {
  const { token, identityRegistry } = company;
  const holder = () => {
    if (request.holder === undefined) throw new ChainRefusal(`${request.action} needs a holder`, undefined);
    return request.holder;
  };
  const shares = () => BigInt(request.shares ?? '0');
  switch (request.action) {
    case 'freeze-shares': return freezePartialTokens(rpcUrl, token, holder(), shares());
    case 'unfreeze-shares': return unfreezePartialTokens(rpcUrl, token, holder(), shares());
    case 'freeze-account': return setAddressFrozen(rpcUrl, token, holder(), true);
    case 'unfreeze-account': return setAddressFrozen(rpcUrl, token, holder(), false);
    case 'pause': return setTokenPaused(rpcUrl, token, true);
    case 'unpause': return setTokenPaused(rpcUrl, token, false);
    case 'revoke-verification': return removeVerification(rpcUrl, identityRegistry, holder());
    case 'restore-verification': {
      // Only a holder the company verified at deployment has an identity and a country to register again.
      const known = company.holders.find((candidate) => candidate.address === holder());
      if (known === undefined) throw new ChainRefusal(`${holder()} has no ONCHAINID identity known to ${RESTRICTED_COMPANY_NAME}`, undefined);
      return restoreVerification(rpcUrl, identityRegistry, known.address, known.identity, known.country);
    }
  }
}

/** T-REX's refusal keeps its reason ("AgentRole: caller does not have the Agent role", "Pausable: paused"). */
async function agentRefusalsNamed<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TrexRevertError) throw new ChainRefusal(error.message, error.reason);
    throw error;
  }
}

/**
 * The registry on a real node. The relayer (anvil account 8), the company (account 9) and Nordwind Bank's
 * agent (account 9 too) sign their transactions with anvil's well-known test keys, derived in chain/deploy.ts from anvil's public test
 * phrase: fine for a local demo, and they never leave this server. A real registry keeps its relayer
 * key in a key store and never sends it to a page.
 */
export function chainBackend(chain: RegistryChain): RegistryBackend {
  const { rpcUrl, deployment } = chain;
  const info: DeploymentInfo = {
    chainId: deployment.chainId,
    chainName: chain.chainName ?? 'Acme registry chain (local)',
    rpcUrl: chain.browserRpcUrl ?? rpcUrl,
    token: { address: deployment.token, name: deployment.tokenName, symbol: deployment.tokenSymbol, decimals: deployment.decimals },
    governor: { address: deployment.governor, name: deployment.governorName },
    relayer: deployment.relayer,
    company: deployment.company,
    ...(chain.restricted === undefined ? {} : { restricted: restrictedInfo(chain.restricted) }),
  };
  const relayed = ({ hash, blockNumber }: { hash: `0x${string}`; blockNumber: bigint }): Relayed => ({ hash, blockNumber: blockNumber.toString() });
  return {
    deployment: () => info,
    relayTransfer: ({ authorization, signature }) => refusalsNamed(async () => relayed(
      await relayTransferWithAuthorization(rpcUrl, deployment.token, authorization, signature),
    )),
    createProposal: ({ description }) => refusalsNamed(async () => ({
      proposalId: (await createProposal(rpcUrl, deployment.governor, description)).toString(),
    })),
    relayVote: ({ proposalId, support, voter, signature }) => refusalsNamed(async () => relayed(
      await relayVoteBySig(rpcUrl, deployment.governor, BigInt(proposalId), support, voter, signature),
    )),
    agentAction: (request) => agentRefusalsNamed(async () => {
      if (chain.restricted === undefined) throw new ChainRefusal(`this registry runs without ${RESTRICTED_COMPANY_NAME}`, undefined);
      return relayed(await agentTransaction(rpcUrl, chain.restricted, request));
    }),
  };
}
