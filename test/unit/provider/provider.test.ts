import { describe, expect, it } from 'vitest';
import { announceProvider, walletInfo } from '../../../src/provider/inpage/announce';
import { lockProviderMethods } from '../../../src/provider/inpage/lock-methods';
import { ShareholderProvider } from '../../../src/provider/inpage/provider';
import { createWindowTransport } from '../../../src/provider/inpage/window-transport';
import { ProviderRpcError } from '../../../src/protocol/eip1193';
import { TO_CONTENT, TO_PAGE } from '../../../src/protocol/bridge';
import { createFakeWindow, tick } from '../../helpers/fake-window';

function setup() {
  const win = createFakeWindow();
  let n = 0;
  const provider = new ShareholderProvider(createWindowTransport(win as unknown as Window), () => `id-${++n}`);
  /** The requests the provider posted for the content bridge. */
  const requests = () => win.posted.map((p) => p.message as { target: string; id: string; request: unknown }).filter((m) => m.target === TO_CONTENT);
  return { win, provider, requests };
}

describe('in-page EIP-1193 provider', () => {
  it('posts a request to its own origin and resolves with the reply of the same id', async () => {
    const { win, provider, requests } = setup();
    const answer = provider.request({ method: 'eth_chainId' });
    expect(win.posted[0]?.targetOrigin).toBe('https://registry.example');
    expect(requests()).toEqual([{ target: TO_CONTENT, id: 'id-1', request: { method: 'eth_chainId' } }]);
    win.deliver({ target: TO_PAGE, id: 'id-1', outcome: { result: '0x7a69' } });
    expect(await answer).toBe('0x7a69');
  });

  it('rejects with a ProviderRpcError carrying the wallet\'s code', async () => {
    const { win, provider } = setup();
    const answer = provider.request({ method: 'eth_sign', params: [] });
    win.deliver({ target: TO_PAGE, id: 'id-1', outcome: { error: { code: 4200, message: 'eth_sign is not supported' } } });
    await expect(answer).rejects.toMatchObject({ name: 'ProviderRpcError', code: 4200, message: 'eth_sign is not supported' });
    await expect(answer).rejects.toBeInstanceOf(ProviderRpcError);
  });

  it('refuses malformed arguments before anything is sent', async () => {
    const { provider, requests } = setup();
    for (const bad of [undefined, null, 'eth_accounts', { method: '' }, { method: 5 }, { method: 'x', params: 'y' }]) {
      await expect(provider.request(bad)).rejects.toMatchObject({ code: -32602 });
    }
    expect(requests()).toEqual([]);
  });

  it('answers 4200 for a method name too long for the bridge, which would otherwise drop it unanswered', async () => {
    const { provider, requests } = setup();
    await expect(provider.request({ method: 'x'.repeat(101) })).rejects.toMatchObject({ code: 4200 });
    expect(requests()).toEqual([]);
  });

  it('refuses params that cannot cross postMessage, like functions', async () => {
    const { provider } = setup();
    await expect(provider.request({ method: 'personal_sign', params: [() => 1] })).rejects.toMatchObject({ code: -32602, message: /cannot be sent/ });
  });

  it('ignores replies from other windows and replies to unknown ids', async () => {
    const { win, provider } = setup();
    const answer = provider.request({ method: 'eth_accounts' });
    win.deliver({ target: TO_PAGE, id: 'id-1', outcome: { result: ['0xforged'] } }, { source: {} });
    win.deliver({ target: TO_PAGE, id: 'id-99', outcome: { result: [] } });
    win.deliver({ target: TO_PAGE, id: 'id-1', outcome: { result: [] } });
    expect(await answer).toEqual([]);
  });

  it('emits connect, chainChanged, accountsChanged and disconnect to listeners, and tracks the chain', async () => {
    const { win, provider } = setup();
    const seen: unknown[] = [];
    const onAccounts = (accounts: unknown) => { seen.push(['accounts', accounts]); };
    provider.on('connect', (info) => { seen.push(['connect', info]); });
    provider.on('accountsChanged', onAccounts);
    provider.on('chainChanged', () => { throw new Error('a page listener that throws'); });
    provider.on('chainChanged', (chainId) => { seen.push(['chain', chainId]); });
    win.deliver({ target: TO_PAGE, event: { name: 'connect', data: { chainId: '0x1' } } });
    win.deliver({ target: TO_PAGE, event: { name: 'chainChanged', data: '0x7a69' } });
    win.deliver({ target: TO_PAGE, event: { name: 'accountsChanged', data: ['0xabc'] } });
    provider.removeListener('accountsChanged', onAccounts);
    win.deliver({ target: TO_PAGE, event: { name: 'accountsChanged', data: [] } });
    await tick();
    expect(seen).toEqual([['connect', { chainId: '0x1' }], ['chain', '0x7a69'], ['accounts', ['0xabc']]]);
    expect(provider.chainId).toBe('0x7a69');
  });
});

