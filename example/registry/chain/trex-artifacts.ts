// The ERC-3643 (T-REX) suite and ONCHAINID identities as their publishers compiled them: the Hardhat
// artifacts (ABI + creation bytecode) shipped in the npm packages @tokenysolutions/t-rex and
// @onchain-id/solidity, read from node_modules. Nothing here is compiled or re-implemented by the project.
//
// The `as const` ABIs below are the few functions the registry calls, written out so viem types each
// call; a test checks that every one of them is in the package's own ABI of that contract.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseAbi, type Abi, type Hex } from 'viem';
import type { CompiledContract } from './compile';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const TREX_DIR = packageDir('@tokenysolutions/t-rex');
const ONCHAINID_DIR = packageDir('@onchain-id/solidity');

/** Where each contract's artifact is, inside its package. */
const ARTIFACTS = {
  Token: [TREX_DIR, 'artifacts/contracts/token/Token.sol/Token.json'],
  ClaimTopicsRegistry: [TREX_DIR, 'artifacts/contracts/registry/implementation/ClaimTopicsRegistry.sol/ClaimTopicsRegistry.json'],
  IdentityRegistry: [TREX_DIR, 'artifacts/contracts/registry/implementation/IdentityRegistry.sol/IdentityRegistry.json'],
  IdentityRegistryStorage: [TREX_DIR, 'artifacts/contracts/registry/implementation/IdentityRegistryStorage.sol/IdentityRegistryStorage.json'],
  TrustedIssuersRegistry: [TREX_DIR, 'artifacts/contracts/registry/implementation/TrustedIssuersRegistry.sol/TrustedIssuersRegistry.json'],
  ModularCompliance: [TREX_DIR, 'artifacts/contracts/compliance/modular/ModularCompliance.sol/ModularCompliance.json'],
  CountryRestrictModule: [TREX_DIR, 'artifacts/contracts/compliance/modular/modules/CountryRestrictModule.sol/CountryRestrictModule.json'],
  ModuleProxy: [TREX_DIR, 'artifacts/contracts/compliance/modular/modules/ModuleProxy.sol/ModuleProxy.json'],
  TREXImplementationAuthority: [TREX_DIR, 'artifacts/contracts/proxy/authority/TREXImplementationAuthority.sol/TREXImplementationAuthority.json'],
  TREXFactory: [TREX_DIR, 'artifacts/contracts/factory/TREXFactory.sol/TREXFactory.json'],
  Identity: [ONCHAINID_DIR, 'artifacts/contracts/Identity.sol/Identity.json'],
  ImplementationAuthority: [ONCHAINID_DIR, 'artifacts/contracts/proxy/ImplementationAuthority.sol/ImplementationAuthority.json'],
  IdFactory: [ONCHAINID_DIR, 'artifacts/contracts/factory/IdFactory.sol/IdFactory.json'],
  ClaimIssuer: [ONCHAINID_DIR, 'artifacts/contracts/ClaimIssuer.sol/ClaimIssuer.json'],
} as const satisfies Record<string, readonly [string, string]>;

export type TrexContractName = keyof typeof ARTIFACTS;
export const TREX_CONTRACT_NAMES = Object.keys(ARTIFACTS) as TrexContractName[];

/** Thrown when a package's artifact is missing or is not a deployable Hardhat artifact. */
export class TrexArtifactError extends Error {
  override readonly name = 'TrexArtifactError';
}

async function readArtifact(name: TrexContractName): Promise<CompiledContract> {
  const [dir, file] = ARTIFACTS[name];
  const where = path.join(dir, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(where, 'utf8'));
  } catch (error) {
    throw new TrexArtifactError(`cannot read the ${name} artifact (${where}): ${(error as Error).message}; run npm ci`);
  }
  const { abi, bytecode, linkReferences } = (parsed ?? {}) as { abi?: unknown; bytecode?: unknown; linkReferences?: unknown };
  if (!Array.isArray(abi) || typeof bytecode !== 'string' || !/^0x[0-9a-fA-F]{2,}$/.test(bytecode)) {
    throw new TrexArtifactError(`${where} has no ABI or no creation bytecode`);
  }
  // Linked libraries would leave placeholders in the bytecode; none of these contracts uses one.
  if (typeof linkReferences === 'object' && linkReferences !== null && Object.keys(linkReferences).length > 0) {
    throw new TrexArtifactError(`${where} needs linked libraries, which the registry does not deploy`);
  }
  return { abi: abi as Abi, bytecode: bytecode as Hex };
}

let loaded: Promise<Record<TrexContractName, CompiledContract>> | undefined;

/** The artifacts of every contract the restricted company deploys, read once per process. */
export function trexArtifacts(): Promise<Record<TrexContractName, CompiledContract>> {
  loaded ??= Promise.all(TREX_CONTRACT_NAMES.map(async (name) => [name, await readArtifact(name)] as const))
    .then((entries) => Object.fromEntries(entries) as Record<TrexContractName, CompiledContract>);
  loaded.catch(() => { loaded = undefined; });
  return loaded;
}

