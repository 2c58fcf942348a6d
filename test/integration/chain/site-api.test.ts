// The registry site's server on a real chain: its /api/ endpoints relay what a holder signed (here with
// anvil's test key, as the wallet would) and the contracts accept it once; refusals carry the revert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUnits, type Address } from 'viem';
import { shareTokenAbi } from '../../../example/registry/chain/abi';
import { anvilAccount, proposalVotes, registryPublicClient } from '../../../example/registry/chain/deploy';
import { startRegistryDemo, type RegistryDemo } from '../../../example/registry/server';
import type { DeploymentInfo } from '../../../example/registry/src/api-types';
import { ballot, randomNonce, transferWithAuthorization, validityWindow } from '../../../example/registry/src/typed-data';

const holder = anvilAccount(0);
const second = anvilAccount(1);
const shares = (n: string) => parseUnits(n, 18);

let demo: RegistryDemo;

beforeAll(async () => { demo = await startRegistryDemo(); });
afterAll(async () => { await demo.stop(); }); // site, then the node: nothing is left behind

async function post(path: string, body: unknown) {
  const response = await fetch(new URL(path, demo.site.url), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function balanceOf(account: Address): Promise<bigint> {
  const client = await registryPublicClient(demo.chain.rpcUrl);
  return client.readContract({ address: demo.registry.token, abi: shareTokenAbi, functionName: 'balanceOf', args: [account] });
}

describe('the registry site\'s server on anvil', () => {
  it('describes the deployment the page builds its requests from', async () => {
    const deployment = (await (await fetch(new URL('/api/deployment', demo.site.url))).json()) as DeploymentInfo;
    expect(deployment).toEqual({
      chainId: 31337,
      chainName: 'Acme registry chain (local)',
      rpcUrl: demo.chain.rpcUrl,
      token: { address: demo.registry.token, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 },
      governor: { address: demo.registry.governor, name: 'Acme Shareholder Governor' },
      relayer: anvilAccount(8).address,
      company: anvilAccount(9).address,
    });
  });

  it('relays a signed transfer once, and refuses the replay with the contract\'s reason', async () => {
    const typedData = transferWithAuthorization(
      { name: demo.registry.tokenName, chainId: demo.chain.chainId, verifyingContract: demo.registry.token },
      { from: holder.address, to: second.address, value: shares('10'), ...validityWindow(), nonce: randomNonce() },
    );
    const signature = await holder.signTypedData(typedData);
    const body = { authorization: typedData.message, signature };
    const relayed = await post('/api/relay/transfer', body);
    expect(relayed.status).toBe(200);
    expect(relayed.json.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(BigInt(String(relayed.json.blockNumber))).toBeGreaterThan(demo.registry.blockNumber);
    expect(await balanceOf(holder.address)).toBe(shares('1490'));
    expect(await balanceOf(second.address)).toBe(shares('810'));

    const replay = await post('/api/relay/transfer', body);
    expect(replay).toMatchObject({ status: 422, json: { revert: 'ERC3009UsedAuthorization' } });
    expect(String(replay.json.error)).toContain('already used');
  });

  it('refuses a transfer signed by someone other than the holder (422, invalid signature)', async () => {
    const typedData = transferWithAuthorization(
      { name: demo.registry.tokenName, chainId: demo.chain.chainId, verifyingContract: demo.registry.token },
      { from: holder.address, to: second.address, value: shares('1'), ...validityWindow(), nonce: randomNonce() },
    );
    const forged = await post('/api/relay/transfer', { authorization: typedData.message, signature: await second.signTypedData(typedData) });
    expect(forged).toMatchObject({ status: 422, json: { revert: 'ERC3009InvalidSignature' } });
  });

  it('creates a proposal open for voting and relays a signed ballot that the governor counts', async () => {
    const created = await post('/api/proposals', { description: 'Approve the accounts (site API test)' });
    expect(created.status).toBe(200);
    const proposalId = BigInt(String(created.json.proposalId));
    const typedData = ballot(
      { name: demo.registry.governorName, chainId: demo.chain.chainId, verifyingContract: demo.registry.governor },
      { proposalId, support: 'Against', voter: second.address, nonce: 0n },
    );
    const vote = { proposalId: proposalId.toString(), support: 0, voter: second.address, signature: await second.signTypedData(typedData) };
    expect((await post('/api/relay/vote', vote)).status).toBe(200);
    expect(await proposalVotes(demo.chain.rpcUrl, demo.registry.governor, proposalId)).toEqual({ against: shares('810'), for: 0n, abstain: 0n });

    // The same ballot again: its nonce is used up, so the governor refuses it, and the server says why.
    expect(await post('/api/relay/vote', vote)).toMatchObject({ status: 422, json: { revert: 'GovernorInvalidSignature' } });
    // The same description again would make the same proposal id.
    expect(await post('/api/proposals', { description: 'Approve the accounts (site API test)' })).toMatchObject({ status: 422 });
  });
});
