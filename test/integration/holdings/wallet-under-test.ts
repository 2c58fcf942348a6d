// The background's real services over a real node: fake-indexeddb (a fresh database per wallet), Node's
// fetch behind a counter of HTTP requests, and in-memory session and lock-timer fakes.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWalletClient, http, type Address } from 'viem';
import { foundry } from 'viem/chains';
import { createWalletService } from '../../../src/background/services/wallet';
import { openWalletDatabase } from '../../../src/background/storage/database';
import { shareTokenAbi } from '../../../example/registry/chain/abi';
import { compileSolidity } from '../../../example/registry/chain/compile';
import { anvilAccount, COMPANY_ACCOUNT_INDEX, registryPublicClient } from '../../../example/registry/chain/deploy';
import { createClock, createFakeLockTimer, createFakeSession, createHoldingsParts } from '../../helpers/background-fakes';

export const CHAIN_ID = '0x7a69';

let databases = 0;

/**
 * A wallet restored from `phrase`, knowing the network at `rpcUrl` (added by a registry site, then chosen
 * by the user in the popup, so all accounts are read there), whose HTTP requests are counted.
 */
export async function walletUnderTest(rpcUrl: string, phrase: string) {
  databases += 1;
  const db = await openWalletDatabase(`holdings-integration-${process.pid}-${databases}`);
  const clock = createClock(Date.now());
  const wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
  const counter = { requests: 0 };
  const parts = createHoldingsParts({
    db, wallet, now: clock.now,
    fetch: (url, init) => { counter.requests += 1; return fetch(url, init); },
  });
  await wallet.create({ phrase, wordlist: 'english', password: 'integration test password' });
  await parts.chains.add({
    chainId: CHAIN_ID, name: 'Acme Registry Chain', rpcUrl, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined,
  }, 'http://registry.test');
  await parts.chains.choose(CHAIN_ID);
  return { db, wallet, counter, ...parts };
}

/** The company (anvil account 9) issues `amount` shares of `token` to `to`, and waits until it is mined. */
export async function mint(rpcUrl: string, token: Address, to: string, amount: bigint): Promise<void> {
  const company = createWalletClient({ account: anvilAccount(COMPANY_ACCOUNT_INDEX), chain: foundry, transport: http(rpcUrl) });
  const hash = await company.writeContract({ address: token, abi: shareTokenAbi, functionName: 'mint', args: [to as Address, amount] });
  await (await registryPublicClient(rpcUrl)).waitForTransactionReceipt({ hash });
}

const CONTRACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../contracts');

/** Deploys test/integration/contracts/PlainShares.sol (an ERC-20 without votes) with these holders. */
export async function deployPlainShares(rpcUrl: string, holders: readonly { address: string; amount: bigint }[]): Promise<Address> {
  const source = await readFile(path.join(CONTRACTS, 'PlainShares.sol'), 'utf8');
  const contract = (await compileSolidity({ 'PlainShares.sol': source }))['PlainShares.sol']?.PlainShares;
  if (contract === undefined) throw new Error('solc produced no PlainShares');
  const company = createWalletClient({ account: anvilAccount(COMPANY_ACCOUNT_INDEX), chain: foundry, transport: http(rpcUrl) });
  const hash = await company.deployContract({
    abi: contract.abi, bytecode: contract.bytecode,
    args: [holders.map((holder) => holder.address), holders.map((holder) => holder.amount)],
  });
  const receipt = await (await registryPublicClient(rpcUrl)).waitForTransactionReceipt({ hash });
  if (receipt.contractAddress == null) throw new Error('PlainShares was not deployed');
  return receipt.contractAddress;
}
