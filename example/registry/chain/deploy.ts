// Deploys the example registry (ShareToken + ShareholderGovernor) on a chain such as a fresh anvil node,
// gives demo holders their shares, and relays what the wallet signs: ERC-3009 transfers, ERC-2612
// permits and Governor ballots, submitted by the registry's own relayer account (the holder pays no gas).
//
// Accounts are anvil's defaults from the mnemonic `test test ... junk` (all funded with 10,000 ETH):
//   0, 1, 2  demo holders (account 0, 0xf39F...2266, is the wallet's restored account in the e2e tests)
//   8        the registry's relayer: submits signed transfers and votes
//   9        the company: deploys the contracts (token at its nonce 0, governor at nonce 1) and issues shares
//
//   npx tsx example/registry/chain/deploy.ts     starts anvil, deploys, prints the addresses; Ctrl-C stops
import { mnemonicToSeedSync } from '@scure/bip39';
import {
  BaseError, ContractFunctionRevertedError, createPublicClient, createTestClient, createWalletClient, defineChain,
  encodeFunctionData, formatUnits, getAddress, http, parseSignature, parseUnits,
  type Address, type Chain, type Hash, type Hex, type HDAccount, type PublicClient, type Transport,
} from 'viem';
import { HDKey, hdKeyToAccount } from 'viem/accounts';
import { shareholderGovernorAbi, shareTokenAbi } from './abi';
import { runAsDeployScript } from './deploy-script';
import { compileRegistryContracts, compileSolidity, type CompiledContract } from './compile';

/** Anvil's default mnemonic: its first ten accounts are funded on every fresh node. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';
export const COMPANY_ACCOUNT_INDEX = 9;
export const RELAYER_ACCOUNT_INDEX = 8;
export const SHARE_DECIMALS = 18;

const accounts = new Map<number, HDAccount>();
let anvilRoot: HDKey | undefined;

/** Anvil default account `index` (m/44'/60'/0'/0/index of ANVIL_MNEMONIC), a local viem account. */
export function anvilAccount(index: number): HDAccount {
  let account = accounts.get(index);
  if (account === undefined) {
    // The seed (PBKDF2, 2048 rounds) once, not once per account as mnemonicToAccount would.
    anvilRoot ??= HDKey.fromMasterSeed(mnemonicToSeedSync(ANVIL_MNEMONIC));
    account = hdKeyToAccount(anvilRoot, { addressIndex: index });
    accounts.set(index, account);
  }
  return account;
}

export interface Holding {
  /** Anvil default account index of the holder (its key also signs the holder's self-delegation). */
  account: number;
  /** In base units (18 decimals): 1 share = 10^18. */
  shares: bigint;
}

/** The demo cap table: account 0 holds 1,500 ACME, account 1 800, account 2 250. */
export const DEMO_HOLDINGS: readonly Holding[] = [
  { account: 0, shares: parseUnits('1500', SHARE_DECIMALS) },
  { account: 1, shares: parseUnits('800', SHARE_DECIMALS) },
  { account: 2, shares: parseUnits('250', SHARE_DECIMALS) },
];

export interface DeployRegistryOptions {
  /** ERC-20 name, also the token's EIP-712 domain name. Default "Acme Holdings Shares". */
  tokenName?: string;
  /** Default "ACME". */
  tokenSymbol?: string;
  /** The governor's name, also its EIP-712 domain name. Default "Acme Shareholder Governor". */
  governorName?: string;
  /** Who gets shares; each holder self-delegates so its shares count as votes. Default DEMO_HOLDINGS. */
  holdings?: readonly Holding[];
  /** Blocks between a proposal and the start of voting. Default 1. */
  votingDelay?: number;
  /** Blocks the voting lasts. Default 50. */
  votingPeriod?: number;
  /** Quorum as a percentage of the supply at the proposal's snapshot. Default 4. */
  quorumPercent?: number;
}

export interface DeployedRegistry {
  chainId: number;
  token: Address;
  governor: Address;
  /** The owner of the token (may mint). */
  company: Address;
  /** The account the relay helpers send transactions from. */
  relayer: Address;
  /** In the order given; `shares` in base units (what `balanceOf` returns). */
  holders: { address: Address; shares: bigint }[];
  tokenName: string;
  tokenSymbol: string;
  decimals: number;
  governorName: string;
  votingDelay: number;
  votingPeriod: number;
  /** The block of the last deployment transaction. */
  blockNumber: bigint;
}

