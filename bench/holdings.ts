// Holdings bench: a refresh of 20 accounts × 50 share tokens on a fresh local anvil node, through the
// background's real services (fake-indexeddb, Node's fetch counted per HTTP request). Issue 5 asks for
// at most 2 HTTP requests per network per refresh, whatever the number of accounts and tokens.
import { createWalletClient, http, type Address, type Hash } from 'viem';
import { foundry } from 'viem/chains';
import { shareTokenAbi } from '../example/registry/chain/abi';
import { startAnvil } from '../example/registry/chain/anvil';
import { compileRegistryContracts } from '../example/registry/chain/compile';
import { ANVIL_MNEMONIC, anvilAccount, COMPANY_ACCOUNT_INDEX, registryPublicClient } from '../example/registry/chain/deploy';
import { CHAIN_ID, walletUnderTest } from '../test/integration/holdings/wallet-under-test';
import { measure, round, table } from './measure';

const ACCOUNTS = 20;
const TOKENS = 50;
const ROUNDS = 10;

/**
 * Deploys `count` ShareTokens from the company account and mints shares of each to every holder. The
 * transactions are sent with explicit nonces without waiting for each (anvil mines them in order).
 */
export async function deployTokens(rpcUrl: string, count: number, holders: readonly string[]): Promise<Address[]> {
  const { ShareToken } = await compileRegistryContracts();
  const company = createWalletClient({ account: anvilAccount(COMPANY_ACCOUNT_INDEX), chain: foundry, transport: http(rpcUrl) });
  const client = await registryPublicClient(rpcUrl);
  let nonce = await client.getTransactionCount({ address: company.account.address });
  const deployments: Hash[] = [];
  for (let i = 0; i < count; i++) {
    deployments.push(await company.deployContract({
      abi: shareTokenAbi, bytecode: ShareToken.bytecode, nonce: nonce++,
      args: [`Bench Company ${i} Shares`, `BC${i}`, company.account.address],
    }));
  }
  const tokens: Address[] = [];
  for (const hash of deployments) {
    const receipt = await client.waitForTransactionReceipt({ hash });
    if (receipt.contractAddress == null) throw new Error(`token deployment ${hash} failed`);
    tokens.push(receipt.contractAddress);
  }
  let last: Hash | undefined;
  for (const [t, token] of tokens.entries()) {
    for (const [a, holder] of holders.entries()) {
      last = await company.writeContract({
        address: token, abi: shareTokenAbi, functionName: 'mint', nonce: nonce++,
        args: [holder as Address, BigInt(1 + t * holders.length + a) * 10n ** 18n],
      });
    }
  }
  if (last !== undefined) await client.waitForTransactionReceipt({ hash: last });
  return tokens;
}

export async function benchHoldings(): Promise<void> {
  const chain = await startAnvil();
  try {
    const subject = await walletUnderTest(chain.rpcUrl, ANVIL_MNEMONIC);
    await subject.wallet.addAccounts(Array.from({ length: ACCOUNTS - 1 }, (_, i) => i + 1));
    const holders = (await subject.wallet.accounts()).map((account) => account.address);
    const setUp = performance.now();
    const tokens = await deployTokens(chain.rpcUrl, TOKENS, holders);
    const setUpMs = performance.now() - setUp;
    for (const [i, address] of tokens.entries()) {
      await subject.tokens.add({ chainId: CHAIN_ID, address, name: `Bench Company ${i} Shares`, symbol: `BC${i}`, decimals: 18 });
    }

    const before = subject.counter.requests;
    const sample = await measure(() => subject.holdings.refresh(), ROUNDS);
    const requestsPerRefresh = (subject.counter.requests - before) / (ROUNDS + 1);
    const view = await subject.holdings.view();
    const rows = view.tokens.reduce((sum, token) => sum + token.accounts.length, 0);
    if (view.chains[0]?.problem !== undefined) throw new Error(`the refresh failed: ${view.chains[0].problem.message}`);
    if (rows !== ACCOUNTS * TOKENS) throw new Error(`expected ${ACCOUNTS * TOKENS} rows, got ${rows}`);

    console.log(`\nholdings refresh on a local anvil node (${ACCOUNTS} accounts × ${TOKENS} ShareTokens, ${ACCOUNTS * TOKENS * 3} eth_calls; set-up ${Math.round(setUpMs)} ms)`);
    console.log(table(['figure', 'value', 'goal'], [
      ['HTTP requests per refresh', String(requestsPerRefresh), '<= 2'],
      [`refresh, median of ${ROUNDS} (ms)`, String(round(sample.median, 1)), '-'],
      [`refresh, fastest of ${ROUNDS} (ms)`, String(round(sample.min, 1)), '-'],
    ]));
    console.log(JSON.stringify({
      bench: 'holdings', accounts: ACCOUNTS, tokens: TOKENS, ethCalls: ACCOUNTS * TOKENS * 3, httpRequestsPerRefresh: requestsPerRefresh,
      unit: `ms (median of ${ROUNDS})`, refreshMedian: round(sample.median, 1), refreshMin: round(sample.min, 1),
    }));
  } finally {
    await chain.stop();
  }
}
