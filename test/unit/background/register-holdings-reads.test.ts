import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { registerHoldingsReads } from '../../../src/background/services/register-holdings-reads';
import type { StoredRegister } from '../../../src/background/storage/schema';
import { createFakeRegisterNode, PLAIN_TOKEN, TREX_COMPLIANCE, TREX_REGISTRY, TREX_TOKEN, URWA_TOKEN, type FakeRegisterNode } from './fake-register-node';

const HOLDER = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const BUYER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const OUTSIDER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const URL = 'http://127.0.0.1:8545';

const record = (address: string, standard: StoredRegister['standard'], extra: Partial<StoredRegister> = {}): StoredRegister =>
  ({ schema: 1, chainId: '0x7a69', address, standard, checkedAt: 1, ...extra });
const trex = record(TREX_TOKEN, 'erc3643', { identityRegistry: TREX_REGISTRY, compliance: TREX_COMPLIANCE });
const urwa = record(URWA_TOKEN, 'erc7943');

let node: FakeRegisterNode;
beforeEach(() => {
  node = createFakeRegisterNode();
  node.trex.paused = true;
  node.trex.frozenTokens.set(HOLDER.toLowerCase(), 100n);
  node.trex.frozen.add(BUYER.toLowerCase());
  node.trex.allowed.add(HOLDER.toLowerCase()).add(BUYER.toLowerCase());
  node.urwa.frozenTokens.set(BUYER.toLowerCase(), 5000n);
  node.urwa.allowed.add(HOLDER.toLowerCase());
});

async function run(registers: StoredRegister[], accounts: string[]) {
  const reads = registerHoldingsReads(registers, accounts, '0x10');
  const items = await createJsonRpcClient(node.fetch).batch(URL, reads.calls);
  return { reads, ...reads.read(items) };
}

describe('the register facts a holdings refresh reads', () => {
  it('reads every restricted token and account in the one batch, pinned at the refresh\'s block, and skips plain tokens', async () => {
    const { reads } = await run([trex, record(PLAIN_TOKEN, 'plain'), urwa], [HOLDER, BUYER]);
    expect(node.requests).toBe(1);
    expect(reads.calls).toHaveLength(2 + 2 * 3 + 2 * 3);
    expect(reads.calls.every((call) => call.params?.[1] === '0x10')).toBe(true);
    expect(node.sent[0]?.some((call) => call.endsWith('@plain'))).toBe(false);
  });

  it('gives an ERC-3643 token\'s pause, and each account\'s frozen shares, whole-account freeze and verification', async () => {
    const { tokens, rows } = await run([trex], [HOLDER, BUYER, OUTSIDER]);
    expect(tokens).toEqual([{ token: TREX_TOKEN, standard: 'erc3643', paused: true }]);
    expect(rows).toEqual([
      { token: TREX_TOKEN, account: HOLDER, frozenTokens: '100', accountFrozen: false, verified: true },
      { token: TREX_TOKEN, account: BUYER, frozenTokens: '0', accountFrozen: true, verified: true },
      { token: TREX_TOKEN, account: OUTSIDER, frozenTokens: '0', accountFrozen: false, verified: false },
    ]);
  });

  it('gives an ERC-7943 token\'s frozen shares (more than held, too) and whether each account may send and receive', async () => {
    const { tokens, rows } = await run([urwa], [HOLDER, BUYER]);
    expect(tokens).toEqual([{ token: URWA_TOKEN, standard: 'erc7943' }]);
    expect(rows).toEqual([
      { token: URWA_TOKEN, account: HOLDER, frozenTokens: '0', canSend: true, canReceive: true },
      { token: URWA_TOKEN, account: BUYER, frozenTokens: '5000', canSend: false, canReceive: false },
    ]);
  });

  it('leaves verification unknown when the token names another identity registry than the remembered one, and reports it', async () => {
    const moved = { ...trex, identityRegistry: '0x0000000000000000000000000000000000000001' };
    const { tokens, rows } = await run([moved], [HOLDER]);
    expect(tokens[0]?.movedIdentityRegistry).toBe(TREX_REGISTRY);
    expect(rows[0]?.verified).toBeUndefined();
  });

  it('leaves a fact unknown when its answer is malformed or refused, without failing the refresh', async () => {
    node.broken.getFrozenTokens = 'malformed';
    node.broken.isFrozen = 'node-error';
    const { rows } = await run([trex], [HOLDER]);
    expect(rows).toEqual([{ token: TREX_TOKEN, account: HOLDER, frozenTokens: undefined, accountFrozen: undefined, verified: true }]);
  });
});