// ---- clients -------------------------------------------------------------------------------------

const chains = new Map<string, Promise<Chain>>();

/** The chain behind `rpcUrl` (its id asked once per URL), for viem clients. */
function chainAt(rpcUrl: string): Promise<Chain> {
  let chain = chains.get(rpcUrl);
  if (chain === undefined) {
    chain = createPublicClient({ transport: http(rpcUrl) }).getChainId().then((id) => defineChain({
      id,
      name: `Registry chain ${id}`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    }));
    chain.catch(() => chains.delete(rpcUrl)); // let a later call try again
    chains.set(rpcUrl, chain);
  }
  return chain;
}

/** A public client for `rpcUrl` that polls quickly (local chains mine at once). */
export async function registryPublicClient(rpcUrl: string): Promise<PublicClient<Transport, Chain>> {
  return createPublicClient({ chain: await chainAt(rpcUrl), transport: http(rpcUrl), pollingInterval: 50 });
}

/** A wallet client for anvil default account `accountIndex` on `rpcUrl`. */
export async function walletOf(rpcUrl: string, accountIndex: number) {
  return createWalletClient({ account: anvilAccount(accountIndex), chain: await chainAt(rpcUrl), transport: http(rpcUrl) });
}

// ---- errors --------------------------------------------------------------------------------------

const REVERT_EXPLANATIONS: Record<string, string> = {
  ERC3009UsedAuthorization: 'this transfer authorization was already used (or cancelled)',
  ERC3009InvalidSignature: 'the signature is not the holder\'s signature of this transfer',
  ERC3009InvalidAuthorizationTime: 'the authorization is outside its validity window',
  ERC20InsufficientBalance: 'the holder does not have that many shares',
  ERC2612ExpiredSignature: 'the permit has expired',
  ERC2612InvalidSigner: 'the signature is not the owner\'s signature of this permit',
  ECDSAInvalidSignatureS: 'the signature is malleable (high s) and refused',
  GovernorAlreadyCastVote: 'this voter has already voted on the proposal',
  GovernorInvalidSignature: 'the signature is not the voter\'s signature of this ballot (or the nonce is stale)',
  GovernorUnexpectedProposalState: 'the proposal is not in a state that allows this (not active, or already exists)',
  GovernorInvalidVoteType: 'the vote must be 0 (Against), 1 (For) or 2 (Abstain)',
  GovernorNonexistentProposal: 'there is no such proposal',
};

/** A transaction the registry's contracts refused; `errorName` is the contract's custom error. */
export class RegistryRevertError extends Error {
  override readonly name = 'RegistryRevertError';
  constructor(
    readonly functionName: string,
    readonly errorName: string | undefined,
    readonly args: readonly unknown[],
    options: { cause: unknown },
  ) {
    const shown = errorName === undefined
      ? 'without a known reason'
      : `with ${errorName}(${args.map(String).join(', ')})${REVERT_EXPLANATIONS[errorName] === undefined ? '' : `: ${REVERT_EXPLANATIONS[errorName]}`}`;
    super(`${functionName} reverted ${shown}`, options);
  }
}

const senders = new Map<string, Promise<unknown>>();

/**
 * Runs a contract call: simulate first (so a revert comes back decoded), then send and wait for it.
 * Calls from one account go one after the other (in this process), so parallel relays never pick the
 * same nonce.
 */
export function sendFromAccount(
  rpcUrl: string,
  fromAccount: number,
  functionName: string,
  write: (wallet: Awaited<ReturnType<typeof walletOf>>, client: PublicClient<Transport, Chain>) => Promise<Hash>,
): Promise<RelayResult> {
  const key = `${rpcUrl} ${fromAccount}`;
  const previous = senders.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => sendNow(rpcUrl, fromAccount, functionName, write));
  senders.set(key, next);
  void next.finally(() => { if (senders.get(key) === next) senders.delete(key); }).catch(() => undefined);
  return next;
}

