// A third company whose shares follow ERC-7943 (uRWA): UrwaShareToken (../contracts/UrwaShareToken.sol),
// compiled with solc-js like the other registry contracts. Not part of the demo's default deployment.
//
// Accounts (anvil's defaults, see deploy.ts): 4 is the company and its agent (deploys, allows, freezes,
// mints); 0 holds 1,000 LOTUS and 1 holds 400, both allowed to send and receive; 2 is allowed but holds
// nothing; 5 (the T-REX company's unverified account) is allowed nothing. Account 4 is used by no other
// deployment, so deploying this one moves no other contract's address.
//
//   npx tsx example/registry/chain/deploy-urwa.ts     starts anvil, deploys, prints the addresses; Ctrl-C stops
import { formatUnits, getAddress, parseUnits, type Address, type Hash } from 'viem';
import { urwaShareTokenAbi } from './abi';
import { runAsDeployScript } from './deploy-script';
import { compileRegistryContracts } from './compile';
import { anvilAccount, registryPublicClient, walletOf, type Holding } from './deploy';

export const URWA_AGENT_ACCOUNT_INDEX = 4;
const URWA_DECIMALS = 18;

/** The cap table: account 0 holds 1,000 LOTUS, 1 holds 400. */
export const URWA_HOLDINGS: readonly Holding[] = [
  { account: 0, shares: parseUnits('1000', URWA_DECIMALS) },
  { account: 1, shares: parseUnits('400', URWA_DECIMALS) },
];

/** Allowed to send and receive besides the holders: account 2, which holds nothing yet. */
export const URWA_ALLOWED_ACCOUNTS: readonly number[] = [2];

export interface DeployUrwaCompanyOptions {
  tokenName?: string;
  tokenSymbol?: string;
  holdings?: readonly Holding[];
  /** Allowed to send and receive besides the holders. */
  allowed?: readonly number[];
}

export interface DeployedUrwaCompany {
  chainId: number;
  token: Address;
  /** The company, holding the agent role (and the admin role that grants it). */
  agent: Address;
  agentAccount: number;
  holders: { account: number; address: Address; shares: bigint }[];
  /** Accounts allowed to send and receive, holders included. */
  allowed: Address[];
  /** A funded account the token allows nothing. */
  outsider: Address;
  tokenName: string;
  tokenSymbol: string;
  decimals: number;
}

/**
 * Deploys UrwaShareToken from account 4, allows the holders (and `allowed`) to send and receive, and mints
 * the holdings. Every transaction is mined before the next.
 * @throws Error naming the step whose transaction failed.
 */
export async function deployUrwaCompany(rpcUrl: string, opts: DeployUrwaCompanyOptions = {}): Promise<DeployedUrwaCompany> {
  const tokenName = opts.tokenName ?? 'Lotus Robotics Shares';
  const tokenSymbol = opts.tokenSymbol ?? 'LOTUS';
  const holdings = opts.holdings ?? URWA_HOLDINGS;
  const [contracts, client, agent] = await Promise.all([compileRegistryContracts(), registryPublicClient(rpcUrl), walletOf(rpcUrl, URWA_AGENT_ACCOUNT_INDEX)]);
  const mined = async (hash: Hash, what: string) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`ERC-7943 company: ${what} failed (${hash})`);
    return receipt;
  };
  const { abi, bytecode } = contracts.UrwaShareToken;
  const deployed = await mined(await agent.deployContract({ abi, bytecode, args: [tokenName, tokenSymbol, agent.account.address] }), 'deploying UrwaShareToken');
  if (deployed.contractAddress == null) throw new Error('ERC-7943 company: deploying UrwaShareToken gave no address');
  const token = getAddress(deployed.contractAddress);

  const allowed = [...holdings.map((h) => h.account), ...(opts.allowed ?? URWA_ALLOWED_ACCOUNTS)].map((i) => anvilAccount(i).address);
  for (const address of allowed) {
    for (const functionName of ['setSendAllowed', 'setReceiveAllowed'] as const) {
      await mined(await agent.writeContract({ address: token, abi: urwaShareTokenAbi, functionName, args: [address, true] }), `${functionName} ${address}`);
    }
  }
  const holders: DeployedUrwaCompany['holders'] = [];
  for (const { account, shares } of holdings) {
    const address = anvilAccount(account).address;
    await mined(await agent.writeContract({ address: token, abi: urwaShareTokenAbi, functionName: 'mint', args: [address, shares] }), `minting to ${address}`);
    holders.push({ account, address, shares });
  }
  return {
    chainId: client.chain.id, token, agent: agent.account.address, agentAccount: URWA_AGENT_ACCOUNT_INDEX, holders, allowed,
    outsider: anvilAccount(5).address, tokenName, tokenSymbol, decimals: URWA_DECIMALS,
  };
}

await runAsDeployScript(import.meta.url, deployUrwaCompany, (company) => [
  `${company.tokenName} (${company.tokenSymbol}, ERC-7943) ${company.token}; agent ${company.agent}`,
  ...company.holders.map((holder) => `${holder.address}: ${formatUnits(holder.shares, company.decimals)} ${company.tokenSymbol}`),
  `${company.outsider}: allowed nothing`,
]);
