// What the registry's server does on its chain: describe the deployment, relay what the wallet signed,
// create proposals. The HTTP layer (routes.ts) talks to this interface only, so its tests can hand it a
// fake; chainBackend() is the real one, on a node such as the demo's anvil.
import { createProposal, relayTransferWithAuthorization, relayVoteBySig, RegistryRevertError, type DeployedRegistry } from '../chain/deploy';
import type { DeployedRestrictedCompany } from '../chain/deploy-trex';
import type {
  DeploymentInfo, ProposalCreated, ProposalRequest, Relayed, RestrictedCompanyInfo, TransferRelayRequest, VoteRelayRequest,
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

/**
 * The registry on a real node. The relayer (anvil account 8) and the company (account 9) sign their
 * transactions with anvil's well-known test keys, derived in chain/deploy.ts from anvil's public test
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
  };
}