async function sendNow(
  rpcUrl: string,
  fromAccount: number,
  functionName: string,
  write: (wallet: Awaited<ReturnType<typeof walletOf>>, client: PublicClient<Transport, Chain>) => Promise<Hash>,
): Promise<RelayResult> {
  const client = await registryPublicClient(rpcUrl);
  const wallet = await walletOf(rpcUrl, fromAccount);
  let hash: Hash;
  try {
    hash = await write(wallet, client);
  } catch (error) {
    const revert = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : null;
    if (revert instanceof ContractFunctionRevertedError) {
      throw new RegistryRevertError(functionName, revert.data?.errorName ?? revert.reason, revert.data?.args ?? [], { cause: error });
    }
    throw error;
  }
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new RegistryRevertError(functionName, undefined, [], { cause: receipt });
  return { hash, blockNumber: receipt.blockNumber };
}

export interface RelayResult {
  hash: Hash;
  blockNumber: bigint;
}

// ---- deploy --------------------------------------------------------------------------------------

/**
 * Deploys ShareToken and ShareholderGovernor from the company account (9), mints the holdings and has
 * every holder delegate to itself. On a fresh anvil node the token is always at the company's nonce-0
 * address and the governor at its nonce-1 address.
 */
export async function deployRegistry(rpcUrl: string, opts: DeployRegistryOptions = {}): Promise<DeployedRegistry> {
  const tokenName = opts.tokenName ?? 'Acme Holdings Shares';
  const tokenSymbol = opts.tokenSymbol ?? 'ACME';
  const governorName = opts.governorName ?? 'Acme Shareholder Governor';
  const holdings = opts.holdings ?? DEMO_HOLDINGS;
  const votingDelay = opts.votingDelay ?? 1;
  const votingPeriod = opts.votingPeriod ?? 50;
  const quorumPercent = opts.quorumPercent ?? 4;

  const [contracts, client, company] = await Promise.all([
    compileRegistryContracts(), registryPublicClient(rpcUrl), walletOf(rpcUrl, COMPANY_ACCOUNT_INDEX),
  ]);
  const deployed = async (hash: Hash, what: string): Promise<Address> => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success' || receipt.contractAddress == null) throw new Error(`deploying ${what} failed (${hash})`);
    return getAddress(receipt.contractAddress);
  };
  const mined = async (hash: Hash, what: string): Promise<bigint> => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${what} failed (${hash})`);
    return receipt.blockNumber;
  };

  const token = await deployed(await company.deployContract({
    abi: shareTokenAbi,
    bytecode: contracts.ShareToken.bytecode,
    args: [tokenName, tokenSymbol, company.account.address],
  }), 'ShareToken');
  const governor = await deployed(await company.deployContract({
    abi: shareholderGovernorAbi,
    bytecode: contracts.ShareholderGovernor.bytecode,
    args: [token, governorName, votingDelay, votingPeriod, BigInt(quorumPercent)],
  }), 'ShareholderGovernor');

  let blockNumber = 0n;
  for (const { account, shares } of holdings) {
    const to = anvilAccount(account).address;
    const hash = await company.writeContract({ address: token, abi: shareTokenAbi, functionName: 'mint', args: [to, shares] });
    blockNumber = await mined(hash, `minting shares to account ${account}`);
  }
  // Each holder's own key (anvil's well-known test keys) delegates its votes to itself; different
  // accounts, so these can go in parallel.
  const delegations = await Promise.all([...new Set(holdings.map((holding) => holding.account))].map(async (account) => {
    const wallet = await walletOf(rpcUrl, account);
    const hash = await wallet.writeContract({
      address: token, abi: shareTokenAbi, functionName: 'delegate', args: [wallet.account.address],
    });
    return mined(hash, `self-delegation of account ${account}`);
  }));
  for (const block of delegations) if (block > blockNumber) blockNumber = block;

  return {
    chainId: client.chain.id,
    token,
    governor,
    company: company.account.address,
    relayer: anvilAccount(RELAYER_ACCOUNT_INDEX).address,
    holders: holdings.map(({ account, shares }) => ({ address: anvilAccount(account).address, shares })),
    tokenName,
    tokenSymbol,
    decimals: SHARE_DECIMALS,
    governorName,
    votingDelay,
    votingPeriod,
    blockNumber,
  };
}

/**
 * A plain OpenZeppelin ERC-20 whose `name()` and `symbol()` are whatever a test needs a contract to say: a
 * very long name, a bidi override. (ShareToken cannot: its EIP-712 domain takes its name, at most 31 bytes.)
 */
const NAMED_TOKEN_SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
contract NamedToken is ERC20 {
    constructor(string memory name_, string memory symbol_) ERC20(name_, symbol_) {}
}
`;