// ---- the functions the registry calls, typed ----------------------------------------------------

/** T-REX Token (IToken): ERC-20 plus the agent's controls. */
export const trexTokenAbi = parseAbi([
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address _userAddress) view returns (uint256)',
  'function version() pure returns (string)',
  'function onchainID() view returns (address)',
  'function identityRegistry() view returns (address)',
  'function compliance() view returns (address)',
  'function paused() view returns (bool)',
  'function isFrozen(address _userAddress) view returns (bool)',
  'function getFrozenTokens(address _userAddress) view returns (uint256)',
  'function isAgent(address _agent) view returns (bool)',
  'function owner() view returns (address)',
  'function transfer(address _to, uint256 _amount) returns (bool)',
  'function batchTransfer(address[] _toList, uint256[] _amounts)',
  'function mint(address _to, uint256 _amount)',
  'function pause()',
  'function unpause()',
  'function setAddressFrozen(address _userAddress, bool _freeze)',
  'function freezePartialTokens(address _userAddress, uint256 _amount)',
  'function unfreezePartialTokens(address _userAddress, uint256 _amount)',
]);

/** T-REX IdentityRegistry: who is verified, with which identity and country. */
export const trexIdentityRegistryAbi = parseAbi([
  'function isVerified(address _userAddress) view returns (bool)',
  'function contains(address _userAddress) view returns (bool)',
  'function identity(address _userAddress) view returns (address)',
  'function investorCountry(address _userAddress) view returns (uint16)',
  'function identityStorage() view returns (address)',
  'function issuersRegistry() view returns (address)',
  'function topicsRegistry() view returns (address)',
  'function isAgent(address _agent) view returns (bool)',
  'function batchRegisterIdentity(address[] _userAddresses, address[] _identities, uint16[] _countries)',
  'function deleteIdentity(address _userAddress)',
]);

/** T-REX ModularCompliance: the token it is bound to, its verdict on a transfer, and its modules (owner only). */
export const trexComplianceAbi = parseAbi([
  'function getTokenBound() view returns (address)',
  'function canTransfer(address _from, address _to, uint256 _value) view returns (bool)',
  'function addModule(address _module)',
  'function callModuleFunction(bytes callData, address _module)',
  'function isModuleBound(address _module) view returns (bool)',
]);

/** T-REX CountryRestrictModule (behind a ModuleProxy): refuses transfers to investors of restricted countries. */
export const countryRestrictModuleAbi = parseAbi([
  'function initialize()',
  'function addCountryRestriction(uint16 _country)',
  'function removeCountryRestriction(uint16 _country)',
  'function isCountryRestricted(address _compliance, uint16 _country) view returns (bool)',
]);

/** T-REX TREXImplementationAuthority: the implementations the suite's proxies run. */
export const trexImplementationAuthorityAbi = parseAbi([
  'struct Version { uint8 major; uint8 minor; uint8 patch; }',
  'struct TREXContracts { address tokenImplementation; address ctrImplementation; address irImplementation; address irsImplementation; address tirImplementation; address mcImplementation; }',
  'function addAndUseTREXVersion(Version _version, TREXContracts _trex)',
]);

/** T-REX TREXFactory: deploys a whole suite (proxies, token identity, roles) in one transaction. */
export const trexFactoryAbi = parseAbi([
  'struct TokenDetails { address owner; string name; string symbol; uint8 decimals; address irs; address ONCHAINID; address[] irAgents; address[] tokenAgents; address[] complianceModules; bytes[] complianceSettings; }',
  'struct ClaimDetails { uint256[] claimTopics; address[] issuers; uint256[][] issuerClaims; }',
  'function deployTREXSuite(string _salt, TokenDetails _tokenDetails, ClaimDetails _claimDetails)',
  'event TREXSuiteDeployed(address indexed _token, address _ir, address _irs, address _tir, address _ctr, address _mc, string indexed _salt)',
]);

/** ONCHAINID IdFactory: creates identity proxies for wallets (and tokens, for a registered token factory). */
export const idFactoryAbi = parseAbi([
  'function addTokenFactory(address _factory)',
  'function createIdentity(address _wallet, string _salt) returns (address)',
  'function getIdentity(address _wallet) view returns (address)',
]);

/** ONCHAINID Identity (ERC-734 keys, ERC-735 claims) and ClaimIssuer (an Identity that checks claims). */
export const identityAbi = parseAbi([
  'function addClaim(uint256 _topic, uint256 _scheme, address _issuer, bytes _signature, bytes _data, string _uri) returns (bytes32 claimRequestId)',
  'function getClaimIdsByTopic(uint256 _topic) view returns (bytes32[] claimIds)',
  'function isClaimValid(address _identity, uint256 claimTopic, bytes sig, bytes data) view returns (bool)',
]);
