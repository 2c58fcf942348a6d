// The demo with both companies: startRegistryDemo({ restricted: true }) deploys Acme and then Nordwind
// Bank's ERC-3643 suite, GET /api/deployment describes both, and the page's own readers and own
// transactions (viem writeContract through an EIP-1193 provider; here anvil itself, whose test accounts
// are unlocked, stands in for the wallet) work against that description on the real chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { custom, createWalletClient, parseUnits, type Address, type EIP1193RequestFn } from 'viem';
import { shareTokenAbi } from '../../../example/registry/chain/abi';
import { anvilAccount, createProposal, registryPublicClient } from '../../../example/registry/chain/deploy';
import { trexIdentityRegistryAbi, trexTokenAbi } from '../../../example/registry/chain/trex-artifacts';
import { startRegistryDemo, type RegistryDemo } from '../../../example/registry/server';
import { createChainReader, registryChain, registryChainClient } from '../../../example/registry/src/chain-reads';
import { castVoteOnChain, minedOutcome, sendSharesOnChain } from '../../../example/registry/src/own-transactions';
import { parseDeployment } from '../../../example/registry/src/registry-api';
import { createRestrictedReader } from '../../../example/registry/src/restricted-reads';
import type { DeploymentInfo } from '../../../example/registry/src/api-types';

const shares = (n: string) => parseUnits(n, 18);
let demo: RegistryDemo;
let deployment: DeploymentInfo;

beforeAll(async () => {
  demo = await startRegistryDemo({ restricted: true });
  deployment = parseDeployment(await (await fetch(new URL('/api/deployment', demo.site.url))).json());
});
afterAll(async () => { await demo.stop(); });

/** anvil as an EIP-1193 provider: eth_sendTransaction signs with its unlocked test accounts and estimates the gas. */
function anvilProvider(rpcUrl: string): { request: EIP1193RequestFn } {
  let id = 0;
  const request = async ({ method, params }: { method: string; params?: unknown }): Promise<unknown> => {
    const response = await fetch(rpcUrl, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params: params ?? [] }),
    });
    const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
    if (body.error !== undefined) throw Object.assign(new Error(body.error.message), body.error);
    return body.result;
  };
  return { request: request as EIP1193RequestFn };
}

function senderOf(account: Address) {
  return { client: createWalletClient({ transport: custom(anvilProvider(demo.chain.rpcUrl), { retryCount: 0 }) }), account, chain: registryChain(deployment) };
}

describe('the demo with both companies', () => {
  it('deploys Acme first, at the addresses of a fresh node, and describes it as before', () => {
    expect(deployment.token.address).toBe('0x700b6A60ce7EaaEA56F065753d8dcB9653dbAD35');
    expect(deployment.governor.address).toBe('0xA15BB66138824a1c7167f5E85b957d04Dd34E468');
    expect(deployment.token).toMatchObject({ symbol: 'ACME', decimals: 18 });
  });

  it('describes Nordwind Bank with the addresses its token reports on chain', async () => {
    const company = deployment.restricted;
    expect(company).toMatchObject({
      name: 'Nordwind Bank', token: { address: demo.restricted?.token, name: 'Nordwind Bank Restricted Shares', symbol: 'NRDW', decimals: 18 },
    });
    if (company === undefined) return;
    const client = await registryPublicClient(demo.chain.rpcUrl);
    const read = <const F extends 'identityRegistry' | 'compliance' | 'symbol'>(functionName: F) =>
      client.readContract({ address: company.token.address, abi: trexTokenAbi, functionName });
    expect(await read('identityRegistry')).toBe(company.identityRegistry);
    expect(await read('compliance')).toBe(company.compliance);
    expect(await read('symbol')).toBe('NRDW');
    expect(await client.readContract({ address: company.token.address, abi: trexTokenAbi, functionName: 'isAgent', args: [company.agent] })).toBe(true);
  });

  it('gives the page the holders of both companies as the chain has them, with Nordwind\'s verified status', async () => {
    const client = registryChainClient(deployment);
    const acme = await createChainReader(deployment, client).capTable();
    expect(acme.rows.map(({ holder, balance }) => [holder, balance])).toEqual(demo.registry.holders.map((h) => [h.address, h.shares]));
    if (deployment.restricted === undefined) throw new Error('no restricted company');
    const nordwind = await createRestrictedReader(client, deployment.restricted).capTable();
    expect(nordwind.rows).toEqual(demo.restricted?.holders.map((h) => ({ holder: h.address, balance: h.shares, frozen: 0n, addressFrozen: false, verified: true })));
    expect(nordwind.totalSupply).toBe(shares('1500'));
  });
});

