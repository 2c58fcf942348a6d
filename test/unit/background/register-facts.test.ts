import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createRegisterFacts } from '../../../src/background/services/register-facts';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { createClock, freshDatabase } from '../../helpers/background-fakes';
import { createFakeRegisterNode, PLAIN_TOKEN, TREX_COMPLIANCE, TREX_REGISTRY, TREX_TOKEN, URWA_TOKEN, type FakeRegisterNode } from './fake-register-node';

const HOLDER = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const BUYER = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const OUTSIDER = '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc';
const NETWORK = { chainId: '0x7a69', rpcUrl: 'http://127.0.0.1:8545' };
const shares = (n: number) => BigInt(n) * 10n ** 18n;

let db: WalletDatabase;
let node: FakeRegisterNode;
let register: ReturnType<typeof createRegisterFacts>;

beforeEach(async () => {
  db = await freshDatabase();
  node = createFakeRegisterNode();
  for (const state of [node.trex, node.urwa]) {
    state.balances.set(HOLDER, shares(1000));
    state.allowed.add(HOLDER).add(BUYER);
  }
  register = createRegisterFacts({ db, rpc: createJsonRpcClient(node.fetch), now: createClock().now });
});

const transfer = (token: string, amount = shares(100), to = BUYER) => ({ token, from: HOLDER, transfers: [{ to, amount }] });

describe('recognising a restricted share token', () => {
  it('probes a token once per network and remembers what it is, plain tokens included', async () => {
    expect(await register.standardOf(NETWORK, TREX_TOKEN.toLowerCase())).toBe('erc3643');
    expect(await register.standardOf(NETWORK, URWA_TOKEN)).toBe('erc7943');
    expect(await register.standardOf(NETWORK, PLAIN_TOKEN)).toBe('plain');
    expect(node.requests).toBe(3);
    expect(await register.standardOf(NETWORK, TREX_TOKEN)).toBe('erc3643');
    expect(await register.standardOf(NETWORK, PLAIN_TOKEN)).toBe('plain');
    expect(node.requests).toBe(3);
    expect(await db.get('registers', [NETWORK.chainId, TREX_TOKEN])).toEqual({
      schema: 1, chainId: NETWORK.chainId, address: TREX_TOKEN, standard: 'erc3643', checkedAt: createClock().now(),
      identityRegistry: TREX_REGISTRY, compliance: TREX_COMPLIANCE,
    });
  });

  it('probes the same token again on another network', async () => {
    await register.standardOf(NETWORK, TREX_TOKEN);
    await register.standardOf({ ...NETWORK, chainId: '0x1' }, TREX_TOKEN);
    expect(node.requests).toBe(2);
  });

  it('probes once for checks that start together', async () => {
    await Promise.all([register.check(NETWORK, transfer(PLAIN_TOKEN)), register.check(NETWORK, transfer(PLAIN_TOKEN))]);
    expect(node.requests).toBe(1);
  });

  it('remembers nothing when the node fails during the probe', async () => {
    node.down = true;
    await expect(register.standardOf(NETWORK, TREX_TOKEN)).rejects.toThrow('could not be reached');
    expect(await db.getAll('registers')).toEqual([]);
  });
});

