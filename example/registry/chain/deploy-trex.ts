// The example registry's second company, whose shares are a real ERC-3643 (T-REX 4) token: the suite is
// deployed from the compiled artifacts of @tokenysolutions/t-rex and @onchain-id/solidity the way T-REX's
// own fixtures do it (implementations behind a TREXImplementationAuthority, an ONCHAINID IdFactory, and a
// TREXFactory that deploys the token, registries and compliance as proxies in one transaction).
//
// Each holder gets an ONCHAINID identity carrying a KYC claim signed by a trusted ClaimIssuer, is
// registered with a country in the identity registry, and receives shares; the agent then unpauses the
// token (T-REX tokens start paused). One funded account stays unverified, so tests can see a refusal.
//
// Accounts (anvil's defaults, see deploy.ts): 0, 1, 2 holders; 5 unverified; 6 the KYC provider (its
// ClaimIssuer's management key signs the claims); 7 the company (deploys and owns the suite); 9 the
// agent. Account 9 is also the Acme company: deploy Acme first (deployRegistry) when its fixed addresses
// matter, since the agent's transactions here advance account 9's nonce.
//
//   npx tsx example/registry/chain/deploy-trex.ts     starts anvil, deploys, prints the addresses; Ctrl-C stops
import {
  encodeAbiParameters, formatUnits, getAddress, keccak256, parseEventLogs, parseUnits, stringToHex, zeroAddress,
  type Address, type Hash,
} from 'viem';
import { runAsDeployScript } from './deploy-script';
import { anvilAccount, registryPublicClient, walletOf } from './deploy';
import {
  idFactoryAbi, identityAbi, trexArtifacts, trexFactoryAbi, trexIdentityRegistryAbi, trexImplementationAuthorityAbi,
  trexTokenAbi, type TrexContractName,
} from './trex-artifacts';

export const TREX_COMPANY_ACCOUNT_INDEX = 7;
export const TREX_AGENT_ACCOUNT_INDEX = 9;
export const KYC_PROVIDER_ACCOUNT_INDEX = 6;
export const UNVERIFIED_ACCOUNT_INDEX = 5;
/** The claim topic the registry requires: 1, ONCHAINID's customary number for KYC. */
export const KYC_CLAIM_TOPIC = 1n;
/** ERC-735 claim scheme 1: an ECDSA signature by a key of the issuer. */
const ECDSA_CLAIM_SCHEME = 1n;
const RESTRICTED_DECIMALS = 18;

export interface RestrictedHolding {
  /** Anvil default account index of the holder. */
  account: number;
  /** In base units (18 decimals). */
  shares: bigint;
  /** ISO 3166-1 numeric country code registered for the holder. */
  country: number;
}

/** The demo cap table of the restricted company: account 0 holds 1,000 NRDW, 1 holds 400, 2 holds 100. */
export const RESTRICTED_HOLDINGS: readonly RestrictedHolding[] = [
  { account: 0, shares: parseUnits('1000', RESTRICTED_DECIMALS), country: 756 }, // Switzerland
  { account: 1, shares: parseUnits('400', RESTRICTED_DECIMALS), country: 276 }, // Germany
  { account: 2, shares: parseUnits('100', RESTRICTED_DECIMALS), country: 250 }, // France
];

export interface DeployRestrictedCompanyOptions {
  tokenName?: string;
  tokenSymbol?: string;
  holdings?: readonly RestrictedHolding[];
}

export interface DeployedRestrictedCompany {
  chainId: number;
  /** The T-REX token (a TokenProxy running the package's Token). */
  token: Address;
  identityRegistry: Address;
  identityRegistryStorage: Address;
  compliance: Address;
  claimTopicsRegistry: Address;
  trustedIssuersRegistry: Address;
  /** The ONCHAINID ClaimIssuer trusted for KYC_CLAIM_TOPIC. */
  claimIssuer: Address;
  /** The ONCHAINID IdFactory that made the holders' identities. */
  identityFactory: Address;
  trexFactory: Address;
  /** Owns the token and its registries. */
  owner: Address;
  /** Agent of the token and of the identity registry (mints, freezes, pauses, registers identities). */
  agent: Address;
  /** Account index of the agent, for the actions in trex-actions.ts. */
  agentAccount: number;
  holders: { account: number; address: Address; identity: Address; country: number; shares: bigint }[];
  /** A funded account with no identity: transfers to it are refused. */
  unverified: Address;
  tokenName: string;
  tokenSymbol: string;
  decimals: number;
  kycTopic: bigint;
  /** The block of the last deployment transaction. */
  blockNumber: bigint;
}

