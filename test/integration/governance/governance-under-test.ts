// The voting centre's real services over a real node: a wallet restored from anvil's phrase with accounts
// 0, 1 and 2, knowing the network at `rpcUrl`, whose JSON-RPC calls are recorded request by request; and
// a timestamp-clock company (test/integration/contracts/TimestampShares.sol under the registry's
// ShareholderGovernor) for the governors that count time in seconds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestClient, createWalletClient, encodeFunctionData, getAddress, http, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { shareholderGovernorAbi } from '../../../example/registry/chain/abi';
import { compileRegistryContracts, compileSolidity } from '../../../example/registry/chain/compile';
import { ANVIL_MNEMONIC, anvilAccount, COMPANY_ACCOUNT_INDEX, registryPublicClient, sendFromAccount } from '../../../example/registry/chain/deploy';
import { createWalletService } from '../../../src/background/services/wallet';
import { openWalletDatabase } from '../../../src/background/storage/database';
import { createClock, createFakeLockTimer, createFakeSession, createGovernancePart, createHoldingsParts } from '../../helpers/background-fakes';

export const CHAIN_ID = '0x7a69';

/** One JSON-RPC call as the wallet sent it. */
export interface SentCall {
  method: string;
  params: unknown[];
}

let databases = 0;

/** The site that added the network. */
export const REGISTRY_SITE = 'http://registry.test';

/**
 * A wallet with accounts 0, 1 and 2 on the network at `rpcUrl`, and what it sent. The registry site added the
 * network; unless `chosen` is false the user chose it in the popup, so every account is read there.
 */
export async function governanceUnderTest(rpcUrl: string, opts: { chosen?: boolean } = {}) {
  databases += 1;
  const db = await openWalletDatabase(`governance-integration-${process.pid}-${databases}`);
  const clock = createClock(Date.now());
  const wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
  const sent = { requests: 0, calls: [] as SentCall[] };
  const parts = createHoldingsParts({
    db, wallet, now: clock.now,
    fetch: (url, init) => {
      sent.requests += 1;
      const body = JSON.parse(init.body) as SentCall | SentCall[];
      for (const call of Array.isArray(body) ? body : [body]) sent.calls.push({ method: call.method, params: call.params });
      return fetch(url, init);
    },
  });
  await wallet.create({ phrase: ANVIL_MNEMONIC, wordlist: 'english', password: 'integration test password' });
  await wallet.addAccounts([1, 2]);
  await parts.chains.add({
    chainId: CHAIN_ID, name: 'Acme Registry Chain', rpcUrl, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined,
  }, REGISTRY_SITE);
  if (opts.chosen !== false) await parts.chains.choose(CHAIN_ID);
  const governance = createGovernancePart({ db, wallet, chains: parts.chains, rpc: parts.rpc, now: clock.now });
  return { db, wallet, sent, governance, rpc: parts.rpc };
}

/** The eth_getLogs block ranges among `calls`, as numbers. */
export function logRangesSent(calls: readonly SentCall[]): { from: bigint; to: bigint }[] {
  return calls.filter((call) => call.method === 'eth_getLogs').map((call) => {
    const filter = call.params[0] as { fromBlock: string; toBlock: string };
    return { from: BigInt(filter.fromBlock), to: BigInt(filter.toBlock) };
  });
}

const CONTRACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../contracts');

/**
 * Deploys TimestampShares (holders self-delegated) and a ShareholderGovernor over it from the company
 * account; the governor's clock is the token's, so its delay and period are seconds.
 */
export async function deployTimestampCompany(
  rpcUrl: string, holders: readonly { address: string; amount: bigint }[], opts: { votingDelay: number; votingPeriod: number },
): Promise<{ token: Address; governor: Address }> {
  const source = await readFile(path.join(CONTRACTS, 'TimestampShares.sol'), 'utf8');
  const shares = (await compileSolidity({ 'TimestampShares.sol': source }))['TimestampShares.sol']?.TimestampShares;
  if (shares === undefined) throw new Error('solc produced no TimestampShares');
  const { ShareholderGovernor } = await compileRegistryContracts();
  const company = createWalletClient({ account: anvilAccount(COMPANY_ACCOUNT_INDEX), chain: foundry, transport: http(rpcUrl) });
  const client = await registryPublicClient(rpcUrl);
  const deployed = async (hash: Hex) => {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.contractAddress == null) throw new Error(`deployment ${hash} failed`);
    return getAddress(receipt.contractAddress);
  };
  const token = await deployed(await company.deployContract({
    abi: shares.abi, bytecode: shares.bytecode, args: [holders.map((holder) => holder.address), holders.map((holder) => holder.amount)],
  }));
  const governor = await deployed(await company.deployContract({
    abi: shareholderGovernorAbi, bytecode: ShareholderGovernor.bytecode,
    args: [token, 'Timestamp Shareholder Governor', opts.votingDelay, opts.votingPeriod, 4n],
  }));
  return { token, governor };
}

/** Anvil account `voter` votes on `proposalId` (0 Against, 1 For, 2 Abstain), with a reason when given. */
export async function castVote(rpcUrl: string, governor: Address, voter: number, proposalId: bigint, support: number, reason?: string): Promise<void> {
  await sendFromAccount(rpcUrl, voter, 'castVote', async (wallet) => wallet.sendTransaction({
    to: governor,
    data: reason === undefined
      ? encodeFunctionData({ abi: shareholderGovernorAbi, functionName: 'castVote', args: [proposalId, support] })
      : encodeFunctionData({ abi: shareholderGovernorAbi, functionName: 'castVoteWithReason', args: [proposalId, support, reason] }),
  }));
}

/**
 * The company proposes `description` to a timestamp-clock governor, then the chain's clock moves past the
 * voting delay (seconds) and a block is mined, so voting is open. (createProposal mines blocks, which on
 * anvil leaves the time where it is.)
 */
export async function createTimestampProposal(rpcUrl: string, governor: Address, description: string, votingDelay: number): Promise<bigint> {
  const calldata = encodeFunctionData({ abi: shareholderGovernorAbi, functionName: 'version' });
  let id = 0n;
  await sendFromAccount(rpcUrl, COMPANY_ACCOUNT_INDEX, 'propose', async (wallet, client) => {
    const { request, result } = await client.simulateContract({
      account: wallet.account, address: governor, abi: shareholderGovernorAbi, functionName: 'propose', args: [[governor], [0n], [calldata], description],
    });
    id = result;
    return wallet.writeContract(request);
  });
  const testClient = createTestClient({ mode: 'anvil', chain: foundry, transport: http(rpcUrl) });
  await testClient.increaseTime({ seconds: votingDelay + 1 });
  await testClient.mine({ blocks: 1 });
  return id;
}
