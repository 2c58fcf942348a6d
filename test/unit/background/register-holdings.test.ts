import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createHoldingsService } from '../../../src/background/services/holdings';
import { createRegisterFacts } from '../../../src/background/services/register-facts';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { removeTokenAndRows } from '../../../src/background/storage/holdings-store';
import { createClock, createFakeLockTimer, createFakeSession, freshDatabase } from '../../helpers/background-fakes';
import { createFakeRegisterNode, PLAIN_TOKEN, TREX_COMPLIANCE, TREX_REGISTRY, TREX_TOKEN, URWA_TOKEN, type FakeRegisterNode } from './fake-register-node';

const PHRASE = 'test test test test test test test test test test test junk';
const [HOLDER, BUYER, OUTSIDER] = ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'];
const RPC = 'http://127.0.0.1:8545/';
const CHAIN = '0x7a69';
const MOVED_REGISTRY = '0x000000000000000000000000000000000000bEEF';

describe('holdings of restricted share tokens', () => {
  let db: WalletDatabase;
  let node: FakeRegisterNode;
  let holdings: ReturnType<typeof createHoldingsService>;

  async function addToken(address: string, symbol: string) {
    await db.put('tokens', { chainId: CHAIN, address, name: `${symbol} Shares`, symbol, decimals: 0, addedAt: 0 });
  }
  const tokenView = async (address: string) => (await holdings.view()).tokens.find((token) => token.token.address === address);

  beforeEach(async () => {
    db = await freshDatabase();
    const clock = createClock();
    node = createFakeRegisterNode();
    const wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
    await wallet.create({ phrase: PHRASE, wordlist: 'english', password: 'long enough password' });
    await wallet.addAccounts([1, 2]);
    await db.put('chains', {
      chainId: CHAIN, name: 'Registry Chain', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
      userChosen: true,
    });
    const rpc = createJsonRpcClient(node.fetch, 200);
    holdings = createHoldingsService({
      db, rpc, accounts: () => wallet.accounts(), permittedAccounts: () => Promise.resolve([]), registers: createRegisterFacts({ db, rpc, now: clock.now }), now: clock.now,
    });
    await addToken(TREX_TOKEN, 'NRDW');
    await addToken(URWA_TOKEN, 'LOTUS');
    await addToken(PLAIN_TOKEN, 'ACME');
    node.trex.balances.set(HOLDER.toLowerCase(), 1000n).set(BUYER.toLowerCase(), 400n);
    node.trex.frozenTokens.set(HOLDER.toLowerCase(), 100n);
    node.trex.frozen.add(BUYER.toLowerCase());
    node.trex.allowed.add(HOLDER.toLowerCase()).add(BUYER.toLowerCase());
    node.urwa.balances.set(BUYER.toLowerCase(), 50n);
    node.urwa.frozenTokens.set(BUYER.toLowerCase(), 80n);
    node.urwa.allowed.add(HOLDER.toLowerCase());
  });

  it('shows an ERC-3643 token\'s pause and each account\'s frozen shares, whole-account freeze and verification', async () => {
    node.trex.paused = true;
    await holdings.refresh();
    const nrdw = await tokenView(TREX_TOKEN);
    expect(nrdw?.register).toEqual({ standard: 'erc3643', paused: true });
    expect(nrdw?.accounts).toEqual([
      { address: HOLDER, balance: '1000', register: { frozen: '100', accountFrozen: false, verified: true } },
      { address: BUYER, balance: '400', register: { frozen: '0', accountFrozen: true, verified: true } },
      { address: OUTSIDER, balance: '0', register: { frozen: '0', accountFrozen: false, verified: false } },
    ]);
  });

  it('shows an ERC-7943 token\'s frozen shares (more than held, too) and whether each account may send and receive', async () => {
    await holdings.refresh();
    const lotus = await tokenView(URWA_TOKEN);
    expect(lotus?.register).toEqual({ standard: 'erc7943' });
    expect(lotus?.accounts.map((row) => row.register)).toEqual([
      { frozen: '0', canSend: true, canReceive: true },
      { frozen: '80', canSend: false, canReceive: false },
      { frozen: '0', canSend: false, canReceive: false },
    ]);
  });

  it('shows a plain token as before, with no register facts', async () => {
    await holdings.refresh();
    const acme = await tokenView(PLAIN_TOKEN);
    expect(acme?.register).toBeUndefined();
    expect(acme?.accounts.every((row) => row.register === undefined)).toBe(true);
  });

  it('keeps to 2 HTTP requests per refresh: the probes of new tokens ride with the block the first time, then the block goes alone', async () => {
    await holdings.refresh();
    expect(node.requests).toBe(2);
    expect(node.sent[0]?.[0]).toBe('eth_getBlockByNumber');
    expect(node.sent[0]).toHaveLength(1 + 3 * 5);
    // Facts of both restricted tokens in the one batch, at the block: 2 + 3 × 3 for T-REX, 3 × 3 for ERC-7943.
    expect(node.sent[1]?.filter((call) => /^(paused|identityRegistry|getFrozenTokens|isFrozen|isVerified|canSend|canReceive)@/.test(call))).toHaveLength(2 + 9 + 9);
    await holdings.refresh();
    expect(node.requests).toBe(4);
    expect(node.sent[2]).toEqual(['eth_getBlockByNumber']);
    expect(node.sent[3]).toEqual(node.sent[1]);
  });

  it('shows the facts the chain has after the agent acts, at the next refresh', async () => {
    await holdings.refresh();
    node.trex.frozenTokens.set(HOLDER.toLowerCase(), 250n);
    node.trex.frozen.delete(BUYER.toLowerCase());
    node.trex.allowed.delete(HOLDER.toLowerCase());
    await holdings.refresh();
    expect((await tokenView(TREX_TOKEN))?.accounts.slice(0, 2).map((row) => row.register)).toEqual([
      { frozen: '250', accountFrozen: false, verified: false },
      { frozen: '0', accountFrozen: false, verified: true },
    ]);
  });

  it('shows a token whose probe the node failed as a plain one, without a problem, and probes it again at the next refresh', async () => {
    node.broken.identityRegistry = 'node-error';
    const first = await holdings.refresh();
    expect(first.chains[0]?.problem).toBeUndefined();
    // The fake node refuses every identityRegistry() call, so no token's probe was whole.
    expect((await tokenView(TREX_TOKEN))?.register).toBeUndefined();
    expect((await tokenView(URWA_TOKEN))?.register).toBeUndefined();
    delete node.broken.identityRegistry;
    await holdings.refresh();
    expect(node.sent[2]).toHaveLength(1 + 3 * 5);
    expect((await tokenView(URWA_TOKEN))?.register).toEqual({ standard: 'erc7943' });
    expect((await tokenView(TREX_TOKEN))?.register).toEqual({ standard: 'erc3643', paused: false });
  });

  it('leaves verification unknown when the token names another identity registry than the one probed, and probes it afresh next time', async () => {
    await db.put('registers', {
      schema: 1, chainId: CHAIN, address: TREX_TOKEN, standard: 'erc3643', checkedAt: 0, identityRegistry: MOVED_REGISTRY, compliance: TREX_COMPLIANCE,
    });
    await holdings.refresh();
    expect((await tokenView(TREX_TOKEN))?.accounts[0]?.register).toEqual({ frozen: '100', accountFrozen: false });
    expect(await db.get('registers', [CHAIN, TREX_TOKEN])).toBeUndefined();
    await holdings.refresh();
    expect((await db.get('registers', [CHAIN, TREX_TOKEN]))?.identityRegistry).toBe(TREX_REGISTRY);
    expect((await tokenView(TREX_TOKEN))?.accounts[0]?.register).toEqual({ frozen: '100', accountFrozen: false, verified: true });
  });

  it('leaves a fact the node answered with nonsense unknown, and still shows the balances', async () => {
    node.broken.isFrozen = 'malformed';
    const view = await holdings.refresh();
    expect(view.chains[0]?.problem).toBeUndefined();
    expect((await tokenView(TREX_TOKEN))?.accounts[0]).toEqual({ address: HOLDER, balance: '1000', register: { frozen: '100', verified: true } });
  });

  it('forgets a removed token\'s register facts with its rows', async () => {
    await holdings.refresh();
    await removeTokenAndRows(db, CHAIN, TREX_TOKEN);
    expect((await db.get('holdings', CHAIN))?.registerTokens?.map((token) => token.token)).toEqual([URWA_TOKEN]);
  });
});
