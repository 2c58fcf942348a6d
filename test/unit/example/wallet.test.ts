import { describe, expect, it, vi } from 'vitest';
import { privateKeyToAccount } from 'viem/accounts';
import {
  discoverWallets, legacyWallet, preferredWallet, SHAREHOLDER_WALLET_RDNS, watchWallets, type DiscoveredWallet, type Eip1193Provider,
} from '../../../example/registry/src/discover';
import { describeError, errorText } from '../../../example/registry/src/errors';
import { DEMO_RECIPIENT } from '../../../example/registry/src/config';
import { TOKEN } from './registry-fixture';
import { transferWithAuthorization } from '../../../example/registry/src/typed-data';
import {
  chainIdOf, connect, createRegistryClient, disconnect, signAndVerify, watchProvider,
} from '../../../example/registry/src/wallet';

const holder = privateKeyToAccount('0xac0974bec39a17e8a6f1f4e5a3b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3');
const ICON = 'data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E';

class WalletError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/** A provider that answers like a wallet: the listed methods, or an EIP-1193 error. */
function fakeProvider(answers: Record<string, (params: unknown) => unknown>) {
  const calls: { method: string; params?: unknown }[] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const provider = {
    request: vi.fn(async (args: { method: string; params?: unknown }) => {
      calls.push(args);
      const answer = answers[args.method];
      if (answer === undefined) throw new WalletError(4200, `${args.method} is not supported`);
      return await Promise.resolve(answer(args.params));
    }),
    on(event: string, listener: (...args: unknown[]) => void) {
      let set = listeners.get(event);
      if (set === undefined) listeners.set(event, set = new Set());
      set.add(listener);
    },
    removeListener(event: string, listener: (...args: unknown[]) => void) { listeners.get(event)?.delete(listener); },
    emit(event: string, data: unknown) { for (const listener of listeners.get(event) ?? []) listener(data); },
  } satisfies Eip1193Provider & Record<string, unknown>;
  return { provider, calls };
}

function announce(target: EventTarget, info: Record<string, unknown>, provider: unknown = fakeProvider({}).provider): void {
  target.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: { info, provider } }));
}

const walletInfo = (uuid: string, rdns: string) => ({ uuid, name: `Wallet ${uuid}`, icon: ICON, rdns });

describe('EIP-6963 discovery', () => {
  it('asks wallets to announce themselves and lists each uuid once, in order', () => {
    const page = new EventTarget();
    page.addEventListener('eip6963:requestProvider', () => { announce(page, walletInfo('a', 'com.other')); });
    const seen: (readonly DiscoveredWallet[])[] = [];
    const stop = watchWallets(page, (wallets) => { seen.push(wallets); });
    announce(page, walletInfo('b', SHAREHOLDER_WALLET_RDNS));
    announce(page, walletInfo('a', 'com.other'));
    expect(seen.map((wallets) => wallets.map((w) => w.info.uuid))).toEqual([['a'], ['a', 'b']]);
    stop();
    announce(page, walletInfo('c', 'com.third'));
    expect(seen).toHaveLength(2);
  });

  it('ignores malformed announcements and drops an icon that is not a data URI', () => {
    const page = new EventTarget();
    const seen: DiscoveredWallet[] = [];
    watchWallets(page, (wallets) => { seen.splice(0, seen.length, ...wallets); });
    page.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: null }));
    announce(page, { uuid: 'x', name: 'No provider', icon: ICON, rdns: 'a.b' }, {});
    announce(page, { uuid: '', name: 'Empty uuid', icon: ICON, rdns: 'a.b' });
    announce(page, { uuid: 'y', name: 7, icon: ICON, rdns: 'a.b' });
    announce(page, { uuid: 'z', name: 'Remote icon', icon: 'https://tracker.example/icon.svg', rdns: 'a.b' });
    expect(seen.map((w) => [w.info.uuid, w.info.icon])).toEqual([['z', '']]);
  });

  it('collects the wallets that announce within the grace period', async () => {
    const page = new EventTarget();
    page.addEventListener('eip6963:requestProvider', () => { setTimeout(() => { announce(page, walletInfo('late', 'com.late')); }, 5); });
    const wallets = await discoverWallets(page, 50);
    expect(wallets.map((w) => w.info.uuid)).toEqual(['late']);
  });

  it('prefers Shareholder Wallet, else the only wallet, else none', () => {
    const make = (uuid: string, rdns: string): DiscoveredWallet => ({ info: walletInfo(uuid, rdns), provider: fakeProvider({}).provider, source: 'eip6963' });
    expect(preferredWallet([make('a', 'com.other'), make('b', SHAREHOLDER_WALLET_RDNS)])?.info.uuid).toBe('b');
    expect(preferredWallet([make('a', 'com.other')])?.info.uuid).toBe('a');
    expect(preferredWallet([make('a', 'com.other'), make('c', 'com.third')])).toBeUndefined();
    expect(preferredWallet([])).toBeUndefined();
  });

  it('labels window.ethereum as a legacy fallback, and only when it is a provider', () => {
    const { provider } = fakeProvider({});
    expect(legacyWallet(provider)).toMatchObject({ source: 'window.ethereum', info: { name: 'window.ethereum (not announced through EIP-6963)' } });
    expect(legacyWallet(undefined)).toBeUndefined();
    expect(legacyWallet({ request: 'no' })).toBeUndefined();
  });
});