describe('the holder\'s own transactions on the demo chain', () => {
  it('moves ACME with the holder\'s transfer, mined and visible in the cap table re-read at once', async () => {
    const reader = createChainReader(deployment);
    await reader.capTable(); // the page has read the table before: the re-read must not reuse that block number
    const hash = await sendSharesOnChain(senderOf(anvilAccount(0).address), deployment.token.address, anvilAccount(1).address, shares('12.5'));
    const mined = await reader.mined(hash);
    expect(mined).toMatchObject({ status: 'success', hash, replaced: undefined });
    const table = await reader.capTable();
    expect(table.blockNumber).toBe(mined.blockNumber);
    const rows = table.rows;
    expect(rows.find((row) => row.holder === anvilAccount(0).address)?.balance).toBe(shares('1487.5'));
    expect(rows.find((row) => row.holder === anvilAccount(1).address)?.balance).toBe(shares('812.5'));
  });

  it('counts a vote cast with the voter\'s own castVote', async () => {
    const proposalId = await createProposal(demo.chain.rpcUrl, deployment.governor.address, 'Own vote (registry demo test)');
    const reader = createChainReader(deployment);
    const hash = await castVoteOnChain(senderOf(anvilAccount(2).address), deployment.governor.address, proposalId, 'Abstain');
    expect((await reader.mined(hash)).status).toBe('success');
    expect(await reader.tally(proposalId)).toEqual({ against: 0n, for: 0n, abstain: shares('250') });
  });

  it('moves NRDW between verified investors with a node-estimated gas far above a plain transfer\'s', async () => {
    const company = deployment.restricted;
    if (company === undefined) throw new Error('no restricted company');
    const client = registryChainClient(deployment);
    const hash = await sendSharesOnChain(senderOf(anvilAccount(0).address), company.token.address, anvilAccount(2).address, shares('10'));
    expect((await createChainReader(deployment, client).mined(hash)).status).toBe('success');
    const receipt = await client.getTransactionReceipt({ hash });
    expect(receipt.gasUsed).toBeGreaterThan(100_000n);
    const rows = (await createRestrictedReader(client, company).capTable()).rows;
    expect(rows.find((row) => row.holder === anvilAccount(2).address)?.balance).toBe(shares('110'));
  });

  it('reports an NRDW transfer to an investor who is not verified as failed when a wallet sends it anyway, and nothing moves', async () => {
    const company = deployment.restricted;
    if (company === undefined || demo.restricted === undefined) throw new Error('no restricted company');
    const client = registryChainClient(deployment);
    expect(await client.readContract({ address: company.identityRegistry, abi: trexIdentityRegistryAbi, functionName: 'isVerified', args: [demo.restricted.unverified] })).toBe(false);
    const reader = createRestrictedReader(client, company);
    const before = (await reader.capTable()).rows;
    // anvil, unlike a careful wallet, sends a transaction whose estimate reverts: the page must still say it failed.
    const hash = await sendSharesOnChain(senderOf(anvilAccount(0).address), company.token.address, demo.restricted.unverified, shares('1'));
    const mined = await createChainReader(deployment, client).mined(hash);
    expect(minedOutcome(hash, mined)).toEqual({ state: 'failed', text: `Failed in block ${mined.blockNumber}: the transaction reverted` });
    expect((await reader.capTable()).rows).toEqual(before);
  });

  it('reports a mined transaction that reverted as reverted', async () => {
    const reader = createChainReader(deployment);
    // A transfer of more ACME than the holder has, given a gas limit so that it is mined and fails there.
    const wallet = createWalletClient({ transport: custom(anvilProvider(demo.chain.rpcUrl)), chain: registryChain(deployment) });
    const hash = await wallet.writeContract({
      account: anvilAccount(3).address, address: deployment.token.address, abi: shareTokenAbi, functionName: 'transfer',
      args: [anvilAccount(1).address, 1n], gas: 100_000n,
    });
    expect(await reader.mined(hash)).toMatchObject({ status: 'reverted', hash });
  });
});
