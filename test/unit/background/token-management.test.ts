// The popup's holdings, token and discovery messages, through the private router as the popup sends them.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPrivateRouter } from '../../../src/background/router/private-router';
import { createApprovalService } from '../../../src/background/services/approvals';
import { createSimulationSupport } from '../../../src/background/services/simulation-support';
import { createTransactionPreviewService } from '../../../src/background/services/transaction-preview';
import { createSiteService } from '../../../src/background/services/sites';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import type { HoldingsView, NetworkChoiceView } from '../../../src/protocol/holdings';
import { PRIVATE_CHANNEL, type PrivateResponse } from '../../../src/protocol/private';
import { createClock, createFakeLockTimer, createFakeSession, createHoldingsParts, freshDatabase, createRegisterCheckPart, createVotingParts } from '../../helpers/background-fakes';
import { createFakeChain, wasAskedAbout, type FakeChain } from './fake-chain';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE = `chrome-extension://${EXTENSION_ID}/`;
const PHRASE = 'test test test test test test test test test test test junk';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const RPC = 'http://127.0.0.1:8545/';
const SITE = 'https://registry.example';

describe('holdings and token messages', () => {
  let db: WalletDatabase;
  let chain: FakeChain;
  let wallet: ReturnType<typeof createWalletService>;
  let handle: ReturnType<typeof createPrivateRouter>;
  let parts: ReturnType<typeof createHoldingsParts>;
  let sites: ReturnType<typeof createSiteService>;

  const send = (method: string, params: unknown = {}): Promise<PrivateResponse> =>
    handle({ channel: PRIVATE_CHANNEL, method, params }, { id: EXTENSION_ID, url: `${BASE}popup.html` });

  async function result<T>(method: string, params: unknown = {}): Promise<T> {
    const response = await send(method, params);
    if (!response.ok) throw new Error(`${method} failed: ${response.error.message}`);
    return response.result as T;
  }
  /** As if the user had chosen the registry's network in the popup, without its discovery. */
  async function userChooses(): Promise<void> {
    expect(await parts.chains.choose('0x7a69')).toMatchObject({ userChosen: true });
  }
  const holdings = (method: string, params: unknown = {}) => result<HoldingsView>(method, params);
  /** tokens.add, whose answer is the holdings after the search for used accounts on its network. */
  const addToken = async (params: unknown) => (await result<NetworkChoiceView>('tokens.add', params)).holdings;

  beforeEach(async () => {
    db = await freshDatabase();
    chain = createFakeChain();
    chain.addToken(TOKEN, { symbol: 'ACME', name: 'Acme Holdings Shares' });
    const clock = createClock();
    wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
    sites = createSiteService({ db, now: clock.now });
    const approvals = createApprovalService({ windows: { open: () => Promise.resolve(1), focus: () => Promise.resolve() }, now: clock.now, newId: () => 'a1' });
    parts = createHoldingsParts({ db, wallet, fetch: chain.fetch, now: clock.now });
    handle = createPrivateRouter({
      wallet, approvals, sites, lockChanged: () => Promise.resolve(), extensionId: EXTENSION_ID, extensionBaseUrl: BASE, ...parts,
      transactionPreview: createTransactionPreviewService({ approvals, ...parts, support: createSimulationSupport({ db, now: clock.now }) }),
      registerCheck: createRegisterCheckPart({ db: db, approvals, ...parts, now: clock.now }),
      ...createVotingParts({ db: db, wallet, approvals, ...parts, now: clock.now, ownOrigin: BASE.replace(/\/+$/, '') }),
    });
    await wallet.create({ phrase: PHRASE, wordlist: 'english', password: 'long enough password' });
    // Added by the registry site, which the user has not chosen in the popup yet.
    await db.put('chains', {
      chainId: '0x7a69', name: 'Acme Registry Chain', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
      addedBy: SITE,
    });
  });

  it('adds a token by address with the name, symbol and decimals the chain gives, and shows its holdings', async () => {
    chain.give(TOKEN, ALICE, 1500n * 10n ** 18n);
    const view = await addToken({ chainId: '0x7a69', address: TOKEN.toLowerCase() });
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
    const view = await addToken({ chainId: '0x7a69', address: TOKEN });
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
    await addToken({ chainId: '0x7a69', address: TOKEN });
    const view = await holdings('tokens.remove', { chainId: '0x7a69', address: TOKEN });
    expect(view.tokens).toEqual([]);
    expect(await db.getAll('tokens')).toEqual([]);
    expect((await db.get('holdings', '0x7a69'))?.rows).toEqual([]);
  });

  it('gets the cached holdings without touching the network, and refreshes on request', async () => {
    await addToken({ chainId: '0x7a69', address: TOKEN });
    const before = chain.requests;
    await holdings('holdings.get');
    expect(chain.requests).toBe(before);
    await holdings('holdings.refresh');
    expect(chain.requests).toBe(before + 2);
  });

  it('runs recovery discovery on request on the networks the user chose, and answers what it added', async () => {
    chain.native.set((await wallet.deriveAddress(4)).toLowerCase(), 1n);
    expect(await send('accounts.discover')).toEqual({ ok: true, result: { added: [], unreachable: [] } });
    expect(chain.requests).toBe(0);
    await userChooses();
    expect(await send('accounts.discover')).toEqual({ ok: true, result: { added: [4], unreachable: [] } });
  });

  it('after a site added its network and token, reads only the account connected to it, and looks for no other', async () => {
    await db.put('tokens', { chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18, addedAt: 0 });
    await wallet.addAccount();
    await sites.grant(SITE, [ALICE.toLowerCase()]);
    chain.give(TOKEN, await wallet.deriveAddress(2), 9n);
    parts.tokenManager.tokenAddedBySite('0x7a69');
    for (let i = 0; i < 100 && (await db.get('holdings', '0x7a69')) === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await wallet.accounts()).map((account) => account.index)).toEqual([0, 1]);
    expect((await holdings('holdings.get')).tokens[0]?.accounts.map((row) => row.address)).toEqual([ALICE]);
    expect(wasAskedAbout(chain, ALICE)).toBe(true);
    for (let index = 1; index < 40; index++) expect(wasAskedAbout(chain, await wallet.deriveAddress(index)), `account ${index}`).toBe(false);
  });

  it('reads all accounts of a site\'s network and looks for used ones there once the user chooses it in the popup', async () => {
    await db.put('tokens', { chainId: '0x7a69', address: TOKEN, name: 'Acme Holdings Shares', symbol: 'ACME', decimals: 18, addedAt: 0 });
    const second = await wallet.deriveAddress(2);
    chain.give(TOKEN, second, 9n);
    const chosen = await result<NetworkChoiceView>('chains.choose', { chainId: '0x7a69' });
    expect(chosen.discovery).toEqual({ added: [2], unreachable: [] });
    expect(chosen.holdings.chains[0]).toMatchObject({ chainId: '0x7a69', addedBy: SITE, userChosen: true });
    expect(chosen.holdings.tokens[0]?.accounts.map((row) => [row.address, row.balance])).toEqual([[ALICE, '0'], [second, '9']]);
    expect(await send('chains.choose', { chainId: '0x5' })).toMatchObject({ ok: false, error: { code: 'invalid-params', message: /does not know the network 0x5/ } });
  });

  it('keeps looking from where a stopped discovery stopped, on the network it searched, and refuses a start that is no account index', async () => {
    await userChooses();
    chain.mode = 'every-address-used';
    const first = await result<{ added: number[]; stoppedAt?: number }>('accounts.discover', { chainId: '0x7a69' });
    expect(first.stoppedAt).toBe(51);
    const next = await result<{ added: number[]; stoppedAt?: number }>('accounts.discover', { chainId: '0x7a69', from: first.stoppedAt });
    expect(next.added[0]).toBe(51);
    for (const from of [-1, 2 ** 31, 1.5, '3']) {
      expect(await send('accounts.discover', { from }), String(from)).toMatchObject({ ok: false, error: { code: 'invalid-params' } });
    }
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
      ['tokens.add', { chainId: '0x7a69', address: TOKEN }], ['tokens.remove', { chainId: '0x7a69', address: TOKEN }],
      ['chains.choose', { chainId: '0x7a69' }]] as const) {
      expect(await send(method, params), method).toMatchObject({ ok: false, error: { code: 'wrong-state' } });
    }
    expect(chain.requests).toBe(0);
  });
});