let namedToken: Promise<CompiledContract> | undefined;

/** Deploys a NamedToken (no holders) from the company account and returns its address. */
export async function deployNamedToken(rpcUrl: string, opts: { name: string; symbol: string }): Promise<Address> {
  namedToken ??= compileSolidity({ 'NamedToken.sol': NAMED_TOKEN_SOURCE }).then((output) => {
    const contract = output['NamedToken.sol']?.NamedToken;
    if (contract === undefined) throw new Error('solc gave no NamedToken');
    return contract;
  });
  const [contract, client, company] = await Promise.all([namedToken, registryPublicClient(rpcUrl), walletOf(rpcUrl, COMPANY_ACCOUNT_INDEX)]);
  const hash = await company.deployContract({ abi: contract.abi, bytecode: contract.bytecode, args: [opts.name, opts.symbol] });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || receipt.contractAddress == null) throw new Error(`deploying NamedToken "${opts.symbol}" failed (${hash})`);
  return getAddress(receipt.contractAddress);
}

// ---- relaying what the wallet signed -------------------------------------------------------------

type Integer = bigint | number | string;

/** The message of an ERC-3009 `TransferWithAuthorization`, as signed (integers may be JSON strings). */
export interface TransferAuthorization {
  from: Address;
  to: Address;
  value: Integer;
  validAfter: Integer;
  validBefore: Integer;
  nonce: Hex;
}

export interface RelayOptions {
  /** Anvil account index that sends (and pays for) the transaction. Default the relayer (8). */
  relayer?: number;
}

/**
 * The relayer submits a holder's signed ERC-3009 transfer: `transferWithAuthorization(..., v, r, s)`
 * for a 65-byte signature (`signatureForm: 'vrs'`, the default), or the `bytes signature` overload.
 * @throws RegistryRevertError naming the token's error, e.g. ERC3009UsedAuthorization on a replay.
 */
export async function relayTransferWithAuthorization(
  rpcUrl: string,
  token: Address,
  authorization: TransferAuthorization,
  signature: Hex,
  opts: RelayOptions & { signatureForm?: 'vrs' | 'bytes' } = {},
): Promise<RelayResult> {
  const { from, to, nonce } = authorization;
  const value = BigInt(authorization.value);
  const validAfter = BigInt(authorization.validAfter);
  const validBefore = BigInt(authorization.validBefore);
  return sendFromAccount(rpcUrl, opts.relayer ?? RELAYER_ACCOUNT_INDEX, 'transferWithAuthorization', async (wallet, client) => {
    if (opts.signatureForm === 'bytes') {
      const { request } = await client.simulateContract({
        account: wallet.account, address: token, abi: shareTokenAbi, functionName: 'transferWithAuthorization',
        args: [from, to, value, validAfter, validBefore, nonce, signature],
      });
      return wallet.writeContract(request);
    }
    const { r, s, v, yParity } = parseSignature(signature);
    const { request } = await client.simulateContract({
      account: wallet.account, address: token, abi: shareTokenAbi, functionName: 'transferWithAuthorization',
      args: [from, to, value, validAfter, validBefore, nonce, Number(v ?? 27n + BigInt(yParity)), r, s],
    });
    return wallet.writeContract(request);
  });
}

/** The message of an ERC-2612 `Permit`, as signed. */
export interface PermitMessage {
  owner: Address;
  spender: Address;
  value: Integer;
  nonce: Integer;
  deadline: Integer;
}

/** The relayer submits a holder's signed ERC-2612 permit (`permit(owner, spender, value, deadline, v, r, s)`). */
export async function relayPermit(
  rpcUrl: string, token: Address, permit: PermitMessage, signature: Hex, opts: RelayOptions = {},
): Promise<RelayResult> {
  const { r, s, v, yParity } = parseSignature(signature);
  return sendFromAccount(rpcUrl, opts.relayer ?? RELAYER_ACCOUNT_INDEX, 'permit', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: token, abi: shareTokenAbi, functionName: 'permit',
      args: [permit.owner, permit.spender, BigInt(permit.value), BigInt(permit.deadline), Number(v ?? 27n + BigInt(yParity)), r, s],
    });
    return wallet.writeContract(request);
  });
}

/** Mines `blocks` empty blocks at once (anvil_mine). */
export async function mineBlocks(rpcUrl: string, blocks: number): Promise<void> {
  await createTestClient({ mode: 'anvil', chain: await chainAt(rpcUrl), transport: http(rpcUrl) }).mine({ blocks });
}