describe('the provider object a page sees', () => {
  /** A provider locked as the in-page entry locks it, seen as a page's script sees it. */
  function locked() {
    const { win, provider, requests } = setup();
    lockProviderMethods(provider);
    return { win, requests, provider, page: provider as unknown as Record<string, unknown> };
  }

  it('accepts a property set by the page, as older dapps set autoRefreshOnNetworkChange', () => {
    const { page } = locked();
    page.autoRefreshOnNetworkChange = false;
    expect(page.autoRefreshOnNetworkChange).toBe(false);
  });

  it('keeps its methods, its chainId getter and its wallet flag from being replaced or redefined', () => {
    const { page, provider } = locked();
    const request = page.request;
    for (const name of ['request', 'on', 'removeListener', 'isShareholderWallet']) {
      expect(() => { page[name] = () => 'hijacked'; }, name).toThrow(TypeError);
      expect(() => Object.defineProperty(provider, name, { value: 'hijacked' }), name).toThrow(TypeError);
    }
    expect(() => Object.defineProperty(provider, 'chainId', { value: '0x5' })).toThrow(TypeError);
    expect(() => { delete page.request; }).toThrow(TypeError);
    expect(page.request).toBe(request);
    expect(provider.isShareholderWallet).toBe(true);
  });

  it('keeps its prototype from being changed under every provider of the page', () => {
    const { provider } = locked();
    const prototype = Object.getPrototypeOf(provider) as Record<string, unknown>;
    expect(() => { prototype.request = () => 'hijacked'; }).toThrow(TypeError);
    expect(Object.isFrozen(prototype)).toBe(true);
  });

  it('answers through methods taken off the object, bound to it', async () => {
    const { win, provider, requests } = locked();
    // What a page's script sees: functions it may call without the object, as with the most used wallets.
    const { request, on } = provider as unknown as { request: (args: unknown) => Promise<unknown>; on: (event: string, listener: (data: unknown) => void) => unknown };
    const heard: unknown[] = [];
    on('chainChanged', (chainId) => { heard.push(chainId); });
    const answer = request({ method: 'eth_chainId' });
    expect(requests()).toHaveLength(1);
    win.deliver({ target: TO_PAGE, id: 'id-1', outcome: { result: '0x7a69' } });
    win.deliver({ target: TO_PAGE, event: { name: 'chainChanged', data: '0x7a69' } });
    expect(await answer).toBe('0x7a69');
    await tick();
    expect(heard).toEqual(['0x7a69']);
    expect(provider.chainId).toBe('0x7a69');
  });
});

describe('EIP-6963 announcement', () => {
  it('announces on load and on request, with a 96px data-URI icon and rdns, and sets window.ethereum once', () => {
    const { win, provider } = setup();
    const seen: unknown[] = [];
    win.addEventListener('eip6963:announceProvider', (event) => { seen.push((event as CustomEvent).detail); });
    announceProvider(win as unknown as Window, walletInfo('7b3c2a9e-0000-4000-8000-000000000001'), provider);
    win.dispatchEvent(new Event('eip6963:requestProvider'));
    expect(seen).toHaveLength(2);
    const detail = seen[0] as { info: { uuid: string; name: string; icon: string; rdns: string }; provider: unknown };
    expect(detail.provider).toBe(provider);
    expect(detail.info).toMatchObject({ name: 'Shareholder Wallet', rdns: 'org.shareholder-wallet' });
    expect(detail.info.icon).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(atob(detail.info.icon.split(',')[1] ?? '')).toContain('width="96"');
    expect(Object.isFrozen(detail) && Object.isFrozen(detail.info)).toBe(true);
    expect((win as unknown as { ethereum: unknown }).ethereum).toBe(provider);
  });

  it('leaves window.ethereum to a wallet that set it first', () => {
    const { win, provider } = setup();
    const other = { isOtherWallet: true };
    (win as unknown as { ethereum: unknown }).ethereum = other;
    announceProvider(win as unknown as Window, walletInfo('u'), provider);
    expect((win as unknown as { ethereum: unknown }).ethereum).toBe(other);
  });
});
