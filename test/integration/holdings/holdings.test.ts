// Holdings read by the background's real services from a real chain: the example registry's ShareToken
// (ERC20Votes) and a plain ERC-20 on anvil, over Node's fetch, counted HTTP request by HTTP request.
import { parseUnits, type Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { ANVIL_MNEMONIC, anvilAccount, deployRegistry, type DeployedRegistry } from '../../../example/registry/chain/deploy';
import { CHAIN_ID, deployPlainShares, walletUnderTest } from './wallet-under-test';

const shares = (n: string) => parseUnits(n, 18).toString();
const [first, second, third] = [0, 1, 2].map((index) => anvilAccount(index).address);

let chain: AnvilNode;
let registry: DeployedRegistry;
let plain: Address;
let subject: Awaited<ReturnType<typeof walletUnderTest>>;

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
  plain = await deployPlainShares(chain.rpcUrl, [{ address: second ?? '', amount: parseUnits('42', 18) }]);
  subject = await walletUnderTest(chain.rpcUrl, ANVIL_MNEMONIC);
});
afterAll(async () => { await chain.stop(); }); // also when a test failed: no node is left behind

describe('holdings on a real chain', () => {
  it('shows the registry\'s shares of accounts 0, 1 and 2, with their votes and self-delegation', async () => {
    const view = (await subject.tokenManager.add(CHAIN_ID, registry.token)).holdings;
    const [acme] = view.tokens;
    expect(acme?.token).toEqual({ chainId: CHAIN_ID, address: registry.token, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 });
    expect(acme?.hasVotes).toBe(true);
    expect(acme?.accounts.slice(0, 3)).toEqual([
      { address: first, balance: shares('1500'), votes: shares('1500'), delegate: first },
      { address: second, balance: shares('800'), votes: shares('800'), delegate: second },
      { address: third, balance: shares('250'), votes: shares('250'), delegate: third },
    ]);
    expect(acme?.total).toBe(shares('2550'));
    expect(view.chains[0]?.asOf?.blockNumber).toBe((await subject.rpc.request(chain.rpcUrl, 'eth_blockNumber').then((n) => BigInt(n as string))).toString());
    expect(view.chains[0]?.problem).toBeUndefined();
  });

  it('refreshes every account × token of the network in exactly 2 HTTP requests', async () => {
    const accounts = (await subject.wallet.accounts()).length;
    // Anvil's ten funded accounts are all used: discovery added them when the token was added.
    expect(accounts).toBe(10);
    const before = subject.counter.requests;
    const view = await subject.holdings.refresh();
    expect(subject.counter.requests - before).toBe(2);
    expect(view.tokens[0]?.accounts).toHaveLength(accounts);
  });

  it('keeps each token\'s total supply as the contract answers it, for the approval screen\'s unlimited check', async () => {
    await subject.holdings.refresh();
    const supply = await subject.rpc.request(chain.rpcUrl, 'eth_call', [{ to: registry.token, data: '0x18160ddd' }, 'latest']);
    expect((await subject.db.get('holdings', CHAIN_ID))?.supplies?.[registry.token]).toBe(BigInt(supply as string).toString());
    const lookup = await subject.tokens.lookup(BigInt(CHAIN_ID));
    expect(lookup(undefined, registry.token)?.totalSupply).toBe(BigInt(supply as string));
  });

  it('shows a plain ERC-20\'s balances without votes, and does not fail on it', async () => {
    const view = (await subject.tokenManager.add(CHAIN_ID, plain)).holdings;
    const token = view.tokens.find((candidate) => candidate.token.address === plain);
    expect(token?.token).toMatchObject({ name: 'Plain Shares', symbol: 'PLN', decimals: 18 });
    expect(token?.hasVotes).toBe(false);
    expect(token?.accounts.slice(0, 2)).toEqual([{ address: first, balance: '0' }, { address: second, balance: shares('42') }]);
    expect(view.tokens.find((candidate) => candidate.token.address === registry.token)?.hasVotes).toBe(true);
    expect(view.chains[0]?.problem).toBeUndefined();
  });

  it('keeps the cached figures and says plainly that the node cannot be reached once anvil is stopped', async () => {
    const cached = await subject.holdings.view();
    await chain.stop();
    const view = await subject.holdings.refresh();
    expect(view.tokens).toEqual(cached.tokens);
    expect(view.chains[0]?.asOf).toEqual(cached.chains[0]?.asOf);
    expect(view.chains[0]?.problem?.message).toBe(`the node at ${chain.rpcUrl} could not be reached`);
  });
});
