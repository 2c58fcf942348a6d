// The popup's holdings, token and discovery messages, through the private router as the popup sends them.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPrivateRouter } from '../../../src/background/router/private-router';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createSiteService } from '../../../src/background/services/sites';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import type { HoldingsView } from '../../../src/protocol/holdings';
import { PRIVATE_CHANNEL, type PrivateResponse } from '../../../src/protocol/private';
import { createClock, createFakeLockTimer, createFakeSession, createHoldingsParts, freshDatabase } from '../../helpers/background-fakes';
import { createFakeChain, type FakeChain } from './fake-chain';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const PHRASE = 'test test test test test test test test test test test junk';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const RPC = 'http://127.0.0.1:8545/';

describe('holdings and token messages', () => {
  let db: WalletDatabase;
  let chain: FakeChain;
  let wallet: ReturnType<typeof createWalletService>;
  let handle: ReturnType<typeof createPrivateRouter>;
  let parts: ReturnType<typeof createHoldingsParts>;

  const send = (method: string, params: unknown = {}): Promise<PrivateResponse> =>
    handle({ channel: PRIVATE_CHANNEL, method, params }, { id: EXTENSION_ID, url: `${BASE}popup.html` });

  async function holdings(method: string, params: unknown = {}): Promise<HoldingsView> {
    const response = await send(method, params);
    if (!response.ok) throw new Error(`${method} failed: ${response.error.message}`);
    return response.result as HoldingsView;
  }

  beforeEach(async () => {
    db = await freshDatabase();
    chain = createFakeChain();
    chain.addToken(TOKEN, { symbol: 'ACME', name: 'Acme Holdings Shares' });
    const clock = createClock();
    wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
    const sites = createSiteService({ db, now: clock.now });
    const approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: clock.now, newId: () => 'a1' });
    parts = createHoldingsParts({ db, wallet, fetch: chain.fetch, now: clock.now });
    handle = createPrivateRouter({
      wallet, approvals, sites, lockChanged: () => Promise.resolve(), extensionId: EXTENSION_ID, extensionBaseUrl: BASE, ...parts,
    });
    await wallet.create({ phrase: PHRASE, wordlist: 'english', password: 'long enough password' });
    await db.put('chains', {
      chainId: '0x7a69', name: 'Acme Registry Chain', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
    });
  });

  it('adds a token by address with the name, symbol and decimals the chain gives, and shows its holdings', async () => {
    chain.give(TOKEN, ALICE, 1500n * 10n ** 18n);
    const view = await holdings('tokens.add', { chainId: '0x7a69', address: TOKEN.toLowerCase() });
    expect(await db.getAll('tokens')).toMatchObject([{ chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18 }]);
    expect(view.tokens).toMatchObject([{
      token: { address: TOKEN, symbol: 'ACME' }, hasVotes: true,
      accounts: [{ address: ALICE, balance: (1500n * 10n ** 18n).toString(), delegate: ALICE }],
    }]);
    expect(view.chains[0]?.asOf?.blockNumber).toBe('16');
  });

  it('looks for the accounts that hold a newly added token and shows them too', async () => {
    const seventh = await wallet.deriveAddress(7);
    chain.give(TOKEN, seventh, 5n);
    const view = await holdings('tokens.add', { chainId: '0x7a69', address: TOKEN });
    expect((await wallet.accounts()).map((account) => account.index)).toEqual([0, 7]);
    expect(view.tokens[0]?.accounts.map((row) => [row.address, row.balance])).toEqual([[ALICE, '0'], [seventh, '5']]);
  });

  it('refuses an unknown network, a mistyped checksum and an address that is not a token, saying which', async () => {
    const cases: [unknown, RegExp][] = [
      [{ chainId: '0x5', address: TOKEN }, /does not know the network 0x5/],
      [{ chainId: '0x7a69', address: TOKEN.replace('F', 'f') }, /address: address 0x5fbDB.* has a wrong EIP-55 checksum/],
      [{ chainId: '0x7a69', address: '0x1234' }, /address: "0x1234" is not an address/],
      [{ chainId: '31337', address: TOKEN }, /chainId must be a 0x-prefixed/],
      [{ chainId: '0x7a69', address: '0x0000000000000000000000000000000000000001' }, /^tokens\.add: 0x0000000000000000000000000000000000000001 on chain 0x7a69 does not answer name\(\) like an ERC-20 token$/],
    ];
    for (const [params, message] of cases) {
      expect(await send('tokens.add', params)).toMatchObject({ ok: false, error: { code: 'invalid-params', message } });
    }
    expect(await db.getAll('tokens')).toEqual([]);
  });

  it('says what went wrong when the network cannot be reached while adding', async () => {
    chain.mode = 'down';
    expect(await send('tokens.add', { chainId: '0x7a69', address: TOKEN })).toMatchObject({
      ok: false, error: { code: 'invalid-params', message: `the node at ${RPC} could not be reached` },
    });
  });

  it('removes a token and its cached figures', async () => {
    await holdings('tokens.add', { chainId: '0x7a69', address: TOKEN });
    const view = await holdings('tokens.remove', { chainId: '0x7a69', address: TOKEN });
    expect(view.tokens).toEqual([]);
    expect(await db.getAll('tokens')).toEqual([]);
    expect((await db.get('holdings', '0x7a69'))?.rows).toEqual([]);
  });

  it('gets the cached holdings without touching the network, and refreshes on request', async () => {
    await holdings('tokens.add', { chainId: '0x7a69', address: TOKEN });
    const before = chain.requests;
    await holdings('holdings.get');
    expect(chain.requests).toBe(before);
    await holdings('holdings.refresh');
    expect(chain.requests).toBe(before + 2);
  });

  it('runs recovery discovery on request and answers what it added', async () => {
    chain.native.set((await wallet.deriveAddress(4)).toLowerCase(), 1n);
    expect(await send('accounts.discover')).toEqual({ ok: true, result: { added: [4], unreachable: [] } });
  });

  it('after a site added a token, looks for its holders and reads it in the background, without being awaited', async () => {
    await db.put('tokens', { chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18, addedAt: 0 });
    chain.give(TOKEN, await wallet.deriveAddress(2), 9n);
    parts.tokenManager.tokenAddedBySite('0x7a69');
    for (let i = 0; i < 100 && (await db.get('holdings', '0x7a69')) === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await wallet.accounts()).map((account) => account.index)).toEqual([0, 2]);
    expect((await holdings('holdings.get')).tokens[0]?.total).toBe('9');
  });

  it('does nothing for a site\'s token while the wallet is locked, and logs nothing', async () => {
    await wallet.lock();
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => { logged.push(args); };
    try {
      parts.tokenManager.tokenAddedBySite('0x7a69');
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
    expect(chain.requests).toBe(0);
  });

  it('refuses every holdings message while locked, with wrong-state', async () => {
    await wallet.lock();
    for (const [method, params] of [['holdings.get', {}], ['holdings.refresh', {}], ['accounts.discover', {}],
      ['tokens.add', { chainId: '0x7a69', address: TOKEN }], ['tokens.remove', { chainId: '0x7a69', address: TOKEN }]] as const) {
      expect(await send(method, params), method).toMatchObject({ ok: false, error: { code: 'wrong-state' } });
    }
    expect(chain.requests).toBe(0);
  });
});
