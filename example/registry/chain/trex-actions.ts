// What the restricted company's agent (and a holder) do to its T-REX token, as plain transactions:
// thin viem writes for the demo, the tests and the registry site's server side. Each call is simulated
// first, so a refusal comes back with T-REX's own reason ("Transfer not possible", "wallet is frozen",
// "Pausable: paused", "AgentRole: caller does not have the Agent role"); gas is estimated by the node
// for every call (a T-REX transfer takes ~300k, so no fixed limit would do).
import {
  BaseError, ContractFunctionRevertedError, encodeFunctionData, getAddress, type Address, type Chain, type Hash, type PublicClient, type Transport,
} from 'viem';
import { registryPublicClient, walletOf } from './deploy';
import { TREX_AGENT_ACCOUNT_INDEX, TREX_COMPANY_ACCOUNT_INDEX } from './deploy-trex';
import { countryRestrictModuleAbi, trexArtifacts, trexComplianceAbi, trexIdentityRegistryAbi, trexTokenAbi } from './trex-artifacts';

/** A T-REX contract refused the call; `reason` is its revert string when it gave one. */
export class TrexRevertError extends Error {
  override readonly name = 'TrexRevertError';
  constructor(readonly functionName: string, readonly reason: string | undefined, options: { cause: unknown }) {
    super(`${functionName} reverted ${reason === undefined ? 'without a reason' : `with "${reason}"`}`, options);
  }
}

export interface TrexResult {
  hash: Hash;
  blockNumber: bigint;
}

type Wallet = Awaited<ReturnType<typeof walletOf>>;

async function sendAs(
  rpcUrl: string,
  accountIndex: number,
  functionName: string,
  write: (wallet: Wallet, client: PublicClient<Transport, Chain>) => Promise<Hash>,
): Promise<TrexResult> {
  const [client, wallet] = await Promise.all([registryPublicClient(rpcUrl), walletOf(rpcUrl, accountIndex)]);
  let hash: Hash;
  try {
    hash = await write(wallet, client);
  } catch (error) {
    const revert = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    if (revert instanceof ContractFunctionRevertedError) throw new TrexRevertError(functionName, revert.reason, { cause: error });
    throw error;
  }
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new TrexRevertError(functionName, undefined, { cause: receipt });
  return { hash, blockNumber: receipt.blockNumber };
}

export interface AgentOptions {
  /** Anvil account index of the agent. Default TREX_AGENT_ACCOUNT_INDEX (9). */
  agent?: number;
}

const agentOf = (opts: AgentOptions) => opts.agent ?? TREX_AGENT_ACCOUNT_INDEX;

/** Freezes (or, with `frozen` false, unfreezes) a whole address: it can neither send nor receive. */
export function setAddressFrozen(rpcUrl: string, token: Address, address: Address, frozen = true, opts: AgentOptions = {}) {
  return sendAs(rpcUrl, agentOf(opts), 'setAddressFrozen', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: token, abi: trexTokenAbi, functionName: 'setAddressFrozen', args: [address, frozen],
    });
    return wallet.writeContract(request);
  });
}

/** Freezes `amount` of an address's shares: only the rest can move. */
export function freezePartialTokens(rpcUrl: string, token: Address, address: Address, amount: bigint, opts: AgentOptions = {}) {
  return sendAs(rpcUrl, agentOf(opts), 'freezePartialTokens', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: token, abi: trexTokenAbi, functionName: 'freezePartialTokens', args: [address, amount],
    });
    return wallet.writeContract(request);
  });
}

/** Releases `amount` of an address's frozen shares. */
export function unfreezePartialTokens(rpcUrl: string, token: Address, address: Address, amount: bigint, opts: AgentOptions = {}) {
  return sendAs(rpcUrl, agentOf(opts), 'unfreezePartialTokens', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: token, abi: trexTokenAbi, functionName: 'unfreezePartialTokens', args: [address, amount],
    });
    return wallet.writeContract(request);
  });
}

/** Pauses the token (or, with `paused` false, unpauses it): no transfer moves while it is paused. */
export function setTokenPaused(rpcUrl: string, token: Address, paused = true, opts: AgentOptions = {}) {
  const functionName = paused ? 'pause' : 'unpause';
  return sendAs(rpcUrl, agentOf(opts), functionName, async (wallet, client) => {
    const { request } = await client.simulateContract({ account: wallet.account, address: token, abi: trexTokenAbi, functionName });
    return wallet.writeContract(request);
  });
}

/** Issues `amount` new shares to a verified address. */
export function mintRestrictedShares(rpcUrl: string, token: Address, to: Address, amount: bigint, opts: AgentOptions = {}) {
  return sendAs(rpcUrl, agentOf(opts), 'mint', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: token, abi: trexTokenAbi, functionName: 'mint', args: [to, amount],
    });
    return wallet.writeContract(request);
  });
}

