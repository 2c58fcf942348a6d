// The registry server's /api/ endpoints over real HTTP, with a fake chain behind them (the real one is
// tested against anvil in test/integration/chain/site-api.test.ts).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainRefusal, type RegistryBackend } from '../../../example/registry/api/backend';
import { MAX_BODY_BYTES } from '../../../example/registry/api/body';
import type { DeploymentInfo } from '../../../example/registry/src/api-types';
import { startRegistrySite, type RegistrySite } from '../../../example/registry/server';
import { GOVERNOR, TOKEN } from './registry-fixture';

const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const SIGNATURE = `0x${'11'.repeat(32)}${'22'.repeat(32)}1b`;
const HASH = `0x${'cd'.repeat(32)}` as const;

const DEPLOYMENT: DeploymentInfo = {
  chainId: 31337, chainName: 'Test chain', rpcUrl: 'http://127.0.0.1:8545',
  token: { address: TOKEN.address, name: TOKEN.name, symbol: 'ACME', decimals: 18 },
  governor: { address: GOVERNOR.address, name: GOVERNOR.name },
  relayer: ALICE, company: ALICE,
};

/** A chain that relays everything, except a vote by nonce "1", which it reverts. */
const calls: string[] = [];
const fakeBackend: RegistryBackend = {
  deployment: () => DEPLOYMENT,
  relayTransfer: (req) => { calls.push(`transfer ${req.authorization.value}`); return Promise.resolve({ hash: HASH, blockNumber: '7' }); },
  createProposal: (req) => { calls.push(`propose ${req.description}`); return Promise.resolve({ proposalId: '42' }); },
  relayVote: (req) => (req.proposalId === '1'
    ? Promise.reject(new ChainRefusal('castVoteBySig reverted with GovernorAlreadyCastVote(0x…)', 'GovernorAlreadyCastVote'))
    : Promise.reject(new Error('fetch failed\n    at internal/stack.js:1'))),
  agentAction: (req) => {
    if (req.action === 'unpause') return Promise.reject(new ChainRefusal('unpause reverted with "Pausable: not paused"', 'Pausable: not paused'));
    calls.push(`agent ${req.action} ${req.holder ?? ''} ${req.shares ?? ''}`.trim());
    return Promise.resolve({ hash: HASH, blockNumber: '8' });
  },
};

let site: RegistrySite;
let bare: RegistrySite;

beforeAll(async () => {
  [site, bare] = await Promise.all([startRegistrySite({ backend: fakeBackend }), startRegistrySite()]);
}, 120_000);

afterAll(async () => {
  await Promise.all([site.close(), bare.close()]);
});

async function api(path: string, init: { method?: string; body?: string; type?: string } = {}, on: RegistrySite = site) {
  const response = await fetch(new URL(path, on.url), {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'Content-Type': init.type ?? 'application/json' },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

const transferBody = JSON.stringify({
  authorization: { from: ALICE, to: ALICE, value: '5', validAfter: '0', validBefore: '99', nonce: `0x${'ab'.repeat(32)}` },
  signature: SIGNATURE,
});

describe('the registry server\'s JSON endpoints', () => {
  it('has Nordwind Bank\'s agent act on a checked request, and says why the chain refused one', async () => {
    const done = await api('/api/agent', { body: JSON.stringify({ action: 'freeze-shares', holder: ALICE.toLowerCase(), shares: '100' }) });
    expect(done).toMatchObject({ status: 200, json: { hash: HASH, blockNumber: '8' } });
    expect(calls).toContain(`agent freeze-shares ${ALICE} 100`);
    expect(await api('/api/agent', { body: JSON.stringify({ action: 'pause', holder: ALICE }) })).toMatchObject({
      status: 400, json: { error: 'body has unknown field "holder"' },
    });
    expect(await api('/api/agent', { body: JSON.stringify({ action: 'unpause' }) })).toMatchObject({
      status: 422, json: { error: 'unpause reverted with "Pausable: not paused"', revert: 'Pausable: not paused' },
    });
  });

  it('tells the page where the contracts are, as JSON without CORS headers', async () => {
    const answer = await api('/api/deployment');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(DEPLOYMENT);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('relays a well-formed transfer and answers its transaction and block', async () => {
    expect(await api('/api/relay/transfer', { body: transferBody })).toMatchObject({ status: 200, json: { hash: HASH, blockNumber: '7' } });
    expect(calls).toContain('transfer 5');
  });

  it('creates a proposal', async () => {
    expect(await api('/api/proposals', { body: JSON.stringify({ description: 'Approve' }) })).toMatchObject({ status: 200, json: { proposalId: '42' } });
  });

  it('answers 400 naming the field for a malformed body, and never calls the chain', async () => {
    const before = calls.length;
    expect(await api('/api/relay/transfer', { body: '{"authorization":{}}' })).toMatchObject({ status: 400, json: { error: 'body.signature is missing' } });
    expect(await api('/api/relay/vote', { body: '{"proposalId":"1","support":7,"voter":"x","signature":"0x"}' })).toMatchObject({ status: 400 });
    expect(await api('/api/proposals', { body: 'not json' })).toMatchObject({ status: 400, json: { error: 'the body is not JSON' } });
    expect(await api('/api/proposals', { body: '[]' })).toMatchObject({ status: 400 });
    expect(calls.length).toBe(before);
  });

  it('answers 415 to a body that is not declared as JSON (a cross-site form cannot post here)', async () => {
    expect(await api('/api/proposals', { body: '{"description":"x"}', type: 'text/plain' })).toMatchObject({ status: 415 });
    expect(await api('/api/proposals', { body: 'description=x', type: 'application/x-www-form-urlencoded' })).toMatchObject({ status: 415 });
  });

  it('answers 413 to a body over the size limit, declared or streamed', async () => {
    const big = JSON.stringify({ description: 'x'.repeat(MAX_BODY_BYTES) });
    expect(await api('/api/proposals', { body: big })).toMatchObject({ status: 413 });
    // Chunked (no Content-Length): cut off while streaming.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/api/proposals', site.url), { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(big.slice(0, 10_000));
      req.end(big.slice(10_000));
    });
    expect(status).toBe(413);
  });

  it('answers 422 with the contract\'s error when the chain refuses, and 502 without internals when it fails', async () => {
    const vote = { proposalId: '1', support: 1, voter: ALICE, signature: SIGNATURE };
    expect(await api('/api/relay/vote', { body: JSON.stringify(vote) })).toMatchObject({
      status: 422, json: { error: 'castVoteBySig reverted with GovernorAlreadyCastVote(0x…)', revert: 'GovernorAlreadyCastVote' },
    });
    const failed = await api('/api/relay/vote', { body: JSON.stringify({ ...vote, proposalId: '2' }) });
    expect(failed).toMatchObject({ status: 502, json: { error: 'the chain could not be reached or failed: fetch failed' } });
  });

  it('answers 404 for unknown endpoints and 405 for the wrong method', async () => {
    expect(await api('/api/nope')).toMatchObject({ status: 404 });
    expect(await api('/api/deployment', { method: 'POST', body: '{}' })).toMatchObject({ status: 405 });
    const wrong = await api('/api/relay/transfer');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers 503 on every endpoint when the site runs without a chain', async () => {
    expect(await api('/api/deployment', {}, bare)).toMatchObject({ status: 503 });
    expect(await api('/api/relay/transfer', { body: transferBody }, bare)).toMatchObject({ status: 503 });
  });

  it('keeps serving after all of the above', async () => {
    expect((await api('/api/deployment')).status).toBe(200);
    expect((await fetch(site.url)).status).toBe(200);
  });
});