/** A governor action: a call the proposal would make if it passed and were executed. */
export interface ProposalAction {
  target: Address;
  value: bigint;
  calldata: Hex;
}

/** Governor `state()` values (OpenZeppelin IGovernor.ProposalState). */
export const PROPOSAL_STATE = ['Pending', 'Active', 'Canceled', 'Defeated', 'Succeeded', 'Queued', 'Expired', 'Executed'] as const;

/**
 * Creates a proposal (from the company account) and mines blocks until its voting is open, so a vote
 * sent next is counted. The default action is a harmless call to the governor's `version()`: a
 * proposal needs at least one. The id depends only on the actions and the description, so the same
 * description twice reverts (GovernorUnexpectedProposalState).
 */
export async function createProposal(
  rpcUrl: string,
  governor: Address,
  description: string,
  opts: { proposer?: number; actions?: readonly ProposalAction[] } = {},
): Promise<bigint> {
  const actions = opts.actions ?? [{
    target: governor, value: 0n, calldata: encodeFunctionData({ abi: shareholderGovernorAbi, functionName: 'version' }),
  }];
  let proposalId = 0n;
  await sendFromAccount(rpcUrl, opts.proposer ?? COMPANY_ACCOUNT_INDEX, 'propose', async (wallet, client) => {
    const { request, result } = await client.simulateContract({
      account: wallet.account, address: governor, abi: shareholderGovernorAbi, functionName: 'propose',
      args: [actions.map((a) => a.target), actions.map((a) => a.value), actions.map((a) => a.calldata), description],
    });
    proposalId = result;
    return wallet.writeContract(request);
  });
  const client = await registryPublicClient(rpcUrl);
  const delay = await client.readContract({ address: governor, abi: shareholderGovernorAbi, functionName: 'votingDelay' });
  // Voting opens once the chain is past the snapshot (proposal block + delay).
  await mineBlocks(rpcUrl, Number(delay) + 1);
  const state = await client.readContract({ address: governor, abi: shareholderGovernorAbi, functionName: 'state', args: [proposalId] });
  if (state !== 1) throw new Error(`proposal ${proposalId} is ${PROPOSAL_STATE[state] ?? state}, not Active, after the voting delay`);
  return proposalId;
}

/**
 * The relayer submits a holder's signed ballot: `castVoteBySig(proposalId, support, voter, signature)`
 * (support 0 Against, 1 For, 2 Abstain; the ballot's nonce is the governor's `nonces(voter)`).
 * @throws RegistryRevertError, e.g. GovernorInvalidSignature or GovernorAlreadyCastVote.
 */
export async function relayVoteBySig(
  rpcUrl: string,
  governor: Address,
  proposalId: bigint,
  support: number,
  voter: Address,
  signature: Hex,
  opts: RelayOptions = {},
): Promise<RelayResult> {
  return sendFromAccount(rpcUrl, opts.relayer ?? RELAYER_ACCOUNT_INDEX, 'castVoteBySig', async (wallet, client) => {
    const { request } = await client.simulateContract({
      account: wallet.account, address: governor, abi: shareholderGovernorAbi, functionName: 'castVoteBySig',
      args: [proposalId, support, voter, signature],
    });
    return wallet.writeContract(request);
  });
}

/** The governor's tally of a proposal, in base units of votes. */
export async function proposalVotes(
  rpcUrl: string, governor: Address, proposalId: bigint,
): Promise<{ against: bigint; for: bigint; abstain: bigint }> {
  const client = await registryPublicClient(rpcUrl);
  const [against, inFavour, abstain] = await client.readContract({
    address: governor, abi: shareholderGovernorAbi, functionName: 'proposalVotes', args: [proposalId],
  });
  return { against, for: inFavour, abstain };
}

// ---- demo ----------------------------------------------------------------------------------------

await runAsDeployScript(import.meta.url, deployRegistry, (registry) => [
  `${registry.tokenName} (${registry.tokenSymbol}) ${registry.token}`,
  `${registry.governorName} ${registry.governor}`,
  `company ${registry.company}, relayer ${registry.relayer}`,
  ...registry.holders.map((holder) => `${holder.address}: ${formatUnits(holder.shares, registry.decimals)} ${registry.tokenSymbol}`),
]);
