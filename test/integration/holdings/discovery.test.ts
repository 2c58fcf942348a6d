// Recovery discovery over a real chain: shares minted to the derived addresses of a test phrase at
// indexes 0, 7 and 26 are found (and those accounts added); shares at 50, past a gap of 23, are not.
import { parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnvil, type AnvilNode } from '../../../example/registry/chain/anvil';
import { deployRegistry, type DeployedRegistry } from '../../../example/registry/chain/deploy';
import { CHAIN_ID, mint, walletUnderTest } from './wallet-under-test';

// BIP-39 test vector phrase: none of its accounts is funded on a fresh anvil node.
const PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

let chain: AnvilNode;
let registry: DeployedRegistry;

beforeAll(async () => {
  chain = await startAnvil();
  registry = await deployRegistry(chain.rpcUrl);
});
afterAll(async () => { await chain.stop(); });

describe('recovery discovery on a real chain', () => {
  it('finds the accounts holding shares at 0, 7 and 26, and not the one at 50', async () => {
    const subject = await walletUnderTest(chain.rpcUrl, PHRASE);
    for (const index of [0, 7, 26, 50]) await mint(chain.rpcUrl, registry.token, await subject.wallet.deriveAddress(index), parseUnits('10', 18));
    await subject.tokens.add(await subject.tokens.describe(CHAIN_ID, registry.token));
    const before = subject.counter.requests;
    expect(await subject.discovery.discover()).toEqual({ added: [7, 26], unreachable: [] });
    expect((await subject.wallet.accounts()).map((account) => account.index)).toEqual([0, 7, 26]);
    // One batch per window: 0-19, 20-39, then 40-46 (the last index the gap after 26 allows).
    expect(subject.counter.requests - before).toBe(3);
    const view = await subject.holdings.refresh();
    expect(view.tokens[0]?.accounts.map((row) => row.balance)).toEqual([parseUnits('10', 18).toString(), parseUnits('10', 18).toString(), parseUnits('10', 18).toString()]);
  });

  it('lists a network it cannot reach and adds nothing from it', async () => {
    const subject = await walletUnderTest('http://127.0.0.1:9/', PHRASE);
    expect(await subject.discovery.discover()).toEqual({
      added: [], unreachable: [{ chainId: CHAIN_ID, message: 'the node at http://127.0.0.1:9/ could not be reached' }],
    });
  });
});