/** The message a claim issuer signs (ONCHAINID ClaimIssuer.isClaimValid): keccak256(abi.encode(identity, topic, data)). */
export function claimDigest(identity: Address, topic: bigint, data: `0x${string}`): Hash {
  return keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'bytes' }], [identity, topic, data]));
}

/**
 * Deploys the T-REX suite for the restricted company, verifies and funds the holders and unpauses the
 * token. Takes a few dozen transactions; every one is mined before the next (automine).
 * @throws Error naming the step whose transaction failed.
 */
export async function deployRestrictedCompany(
  rpcUrl: string, opts: DeployRestrictedCompanyOptions = {},
): Promise<DeployedRestrictedCompany> {
  const tokenName = opts.tokenName ?? 'Nordwind Bank Restricted Shares';
  const tokenSymbol = opts.tokenSymbol ?? 'NRDW';
  const holdings = opts.holdings ?? RESTRICTED_HOLDINGS;
  const [artifacts, client, company, kycProvider, agent] = await Promise.all([
    trexArtifacts(), registryPublicClient(rpcUrl), walletOf(rpcUrl, TREX_COMPANY_ACCOUNT_INDEX),
    walletOf(rpcUrl, KYC_PROVIDER_ACCOUNT_INDEX), walletOf(rpcUrl, TREX_AGENT_ACCOUNT_INDEX),
  ]);
  let blockNumber = 0n;
  const mined = async (hash: Hash, what: string) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`restricted company: ${what} failed (${hash})`);
    if (receipt.blockNumber > blockNumber) blockNumber = receipt.blockNumber;
    return receipt;
  };
  const deploy = async (name: TrexContractName, args: readonly unknown[] = [], by = company): Promise<Address> => {
    const { abi, bytecode } = artifacts[name];
    const receipt = await mined(await by.deployContract({ abi, bytecode, args }), `deploying ${name}`);
    if (receipt.contractAddress == null) throw new Error(`restricted company: deploying ${name} gave no address`);
    return getAddress(receipt.contractAddress);
  };

  // The implementations the proxies will run, registered as version 4.1.6 (the package's) and used.
  const implementations = {
    tokenImplementation: await deploy('Token'),
    ctrImplementation: await deploy('ClaimTopicsRegistry'),
    irImplementation: await deploy('IdentityRegistry'),
    irsImplementation: await deploy('IdentityRegistryStorage'),
    tirImplementation: await deploy('TrustedIssuersRegistry'),
    mcImplementation: await deploy('ModularCompliance'),
  };
  // A reference authority (true) not tied to a factory or IA factory: it holds versions for the proxies.
  const authority = await deploy('TREXImplementationAuthority', [true, zeroAddress, zeroAddress]);
  await mined(await company.writeContract({
    address: authority, abi: trexImplementationAuthorityAbi, functionName: 'addAndUseTREXVersion',
    args: [{ major: 4, minor: 1, patch: 6 }, implementations],
  }), 'registering the T-REX implementations');

  // ONCHAINID: an Identity implementation (library mode), its authority, and the factory of identity proxies.
  const identityImplementation = await deploy('Identity', [company.account.address, true]);
  const identityAuthority = await deploy('ImplementationAuthority', [identityImplementation]);
  const identityFactory = await deploy('IdFactory', [identityAuthority]);
  const trexFactory = await deploy('TREXFactory', [authority, identityFactory]);
  // The T-REX factory creates the token's own identity, which the IdFactory allows token factories only.
  await mined(await company.writeContract({
    address: identityFactory, abi: idFactoryAbi, functionName: 'addTokenFactory', args: [trexFactory],
  }), 'registering the T-REX factory with the IdFactory');

  // The KYC provider's ClaimIssuer; its management key (the provider's account) may sign claims.
  const claimIssuer = await deploy('ClaimIssuer', [kycProvider.account.address], kycProvider);

  const salt = `${tokenSymbol}-${company.account.address}`;
  const suite = await mined(await company.writeContract({
    address: trexFactory, abi: trexFactoryAbi, functionName: 'deployTREXSuite',
    args: [salt, {
      owner: company.account.address, name: tokenName, symbol: tokenSymbol, decimals: RESTRICTED_DECIMALS,
      irs: zeroAddress, ONCHAINID: zeroAddress, irAgents: [agent.account.address], tokenAgents: [agent.account.address],
      complianceModules: [], complianceSettings: [],
    }, { claimTopics: [KYC_CLAIM_TOPIC], issuers: [claimIssuer], issuerClaims: [[KYC_CLAIM_TOPIC]] }],
  }), 'deploying the T-REX suite');
  const [deployed] = parseEventLogs({ abi: trexFactoryAbi, eventName: 'TREXSuiteDeployed', logs: suite.logs });
  if (deployed === undefined) throw new Error('restricted company: the T-REX factory reported no suite');
  const { _token: token, _ir: identityRegistry, _irs: identityRegistryStorage, _mc: compliance } = deployed.args;

  // Each holder: an identity proxy (the holder's wallet is its management key) and a KYC claim on it.
  const holders: DeployedRestrictedCompany['holders'] = [];
  for (const { account, shares, country } of holdings) {
    const address = anvilAccount(account).address;
    await mined(await company.writeContract({
      address: identityFactory, abi: idFactoryAbi, functionName: 'createIdentity', args: [address, `holder-${address}`],
    }), `creating the identity of account ${account}`);
    const identity = await client.readContract({ address: identityFactory, abi: idFactoryAbi, functionName: 'getIdentity', args: [address] });
    holders.push({ account, address, identity, country, shares });
  }
  await Promise.all(holders.map(async ({ account, address, identity }) => {
    const data = stringToHex(`KYC checked for ${address}`);
    const signature = await kycProvider.account.signMessage({ message: { raw: claimDigest(identity, KYC_CLAIM_TOPIC, data) } });
    const holder = await walletOf(rpcUrl, account);
    await mined(await holder.writeContract({
      address: identity, abi: identityAbi, functionName: 'addClaim',
      args: [KYC_CLAIM_TOPIC, ECDSA_CLAIM_SCHEME, claimIssuer, signature, data, ''],
    }), `adding the KYC claim of account ${account}`);
  }));

  await mined(await agent.writeContract({
    address: identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'batchRegisterIdentity',
    args: [holders.map((h) => h.address), holders.map((h) => h.identity), holders.map((h) => h.country)],
  }), 'registering the holders');
  for (const { address, shares } of holders) {
    await mined(await agent.writeContract({ address: token, abi: trexTokenAbi, functionName: 'mint', args: [address, shares] }), `minting to ${address}`);
  }
  await mined(await agent.writeContract({ address: token, abi: trexTokenAbi, functionName: 'unpause' }), 'unpausing the token');

  const [claimTopicsRegistry, trustedIssuersRegistry] = await Promise.all([
    client.readContract({ address: identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'topicsRegistry' }),
    client.readContract({ address: identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'issuersRegistry' }),
  ]);
  return {
    chainId: client.chain.id,
    token, identityRegistry, identityRegistryStorage, compliance, claimTopicsRegistry, trustedIssuersRegistry,
    claimIssuer, identityFactory, trexFactory,
    owner: company.account.address,
    agent: agent.account.address,
    agentAccount: TREX_AGENT_ACCOUNT_INDEX,
    holders,
    unverified: anvilAccount(UNVERIFIED_ACCOUNT_INDEX).address,
    tokenName, tokenSymbol, decimals: RESTRICTED_DECIMALS, kycTopic: KYC_CLAIM_TOPIC, blockNumber,
  };
}

await runAsDeployScript(import.meta.url, deployRestrictedCompany, (company) => [
  `${company.tokenName} (${company.tokenSymbol}) ${company.token}`,
  `identity registry ${company.identityRegistry}, compliance ${company.compliance}`,
  `owner ${company.owner}, agent ${company.agent}, claim issuer ${company.claimIssuer}`,
  ...company.holders.map((holder) => `${holder.address}: ${formatUnits(holder.shares, company.decimals)} ${company.tokenSymbol} (identity ${holder.identity}, country ${holder.country})`),
  `${company.unverified}: not verified`,
]);