describe('the register check of an ERC-3643 token', () => {
  it('accepts a transfer the token would make, in one request for the token and one for the accounts', async () => {
    await register.standardOf(NETWORK, TREX_TOKEN);
    node.sent = [];
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toEqual({ kind: 'accepted', standard: 'erc3643' });
    expect(node.sent).toEqual([
      ['paused@trex', 'identityRegistry@trex', 'compliance@trex'],
      ['isFrozen@trex', 'balanceOf@trex', 'getFrozenTokens@trex', 'isFrozen@trex', 'isVerified@registry', 'canTransfer@compliance'],
    ]);
  });

  it('asks about every recipient of a batch in the same second request', async () => {
    await register.standardOf(NETWORK, TREX_TOKEN);
    node.sent = [];
    const batch = { token: TREX_TOKEN, from: HOLDER, transfers: [{ to: BUYER, amount: 1n }, { to: OUTSIDER, amount: 2n }, { to: BUYER, amount: 3n }] };
    expect(await register.check(NETWORK, batch)).toMatchObject({
      kind: 'refused', refusal: { rule: 'recipient-unverified', account: OUTSIDER }, transfer: { index: 1, count: 3 },
    });
    expect(node.sent).toHaveLength(2);
    expect(node.sent[1]).toHaveLength(3 + 3 * 3);
  });

  it('says the token is paused', async () => {
    node.trex.paused = true;
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toMatchObject({ kind: 'refused', refusal: { rule: 'paused' } });
  });

  it('names a frozen sender before an unverified recipient', async () => {
    node.trex.frozen.add(HOLDER);
    expect(await register.check(NETWORK, transfer(TREX_TOKEN, 1n, OUTSIDER))).toMatchObject({ refusal: { rule: 'sender-frozen' } });
  });

  it('says how many of the sender\'s shares are frozen and how many can move', async () => {
    node.trex.frozenTokens.set(HOLDER, shares(100));
    expect(await register.check(NETWORK, transfer(TREX_TOKEN, shares(950)))).toMatchObject({
      refusal: { rule: 'insufficient-available', balance: shares(1000), frozen: shares(100), available: shares(900), amount: shares(950) },
    });
  });

  it('refuses what the compliance refuses, and takes its revert for a refusal', async () => {
    node.trex.limit = shares(10);
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toMatchObject({ refusal: { rule: 'compliance', reverted: false } });
    node.broken.canTransfer = 'revert';
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toMatchObject({ refusal: { rule: 'compliance', reverted: true } });
  });

  it('could not check when the node is down, and says which node', async () => {
    await register.standardOf(NETWORK, TREX_TOKEN);
    node.down = true;
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toEqual({
      kind: 'unchecked', standard: 'erc3643', cause: 'node', message: `the node at ${NETWORK.rpcUrl} could not be reached`,
    });
  });

  it('could not check when the node refuses one call, with the node\'s words, and keeps what the token is', async () => {
    await register.standardOf(NETWORK, TREX_TOKEN);
    node.broken.isVerified = 'node-error';
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toEqual({
      kind: 'unchecked', standard: 'erc3643', cause: 'node', message: `the node at ${NETWORK.rpcUrl} answered with an error: rate limited`,
    });
    expect(await db.get('registers', [NETWORK.chainId, TREX_TOKEN])).toBeDefined();
  });

  it('could not check a token that answers nonsense, and probes it afresh next time', async () => {
    await register.standardOf(NETWORK, TREX_TOKEN);
    node.broken.paused = 'malformed';
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toEqual({
      kind: 'unchecked', standard: 'erc3643', cause: 'answer', message: `paused() of the token at ${TREX_TOKEN} did not answer true or false`,
    });
    expect(await db.get('registers', [NETWORK.chainId, TREX_TOKEN])).toBeUndefined();
  });

  it('could not check when the node fails while probing, without knowing the standard', async () => {
    node.down = true;
    expect(await register.check(NETWORK, transfer(TREX_TOKEN))).toMatchObject({ kind: 'unchecked', standard: undefined, cause: 'node' });
  });
});

describe('the register check of an ERC-7943 token', () => {
  it('accepts a transfer the token allows, in one request', async () => {
    await register.standardOf(NETWORK, URWA_TOKEN);
    node.sent = [];
    expect(await register.check(NETWORK, transfer(URWA_TOKEN))).toEqual({ kind: 'accepted', standard: 'erc7943' });
    expect(node.sent).toEqual([['supportsInterface@urwa', 'canSend@urwa', 'balanceOf@urwa', 'getFrozenTokens@urwa', 'canReceive@urwa', 'canTransfer@urwa']]);
  });

  it('names a sender that may not send, then a recipient that may not receive', async () => {
    expect(await register.check(NETWORK, { token: URWA_TOKEN, from: OUTSIDER, transfers: [{ to: OUTSIDER, amount: 0n }] }))
      .toMatchObject({ refusal: { rule: 'sender-not-allowed', account: OUTSIDER } });
    expect(await register.check(NETWORK, transfer(URWA_TOKEN, 1n, OUTSIDER)))
      .toMatchObject({ refusal: { rule: 'recipient-not-allowed', account: OUTSIDER } });
  });

  it('refuses more than the unfrozen balance, even when more is frozen than held', async () => {
    node.urwa.frozenTokens.set(HOLDER, shares(5000));
    expect(await register.check(NETWORK, transfer(URWA_TOKEN, 1n))).toMatchObject({
      refusal: { rule: 'insufficient-available', balance: shares(1000), frozen: shares(5000), available: 0n },
    });
  });

  it('refuses what canTransfer refuses', async () => {
    node.urwa.limit = 5n;
    expect(await register.check(NETWORK, transfer(URWA_TOKEN, 6n))).toMatchObject({ refusal: { rule: 'transfer-not-allowed' } });
  });

  it('could not check a token whose canTransfer reverts, which the standard forbids', async () => {
    node.broken.canTransfer = 'revert';
    expect(await register.check(NETWORK, transfer(URWA_TOKEN))).toMatchObject({
      kind: 'unchecked', standard: 'erc7943', cause: 'answer',
      message: `canTransfer(${HOLDER}, ${BUYER}, ${shares(100)}) of the token at ${URWA_TOKEN} did not answer true or false`,
    });
  });

  it('could not check a token that stopped declaring ERC-7943, and probes it afresh next time', async () => {
    await register.standardOf(NETWORK, URWA_TOKEN);
    node.urwa.declares7943 = false;
    expect(await register.check(NETWORK, transfer(URWA_TOKEN))).toMatchObject({ kind: 'unchecked', cause: 'standard' });
    expect(await register.standardOf(NETWORK, URWA_TOKEN)).toBe('plain');
  });
});

describe('the register check of a plain token', () => {
  it('says the token is not restricted, without reading any facts', async () => {
    expect(await register.check(NETWORK, transfer(PLAIN_TOKEN))).toEqual({ kind: 'unrestricted' });
    expect(await register.check(NETWORK, transfer(PLAIN_TOKEN))).toEqual({ kind: 'unrestricted' });
    expect(node.requests).toBe(1);
  });
});
