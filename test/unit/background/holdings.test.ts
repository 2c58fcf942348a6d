import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createHoldingsService } from '../../../src/background/services/holdings';
import { createRegisterFacts } from '../../../src/background/services/register-facts';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { removeTokenAndRows } from '../../../src/background/storage/holdings-store';
import type { StoredChain } from '../../../src/background/storage/schema';
import { removeWallet } from '../../../src/background/storage/wallet-store';
import { createClock, createFakeLockTimer, createFakeSession, freshDatabase } from '../../helpers/background-fakes';
import { createFakeChain, wasAskedAbout, type FakeChain } from './fake-chain';

const PHRASE = 'test test test test test test test test test test test junk';
const ACCOUNTS = ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC'];
const RPC = 'http://127.0.0.1:8545/';
const SITE = 'https://registry.example';
/** The registry's network as stored before the wallet recorded who added a network. */
const ACME_CHAIN: StoredChain = {
  chainId: '0x7a69', name: 'Acme Registry Chain', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
};
const TOKENS = {
  ACME: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  BETA: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  COOP: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
  DELT: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
};
const shares = (n: number) => BigInt(n) * 10n ** 18n;

describe('holdings service', () => {
  let db: WalletDatabase;
  let chain: FakeChain;
  let clock: ReturnType<typeof createClock>;
  let wallet: ReturnType<typeof createWalletService>;
  let holdings: ReturnType<typeof createHoldingsService>;
  /** The accounts connected to each site, as the sites service would answer. */
  let permitted: Map<string, string[]>;
  const permittedAccounts = (origin: string) => Promise.resolve(permitted.get(origin) ?? []);

  async function addToken(symbol: keyof typeof TOKENS, opts: { votes?: boolean; chainId?: string; plainAnswer?: 'revert' | 'empty' } = {}) {
    chain.addToken(TOKENS[symbol], { symbol, votes: opts.votes ?? true, ...(opts.plainAnswer === undefined ? {} : { plainAnswer: opts.plainAnswer }) });
    await db.put('tokens', { chainId: opts.chainId ?? '0x7a69', address: TOKENS[symbol], name: `${symbol} Shares`, symbol, decimals: 18, addedAt: 0 });
  }

  beforeEach(async () => {
    db = await freshDatabase();
    clock = createClock();
    chain = createFakeChain();
    wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
    await wallet.create({ phrase: PHRASE, wordlist: 'english', password: 'long enough password' });
    await wallet.addAccounts([1, 2]);
    permitted = new Map();
    // Chosen by the user in the popup: every account is read there.
    await db.put('chains', { ...ACME_CHAIN, addedBy: SITE, userChosen: true });
    const rpc = createJsonRpcClient(chain.fetch, 200);
    holdings = createHoldingsService({
      db, rpc, accounts: () => wallet.accounts(), permittedAccounts, registers: createRegisterFacts({ db, rpc, now: clock.now }), now: clock.now,
    });
  });

  it('reads 3 accounts × 4 tokens in exactly 2 HTTP requests: the block, then one batch pinned at it', async () => {
    for (const symbol of ['ACME', 'BETA', 'COOP', 'DELT'] as const) await addToken(symbol);
    chain.give(TOKENS.ACME, ACCOUNTS[0] ?? '', shares(1500));
    chain.give(TOKENS.ACME, ACCOUNTS[1] ?? '', shares(800));
    chain.give(TOKENS.DELT, ACCOUNTS[2] ?? '', shares(250));
    const view = await holdings.refresh();
    expect(chain.requests).toBe(2);
    // The first time, each token's register probe (5 calls) rides in the block's request.
    expect(chain.sent[0]).toEqual(['eth_getBlockByNumber', ...Array<string>(4 * 5).fill('eth_call')]);
    // Three calls per account and token, then each token's totalSupply; plain tokens add no register facts.
    expect(chain.sent[1]).toHaveLength(3 * 4 * 3 + 4);
    await holdings.refresh();
    expect(chain.requests).toBe(4);
    expect(chain.sent[2]).toEqual(['eth_getBlockByNumber']);
    expect(chain.sent[3]).toHaveLength(3 * 4 * 3 + 4);
    expect(view.chains).toEqual([{
      chainId: '0x7a69', name: 'Acme Registry Chain', userChosen: true, addedBy: SITE, asOf: { blockNumber: '16', blockTime: 1_700_000_000_000, fetchedAt: clock.time },
    }]);
    expect(view.tokens.map((token) => token.token.symbol)).toEqual(['ACME', 'BETA', 'COOP', 'DELT']);
    expect(view.tokens[0]).toEqual({
      token: { chainId: '0x7a69', address: TOKENS.ACME, name: 'ACME Shares', symbol: 'ACME', decimals: 18 },
      chainName: 'Acme Registry Chain',
      hasVotes: true,
      accounts: [
        { address: ACCOUNTS[0], balance: shares(1500).toString(), votes: shares(1500).toString(), delegate: ACCOUNTS[0] },
        { address: ACCOUNTS[1], balance: shares(800).toString(), votes: shares(800).toString(), delegate: ACCOUNTS[1] },
        { address: ACCOUNTS[2], balance: '0', votes: '0', delegate: null },
      ],
      total: shares(2300).toString(),
    });
    expect(view.tokens[3]?.total).toBe(shares(250).toString());
  });

  it('pins every call of a refresh\'s batch at the block it read first', async () => {
    await addToken('ACME');
    const seen: unknown[] = [];
    const answer = chain.answer.bind(chain);
    chain.answer = (call) => { if (call.method === 'eth_call') seen.push(call.params[1]); return answer(call); };
    await holdings.refresh();
    // The first request: the block, and the never-probed token's probe, which can only ask the latest state.
    expect(seen.slice(0, 5)).toEqual(Array<string>(5).fill('latest'));
    expect(new Set(seen.slice(5))).toEqual(new Set(['0x10']));
  });

  it('shows a plain ERC-20 (getVotes reverts or answers 0x) with balances and no votes, without failing', async () => {
    await addToken('ACME');
    await addToken('BETA', { votes: false, plainAnswer: 'revert' });
    await addToken('COOP', { votes: false, plainAnswer: 'empty' });
    chain.give(TOKENS.BETA, ACCOUNTS[1] ?? '', shares(7));
    const view = await holdings.refresh();
    expect(view.chains[0]?.problem).toBeUndefined();
    const [acme, beta, coop] = view.tokens;
    expect(acme?.hasVotes).toBe(true);
    expect(beta?.hasVotes).toBe(false);
    expect(coop?.hasVotes).toBe(false);
    expect(beta?.accounts).toEqual([
      { address: ACCOUNTS[0], balance: '0' }, { address: ACCOUNTS[1], balance: shares(7).toString() }, { address: ACCOUNTS[2], balance: '0' },
    ]);
    expect(beta?.total).toBe(shares(7).toString());
  });

  it('keeps the cached figures when the RPC is down, says so naming the RPC, and clears it after a success', async () => {
    await addToken('ACME');
    chain.give(TOKENS.ACME, ACCOUNTS[0] ?? '', shares(1500));
    const before = await holdings.refresh();
    chain.mode = 'down';
    clock.advance(60_000);
    const down = await holdings.refresh();
    expect(down.tokens).toEqual(before.tokens);
    expect(down.chains[0]).toEqual({ ...before.chains[0], problem: { message: `the node at ${RPC} could not be reached`, at: clock.time } });
    // The popup opens again: the problem is still there, from the cache alone.
    expect((await holdings.view()).chains[0]?.problem?.message).toBe(`the node at ${RPC} could not be reached`);
    chain.mode = 'ok';
    chain.give(TOKENS.ACME, ACCOUNTS[0] ?? '', shares(1400));
    chain.blockNumber = 0x11n;
    const back = await holdings.refresh();
    expect(back.chains[0]?.problem).toBeUndefined();
    expect(back.chains[0]?.asOf?.blockNumber).toBe('17');
    expect(back.tokens[0]?.accounts[0]?.balance).toBe(shares(1400).toString());
  });

  it('says plainly when the RPC answers garbage, too slowly, or a balance that is not one, keeping the cache', async () => {
    await addToken('ACME');
    await holdings.refresh();
    const cached = (await holdings.view()).tokens;
    const expected: [FakeChain['mode'], string][] = [
      ['garbage', `the node at ${RPC} answered something that is not JSON-RPC`],
      ['hang', `the node at ${RPC} did not answer within 200 ms`],
      ['bad-balance', `the node at ${RPC} answered balanceOf of ACME (${TOKENS.ACME}) with something that is not a balance`],
    ];
    for (const [mode, message] of expected) {
      chain.mode = mode;
      const view = await holdings.refresh();
      expect(view.chains[0]?.problem?.message, mode).toBe(message);
      expect(view.tokens).toEqual(cached);
    }
  });

  it('records a problem for a network that has never answered, with no figures yet', async () => {
    await addToken('ACME');
    chain.mode = 'down';
    const view = await holdings.refresh();
    expect(view.chains[0]).toEqual({ chainId: '0x7a69', name: 'Acme Registry Chain', userChosen: true, addedBy: SITE, problem: { message: `the node at ${RPC} could not be reached`, at: clock.time } });
    expect(view.tokens[0]?.accounts).toEqual([]);
    expect(view.tokens[0]?.total).toBe('0');
  });

  it('asks nothing of a network without tokens', async () => {
    const view = await holdings.refresh();
    expect(chain.requests).toBe(0);
    expect(view).toEqual({ tokens: [], chains: [{ chainId: '0x7a69', name: 'Acme Registry Chain', userChosen: true, addedBy: SITE }] });
  });

  it('leaves out an account that has no cached row yet, and counts only the rows in the total', async () => {
    await addToken('ACME');
    chain.give(TOKENS.ACME, ACCOUNTS[0] ?? '', shares(5));
    await holdings.refresh();
    await wallet.addAccount();
    const view = await holdings.view();
    expect(view.tokens[0]?.accounts.map((row) => row.address)).toEqual(ACCOUNTS);
    expect(view.tokens[0]?.total).toBe(shares(5).toString());
  });

  it('orders tokens by network, then by name', async () => {
    await db.put('chains', {
      chainId: '0x5', name: 'Beta Registry', rpcUrl: 'http://127.0.0.1:9/', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
    });
    await addToken('DELT');
    await addToken('BETA', { chainId: '0x5' });
    await addToken('ACME');
    const view = await holdings.view();
    expect(view.tokens.map((token) => `${token.chainName}/${token.token.symbol}`)).toEqual([
      'Acme Registry Chain/ACME', 'Acme Registry Chain/DELT', 'Beta Registry/BETA',
    ]);
    expect(view.chains.map((status) => status.name)).toEqual(['Acme Registry Chain', 'Beta Registry']);
  });

  it('refreshes every network at once, and one that fails does not hold back the others', async () => {
    const other = createFakeChain();
    other.mode = 'down';
    const rpc = createJsonRpcClient((url, init) => (url === RPC ? chain.fetch(url, init) : other.fetch(url, init)));
    const both = createHoldingsService({
      db, now: clock.now, accounts: () => wallet.accounts(), permittedAccounts, rpc, registers: createRegisterFacts({ db, rpc, now: clock.now }),
    });
    await db.put('chains', {
      chainId: '0x5', name: 'Beta Registry', rpcUrl: 'http://127.0.0.1:9/', nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
      userChosen: true,
    });
    await addToken('ACME');
    await addToken('BETA', { chainId: '0x5' });
    const view = await both.refresh();
    expect(view.chains).toMatchObject([
      { chainId: '0x7a69', asOf: { blockNumber: '16' } },
      { chainId: '0x5', problem: { message: 'the node at http://127.0.0.1:9/ could not be reached' } },
    ]);
  });

  describe('on a network a site added, which the user has not chosen', () => {
    beforeEach(async () => {
      await db.put('chains', { ...ACME_CHAIN, addedBy: SITE });
      await addToken('ACME');
      for (const account of ACCOUNTS) chain.give(TOKENS.ACME, account, shares(1));
    });

    it('reads only the accounts connected to that site, so its node never hears of the others', async () => {
      permitted.set(SITE, [ACCOUNTS[1]?.toLowerCase() ?? '']);
      const view = await holdings.refresh();
      expect(view.tokens[0]?.accounts.map((row) => row.address)).toEqual([ACCOUNTS[1]]);
      expect(view.chains[0]).toMatchObject({ addedBy: SITE, userChosen: false });
      expect(ACCOUNTS.map((account) => wasAskedAbout(chain, account))).toEqual([false, true, false]);
    });

    it('reads no account once the site is disconnected, nor for a connection to another site', async () => {
      permitted.set('https://other.example', [ACCOUNTS[0] ?? '']);
      await holdings.refresh();
      expect(chain.requests).toBe(0);
    });

    it('reads no account on a network stored before the wallet recorded which site added it', async () => {
      await db.put('chains', ACME_CHAIN);
      permitted.set(SITE, [ACCOUNTS[0] ?? '']);
      expect((await holdings.refresh()).chains[0]).toEqual({ chainId: '0x7a69', name: 'Acme Registry Chain', userChosen: false });
      expect(chain.requests).toBe(0);
    });
  });

  it('refuses to show or refresh holdings while the wallet is locked', async () => {
    await addToken('ACME');
    await wallet.lock();
    await expect(holdings.view()).rejects.toMatchObject({ name: 'WalletError', code: 'wrong-state' });
    await expect(holdings.refresh()).rejects.toMatchObject({ name: 'WalletError', code: 'wrong-state' });
    expect(chain.requests).toBe(0);
  });

  it('drops a removed token\'s rows, and the whole cache when the wallet is removed', async () => {
    await addToken('ACME');
    await addToken('BETA');
    await holdings.refresh();
    await removeTokenAndRows(db, '0x7a69', TOKENS.ACME.toLowerCase());
    expect((await db.get('holdings', '0x7a69'))?.rows.every((row) => row.token === TOKENS.BETA)).toBe(true);
    expect((await holdings.view()).tokens.map((token) => token.token.symbol)).toEqual(['BETA']);
    await removeWallet(db);
    expect(await db.getAll('holdings')).toEqual([]);
  });
});