describe('the viem wallet client over a wallet provider', () => {
  it('connects with eth_requestAccounts and reads the chain with eth_chainId', async () => {
    const { provider, calls } = fakeProvider({
      eth_requestAccounts: () => [holder.address.toLowerCase()],
      eth_chainId: () => '0x7a69',
    });
    const client = createRegistryClient(provider);
    expect(await connect(client)).toEqual([holder.address]);
    expect(await chainIdOf(client)).toBe(31337);
    expect(calls.map((c) => c.method)).toEqual(['eth_requestAccounts', 'eth_chainId']);
  });

  it('disconnects with wallet_revokePermissions for eth_accounts, then reads eth_accounts', async () => {
    const { provider, calls } = fakeProvider({ wallet_revokePermissions: () => null, eth_accounts: () => [] });
    expect(await disconnect(createRegistryClient(provider))).toEqual([]);
    expect(calls).toEqual([
      { method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] },
      { method: 'eth_accounts' },
    ]);
  });

  it('asks eth_signTypedData_v4 for the typed data and verifies the signature it gets back', async () => {
    const data = transferWithAuthorization(
      { name: TOKEN.name, chainId: 31337, verifyingContract: TOKEN.address },
      { from: holder.address, to: DEMO_RECIPIENT, value: 10n ** 18n, validAfter: 0n, validBefore: 2n ** 40n, nonce: `0x${'11'.repeat(32)}` },
    );
    const { provider, calls } = fakeProvider({ eth_signTypedData_v4: () => holder.signTypedData(data) });
    const result = await signAndVerify(createRegistryClient(provider), holder.address, data);
    expect(result.verified).toBe(true);
    const [address, json] = calls[0]?.params as [string, string];
    expect(address).toBe(holder.address);
    const sent = JSON.parse(json) as { domain: unknown; primaryType: string; types: Record<string, unknown> };
    // viem sends addresses in lower case: a wallet must compare them case-insensitively.
    expect(sent.domain).toEqual({ name: 'Acme Holdings Shares', version: '1', chainId: 31337, verifyingContract: TOKEN.address.toLowerCase() });
    expect(sent.primaryType).toBe('TransferWithAuthorization');
    expect(Object.keys(sent.types).sort()).toEqual(['EIP712Domain', 'TransferWithAuthorization']);
  });

  it('reports a signature from another key as not verified', async () => {
    const other = privateKeyToAccount(`0x${'22'.repeat(32)}`);
    const data = transferWithAuthorization(
      { name: TOKEN.name, chainId: 1, verifyingContract: TOKEN.address },
      { from: holder.address, to: DEMO_RECIPIENT, value: 1n, validAfter: 0n, validBefore: 1n, nonce: `0x${'33'.repeat(32)}` },
    );
    const { provider } = fakeProvider({ eth_signTypedData_v4: () => other.signTypedData(data) });
    expect((await signAndVerify(createRegistryClient(provider), holder.address, data)).verified).toBe(false);
  });

  it('never retries a request the wallet failed, so the user is never asked twice', async () => {
    const { provider } = fakeProvider({ eth_requestAccounts: () => { throw new WalletError(-32603, 'Internal error'); } });
    await expect(connect(createRegistryClient(provider))).rejects.toThrow();
    expect(provider.request).toHaveBeenCalledTimes(1);
  });

  it('follows accountsChanged and chainChanged until told to stop', () => {
    const { provider } = fakeProvider({});
    const accountsChanged = vi.fn();
    const chainChanged = vi.fn();
    const stop = watchProvider(provider, { accountsChanged, chainChanged, disconnect: vi.fn() });
    provider.emit('accountsChanged', [holder.address.toLowerCase(), 'not an address']);
    provider.emit('chainChanged', '0x5');
    provider.emit('chainChanged', 'five');
    expect(accountsChanged).toHaveBeenCalledWith([holder.address]);
    expect(chainChanged.mock.calls).toEqual([[5]]);
    stop();
    provider.emit('chainChanged', '0x1');
    expect(chainChanged).toHaveBeenCalledTimes(1);
  });
});

describe('wallet errors as the page shows them', () => {
  async function failureOf(code: number, message: string) {
    const { provider } = fakeProvider({ eth_requestAccounts: () => { throw new WalletError(code, message); } });
    try {
      await connect(createRegistryClient(provider));
    } catch (error) {
      return describeError(error);
    }
    throw new Error('the request did not fail');
  }

  it('keeps the wallet\'s own code and message through viem\'s wrapping', async () => {
    expect(await failureOf(4001, 'The user rejected the request.')).toEqual({ code: 4001, message: 'The user rejected the request.' });
    expect(await failureOf(-32602, 'domain.chainId 5 is not this site\'s chain')).toEqual({ code: -32602, message: 'domain.chainId 5 is not this site\'s chain' });
  });

  it('keeps a code viem does not know', async () => {
    expect(await failureOf(4999, 'Something new')).toEqual({ code: 4999, message: 'Something new' });
  });

  it('says "Rejected" for 4001 and "Error" for any other code', () => {
    expect(errorText({ code: 4001, message: 'No.' })).toBe('Rejected (4001): No.');
    expect(errorText({ code: -32602, message: 'Bad chain.' })).toBe('Error (-32602): Bad chain.');
    expect(errorText({ code: undefined, message: 'Offline.' })).toBe('Error: Offline.');
  });

  it('describes an error without a code by its message', () => {
    expect(describeError(new Error('plain'))).toEqual({ code: undefined, message: 'plain' });
    expect(describeError('text')).toEqual({ code: undefined, message: 'text' });
  });
});