/** Removes an address from the identity registry: it is no longer verified and cannot receive shares. */
export function removeVerification(rpcUrl: string, identityRegistry: Address, address: Address, opts: AgentOptions = {}) {
  return sendAs(rpcUrl, agentOf(opts), 'deleteIdentity', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'deleteIdentity', args: [address],
    });
    return wallet.writeContract(request);
  });
}

/**
 * Registers an address again in the identity registry with its ONCHAINID `identity` and `country` (after
 * `removeVerification`): it is a verified investor again as long as its identity still carries the KYC claim.
 */
export function restoreVerification(rpcUrl: string, identityRegistry: Address, address: Address, identity: Address, country: number, opts: AgentOptions = {}) {
  return sendAs(rpcUrl, agentOf(opts), 'batchRegisterIdentity', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'batchRegisterIdentity',
      args: [[address], [identity], [country]],
    });
    return wallet.writeContract(request);
  });
}

/**
 * A holder's own `transfer` of restricted shares, sent from anvil account `fromAccount`.
 * @throws TrexRevertError with T-REX's reason, e.g. "Transfer not possible" to an unverified address.
 */
export function transferRestrictedShares(rpcUrl: string, token: Address, fromAccount: number, to: Address, amount: bigint) {
  return sendAs(rpcUrl, fromAccount, 'transfer', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: token, abi: trexTokenAbi, functionName: 'transfer', args: [to, amount],
    });
    return wallet.writeContract(request);
  });
}

export interface OwnerOptions {
  /** Anvil account index of the suite's owner. Default TREX_COMPANY_ACCOUNT_INDEX (7). */
  owner?: number;
}

/**
 * The company (the compliance's owner) adds T-REX's own CountryRestrictModule to the token's compliance,
 * behind a ModuleProxy as T-REX deploys its modules, and restricts `country` (ISO 3166-1 numeric): from
 * then on compliance().canTransfer refuses transfers to investors registered in that country. Returns the
 * module's address, for `liftCountryRestriction`.
 * @throws TrexRevertError when a step is refused.
 */
export async function restrictCountry(rpcUrl: string, compliance: Address, country: number, opts: OwnerOptions = {}): Promise<Address> {
  const owner = opts.owner ?? TREX_COMPANY_ACCOUNT_INDEX;
  const [artifacts, client, wallet] = await Promise.all([trexArtifacts(), registryPublicClient(rpcUrl), walletOf(rpcUrl, owner)]);
  const deploy = async (name: 'CountryRestrictModule' | 'ModuleProxy', args: readonly unknown[]) => {
    const { abi, bytecode } = artifacts[name];
    const receipt = await client.waitForTransactionReceipt({ hash: await wallet.deployContract({ abi, bytecode, args }) });
    if (receipt.status !== 'success' || receipt.contractAddress == null) throw new TrexRevertError(`deploying ${name}`, undefined, { cause: receipt });
    return getAddress(receipt.contractAddress);
  };
  const implementation = await deploy('CountryRestrictModule', []);
  const module = await deploy('ModuleProxy', [implementation, encodeFunctionData({ abi: countryRestrictModuleAbi, functionName: 'initialize' })]);
  await sendAs(rpcUrl, owner, 'addModule', async (w, c) => {
    const { request } = await c.simulateContract({ account: w.account, address: compliance, abi: trexComplianceAbi, functionName: 'addModule', args: [module] });
    return w.writeContract(request);
  });
  await callCountryModule(rpcUrl, compliance, module, 'addCountryRestriction', country, owner);
  return module;
}

/** Lifts a restriction that `restrictCountry` set. @throws TrexRevertError when it is refused. */
export function liftCountryRestriction(rpcUrl: string, compliance: Address, module: Address, country: number, opts: OwnerOptions = {}) {
  return callCountryModule(rpcUrl, compliance, module, 'removeCountryRestriction', country, opts.owner ?? TREX_COMPANY_ACCOUNT_INDEX);
}

/** A module's settings change only through its compliance (T-REX onlyComplianceCall), by the compliance's owner. */
function callCountryModule(
  rpcUrl: string, compliance: Address, module: Address, functionName: 'addCountryRestriction' | 'removeCountryRestriction', country: number, owner: number,
) {
  const callData = encodeFunctionData({ abi: countryRestrictModuleAbi, functionName, args: [country] });
  return sendAs(rpcUrl, owner, functionName, async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: compliance, abi: trexComplianceAbi, functionName: 'callModuleFunction', args: [callData, module],
    });
    return wallet.writeContract(request);
  });
}
