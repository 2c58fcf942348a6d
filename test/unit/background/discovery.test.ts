import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonRpcClient } from '../../../src/background/platform/json-rpc';
import { createDiscoveryService, MAX_ACCOUNTS_PER_DISCOVERY } from '../../../src/background/services/discovery';
import { createWalletService } from '../../../src/background/services/wallet';
import type { WalletDatabase } from '../../../src/background/storage/database';
import { createClock, createFakeLockTimer, createFakeSession, freshDatabase } from '../../helpers/background-fakes';
import { createFakeChain, type FakeChain } from './fake-chain';

const PHRASE = 'test test test test test test test test test test test junk';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const RPC = 'http://127.0.0.1:8545/';
const OTHER_RPC = 'http://127.0.0.1:8546/';

describe('recovery discovery', () => {
  let db: WalletDatabase;
  let chain: FakeChain;
  let other: FakeChain;
  let wallet: ReturnType<typeof createWalletService>;
  let discovery: ReturnType<typeof createDiscoveryService>;

  const address = (index: number) => wallet.deriveAddress(index);
  const indexes = async () => (await wallet.accounts()).map((account) => account.index);

  /** A network a site added; `userChosen` unless told: the user chose to read all accounts there. */
  async function addChain(chainId: string, rpcUrl: string, userChosen = true) {
    await db.put('chains', {
      chainId, name: chainId, rpcUrl, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0,
      addedBy: 'https://registry.example', userChosen,
    });
  }

  beforeEach(async () => {
    db = await freshDatabase();
    chain = createFakeChain();
    other = createFakeChain();
    const clock = createClock();
    wallet = createWalletService({ db, session: createFakeSession(), lockTimer: createFakeLockTimer(), now: clock.now });
    await wallet.create({ phrase: PHRASE, wordlist: 'english', password: 'long enough password' });
    await addChain('0x7a69', RPC);
    chain.addToken(TOKEN, { symbol: 'ACME' });
    await db.put('tokens', { chainId: '0x7a69', address: TOKEN, name: 'ACME Shares', symbol: 'ACME', decimals: 18, addedAt: 0 });
    const rpc = createJsonRpcClient((url, init) => {
      if (url === RPC) return chain.fetch(url, init);
      if (url === OTHER_RPC) return other.fetch(url, init);
      return Promise.reject(new TypeError('fetch failed'));
    });
    discovery = createDiscoveryService({
      db, rpc, accounts: () => wallet.accounts(), deriveAddress: (index) => wallet.deriveAddress(index), addAccounts: (list) => wallet.addAccounts(list),
    });
  });

  it('finds accounts used at 0, 5 and 24 (shares, native balance, a nonce), and not one at 50 after a gap of 25', async () => {
    chain.give(TOKEN, await address(0), 1n);
    chain.native.set((await address(5)).toLowerCase(), 1n);
    chain.nonces.set((await address(24)).toLowerCase(), 3n);
    chain.give(TOKEN, await address(50), 10n ** 18n);
    expect(await discovery.discover()).toEqual({ added: [5, 24], unreachable: [] });
    expect(await indexes()).toEqual([0, 5, 24]);
    // Index 44 is the last one the gap allows; nothing past it is looked at.
    const asked = chain.sent.flat().filter((method) => method === 'eth_getBalance').length;
    expect(asked).toBe(45);
  });

  it('sends one batch per network and window of 20 addresses, with balance, nonce and every token of that network', async () => {
    await discovery.discover();
    expect(chain.requests).toBe(1);
    expect(chain.sent[0]).toHaveLength(20 * 3);
    expect(chain.sent[0]?.slice(0, 3)).toEqual(['eth_getBalance', 'eth_getTransactionCount', 'eth_call']);
  });

  it('finds a use on any network, and lists a network it cannot read without failing', async () => {
    await addChain('0x5', OTHER_RPC);
    other.native.set((await address(3)).toLowerCase(), 1n);
    expect(await discovery.discover()).toEqual({ added: [3], unreachable: [] });
    await addChain('0x6', 'http://127.0.0.1:9/');
    other.mode = 'garbage';
    chain.give(TOKEN, await address(7), 1n);
    const view = await discovery.discover();
    expect(view.added).toEqual([7]);
    expect(view.unreachable).toEqual([
      { chainId: '0x5', message: expect.stringMatching(`^the node at ${OTHER_RPC} answered something that is not JSON-RPC`) as unknown },
      { chainId: '0x6', message: 'the node at http://127.0.0.1:9/ could not be reached' },
    ]);
    expect(await indexes()).toEqual([0, 3, 7]);
  });

  it('scans only the networks it is given', async () => {
    await addChain('0x5', OTHER_RPC);
    other.native.set((await address(2)).toLowerCase(), 1n);
    expect(await discovery.discover({ chainIds: ['0x7a69'] })).toEqual({ added: [], unreachable: [] });
    expect(other.requests).toBe(0);
  });

  it('asks nothing of a network the user has not chosen, whether a site added it or it predates that record', async () => {
    await addChain('0x7a69', RPC, false);
    chain.give(TOKEN, await address(3), 1n);
    expect(await discovery.discover()).toEqual({ added: [], unreachable: [] });
    expect(await discovery.discover({ chainIds: ['0x7a69'] })).toEqual({ added: [], unreachable: [] });
    await db.put('chains', { chainId: '0x7a69', name: 'old', rpcUrl: RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, explorerUrl: undefined, addedAt: 0 });
    expect(await discovery.discover()).toEqual({ added: [], unreachable: [] });
    expect(chain.requests).toBe(0);
  });

  it('stops after adding 50 accounts when the node calls every address used, and goes on from there when asked', async () => {
    chain.mode = 'every-address-used';
    const first = await discovery.discover();
    const fifty = Array.from({ length: MAX_ACCOUNTS_PER_DISCOVERY }, (_, i) => i + 1);
    // Account 0 was already the wallet's: 1-50 are the 50 it added.
    expect(first).toEqual({ added: fifty, unreachable: [], stoppedAt: 51 });
    expect(await indexes()).toEqual([0, ...fifty]);
    // Three windows of 20 (0-59), nothing beyond.
    expect(chain.sent.flat().filter((method) => method === 'eth_getTransactionCount')).toHaveLength(60);
    const next = await discovery.discover({ from: 51 });
    expect(next).toEqual({ added: fifty.map((index) => index + 50), unreachable: [], stoppedAt: 101 });
    expect((await indexes()).length).toBe(101);
  });

  it('goes on from a stopped run with the gap counted from the account before it', async () => {
    chain.nonces.set((await address(60)).toLowerCase(), 1n);
    chain.nonces.set((await address(85)).toLowerCase(), 1n);
    expect(await discovery.discover({ from: 51 })).toEqual({ added: [60], unreachable: [] });
  });

  it('adds nothing and asks nothing when no network is known', async () => {
    await db.clear('chains');
    expect(await discovery.discover()).toEqual({ added: [], unreachable: [] });
    expect(chain.requests).toBe(0);
  });

  it('refuses to run while the wallet is locked', async () => {
    await wallet.lock();
    await expect(discovery.discover()).rejects.toMatchObject({ name: 'WalletError', code: 'wrong-state' });
    expect(chain.requests).toBe(0);
  });
});
