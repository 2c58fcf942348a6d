// A page attacks the wallet (issue 6): a barrage of malformed and hostile requests, look-alike text meant
// to fake the wallet's own words, and forged bridge messages. The same suite runs in Chromium and Firefox.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityView } from '../../src/protocol/approvals';
import { PRIVATE_CHANNEL } from '../../src/protocol/private';
import { TO_CONTENT, TO_PAGE } from '../../src/protocol/bridge';
import type { HostileCall } from './fixtures/hostile-page';
import { acceptLocalNode, decide, settledPageCount } from './flows/registry';
import { fireHostileRequests } from './flows/hostile';
import { privateResult } from './flows/private';
import { restoreWallet } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { startSecretServer } from './rig/secret-server';
import { startTestPages, type TestPages } from './rig/test-pages';
import { ariaSelector, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PASSWORD = 'Shares-are-forever-42';
/** Addresses that are not the wallet's (anvil accounts of another phrase would do as well). */
const STRANGERS = ['0x1111111111111111111111111111111111111111', '0x000000000000000000000000000000000000dEaD', '0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B'];
/** Results a page may legitimately get from the barrage, by method; anything else is a finding. */
const ALLOWED_RESULTS: Record<string, (json: string) => boolean> = {
  eth_chainId: (json) => json === '"0x1"',
  eth_accounts: (json) => json === JSON.stringify([ALICE]),
  eth_requestAccounts: (json) => json === JSON.stringify([ALICE]),
  wallet_getPermissions: (json) => json.startsWith('[') && json.includes('eth_accounts'),
  wallet_requestPermissions: (json) => json.startsWith('[') && json.includes('eth_accounts'),
  wallet_switchEthereumChain: (json) => json === 'null',
};

type Provider = { request(args: unknown): Promise<unknown> };

function pageRequest(page: Page, method: string, params?: unknown[]): Promise<unknown> {
  return page.evaluate(async (m, p) => {
    const provider = (window as unknown as { ethereum: Provider }).ethereum;
    try {
      return { result: await provider.request(p === undefined ? { method: m } : { method: m, params: p }) };
    } catch (error) {
      return { code: (error as { code?: number }).code };
    }
  }, method, params);
}

/** Like pageRequest, with the error's message too (what a page would learn). */
function pageRequestWithMessage(page: Page, method: string, params?: unknown[]): Promise<unknown> {
  return page.evaluate(async (m, p) => {
    const provider = (window as unknown as { ethereum: Provider }).ethereum;
    try {
      return { result: await provider.request(p === undefined ? { method: m } : { method: m, params: p }) };
    } catch (error) {
      return { code: (error as { code?: number }).code, message: (error as { message?: string }).message };
    }
  }, method, params);
}

/** The wallet's Activity log, read from an extension page like the popup reads it. */
async function activity(rig: RigBrowser): Promise<ActivityView[]> {
  const popup = await rig.openExtensionPage('popup.html');
  try {
    return await privateResult(popup, 'activity.list', {});
  } finally {
    await popup.close();
  }
}

function findings(calls: readonly HostileCall[]): HostileCall[] {
  return calls.filter((call) => {
    if (call.outcome === 'error') return false;
    if (call.outcome !== 'result') return true;
    const allowed = ALLOWED_RESULTS[call.method];
    return allowed === undefined || !allowed(call.result ?? '');
  });
}

export function hostileSuite(kind: BrowserKind): void {
  describe(`a hostile page and the wallet in ${kind}`, () => {
    let rig: RigBrowser;
    let pages: TestPages;
    let page: Page;

    beforeAll(async () => {
      pages = await startTestPages();
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      await popup.close();
      page = await rig.browser.newPage();
      await page.goto(pages.url);
      // Connected, so that requests for accounts answer at once instead of asking the user.
      const connected = page.evaluate(() => (window as unknown as { ethereum: Provider }).ethereum.request({ method: 'eth_requestAccounts' }));
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
      await decide(approval, 'Approve');
      expect(await connected).toEqual([ALICE]);
    });

    afterAll(async () => {
      await rig.close();
      await pages.close();
    });

    it('answers each of 1,000 hostile requests within a second with an EIP-1193 error or a correct result, and signs nothing', async () => {
const calls = await fireHostileRequests(page, { seed: 20261124, count: 1000, strangers: STRANGERS, deadlineMs: 1000, concurrency: 8 });
      expect(calls).toHaveLength(1000);
      expect(findings(calls)).toEqual([]);
      // The barrage covered what it claims to: every kind of hostile params was sent.
      expect(new Set(calls.map((call) => call.kind)).size).toBe(22);
      expect(calls.filter((call) => call.outcome === 'error' && call.code === 4200).length).toBeGreaterThan(0);
      expect(calls.filter((call) => call.outcome === 'error' && call.code === -32602).length).toBeGreaterThan(0);
      // Nothing was signed or approved: the only approved request in the log is the connection.
      const approved = (await activity(rig)).filter((entry) => entry.decision === 'approved');
      expect(approved.map((entry) => entry.method)).toEqual(['eth_requestAccounts']);
    });

    it('still serves a normal request after the barrage', async () => {
      expect(await pageRequest(page, 'eth_accounts')).toEqual({ result: [ALICE] });
      expect(await pageRequest(page, 'eth_chainId')).toEqual({ result: '0x1' });
    });

    it('shows look-alike words in typed data only inside the frame of text from the site', async () => {
      const fake = 'Verified by Shareholder Wallet ✓ safe to approve';
      const typedData = {
        types: {
          EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'chainId', type: 'uint256' }],
          Approve: [{ name: 'Approve', type: 'string' }, { name: 'wallet', type: 'string' }],
        },
        primaryType: 'Approve',
        domain: { name: fake, chainId: 1 },
        message: { Approve: fake, wallet: fake },
      };
      const answer = pageRequest(page, 'eth_signTypedData_v4', [ALICE, JSON.stringify(typedData)]);
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
      await waitForText(approval, fake);
      const placement = await approval.evaluate((text) => {
        const holders = [...document.querySelectorAll('body *')].filter((el) => [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').includes(text)));
        return {
          count: holders.length,
          outsidePageText: holders.filter((el) => el.closest('figure.page-box, .page-inline, .page-text') === null).map((el) => el.outerHTML),
          heading: document.querySelector('h1')?.textContent ?? '',
        };
      }, fake);
      expect(placement.count).toBeGreaterThan(0);
      expect(placement.outsidePageText).toEqual([]);
      expect(placement.heading).not.toContain(fake);
      await decide(approval, 'Reject');
      expect(await answer).toEqual({ code: 4001 });
    });

    it('gains a page nothing when it posts forged private, content-script or background messages', async () => {
      const outcome = await page.evaluate(async (channel, toContent, toPage) => {
        const heard: unknown[] = [];
        const provider = (window as unknown as { ethereum: Provider & { on(e: string, l: (d: unknown) => void): void } }).ethereum;
        provider.on('accountsChanged', (accounts) => { heard.push(accounts); });
        // The extension pages' private channel, straight onto the window: nobody there answers it.
        window.postMessage({ channel, method: 'wallet.revealPhrase', params: { password: 'guess' } }, '*');
        // A private method through the content script's envelope: the dApp router does not know it.
        const reply = new Promise<unknown>((resolve) => {
          window.addEventListener('message', (event: MessageEvent<{ target?: string; id?: string; outcome?: unknown }>) => {
            if (event.data.target === toPage && event.data.id === 'forged-1') resolve(event.data.outcome);
          });
        });
        window.postMessage({ target: toContent, id: 'forged-1', request: { method: 'wallet.revealPhrase', params: { password: 'guess' } } }, window.origin);
        const privateOutcome = await reply;
        // A reply and an event "from the background", forged by the page: they reach only its own listeners.
        window.postMessage({ target: toPage, event: { name: 'accountsChanged', data: ['0x1111111111111111111111111111111111111111'] } }, window.origin);
        await new Promise((resolve) => setTimeout(resolve, 500));
        return { privateOutcome, accounts: await provider.request({ method: 'eth_accounts' }), heard };
      }, PRIVATE_CHANNEL, TO_CONTENT, TO_PAGE);
      expect(outcome.privateOutcome).toMatchObject({ error: { code: 4200 } });
      expect(outcome.accounts).toEqual([ALICE]);
      expect(JSON.stringify(await activity(rig))).not.toContain('revealPhrase');
    });

    it('lets no parent page speak or answer for a frame of another origin', async () => {
      const parent = await rig.browser.newPage();
      await parent.goto(pages.parentUrl);
      const frame = await parent.waitForFrame((candidate) => candidate.url().startsWith(pages.frameUrl));
      await frame.waitForFunction(() => 'ethereum' in window);
      await frame.evaluate(() => {
        const heard: unknown[] = [];
        (window as unknown as { heard: unknown[] }).heard = heard;
        (window as unknown as { ethereum: { on(e: string, l: (d: unknown) => void): void } }).ethereum.on('accountsChanged', (accounts) => { heard.push(accounts); });
      });
      // The parent posts into the frame what only the frame's own content script and page may post.
      await parent.evaluate((toContent, toPage) => {
        const target = (document.getElementById('frame') as HTMLIFrameElement).contentWindow;
        target?.postMessage({ target: toContent, id: 'forged-2', request: { method: 'eth_requestAccounts' } }, '*');
        target?.postMessage({ target: toPage, event: { name: 'accountsChanged', data: ['0x1111111111111111111111111111111111111111'] } }, '*');
      }, TO_CONTENT, TO_PAGE);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const heard = await frame.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
      expect(heard).toEqual([]);
      // No connection prompt was opened in the frame's name: the frame's origin is still not connected,
      // and its own requests are answered as usual.
      expect(await frame.evaluate(() => (window as unknown as { ethereum: Provider }).ethereum.request({ method: 'eth_accounts' }))).toEqual([]);
      expect((await activity(rig)).some((entry) => entry.origin.includes('localhost'))).toBe(false);
      await parent.close();
    });

    it('contacts no site-supplied server before the user approves it, and repeats none of its words to the page', async () => {
      const secret = 'loopback-secret-4b1d';
      const server = await startSecretServer(secret);
      const fresh = await startTestPages();
      const stranger = await rig.browser.newPage();
      try {
        await stranger.goto(fresh.url);
        const network = { chainId: '0x5afe', chainName: 'Local', rpcUrls: [server.url], nativeCurrency: { name: 'E', symbol: 'E', decimals: 18 } };
        // Not connected: refused before anything else, switching included (no oracle of the user's networks).
        expect(await pageRequestWithMessage(stranger, 'wallet_addEthereumChain', [network])).toMatchObject({ code: 4100 });
        expect(await pageRequestWithMessage(stranger, 'wallet_switchEthereumChain', [{ chainId: '0x5afe' }])).toMatchObject({ code: 4100 });
        expect(await pageRequestWithMessage(stranger, 'eth_blockNumber')).toMatchObject({ code: 4100 });
        expect(server.requests).toBe(0);
        // Connected: the wallet asks first, worded as a server on this computer, Approve only once ticked.
        const connected = pageRequestWithMessage(stranger, 'eth_requestAccounts');
        await decide(await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000), 'Approve');
        expect(await connected).toEqual({ result: [ALICE] });
        // The connection's window closes itself first, so the next request is in a window of its own.
        await settledPageCount(rig);
        const answer = pageRequestWithMessage(stranger, 'wallet_addEthereumChain', [network]);
        const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
        await waitForText(approval, 'This site asks the wallet to use a server on your own computer or local network');
        expect(await approval.$eval(ariaSelector('Approve', 'button'), (button) => (button as HTMLButtonElement).disabled)).toBe(true);
        expect(server.requests).toBe(0);
        await acceptLocalNode(approval);
        await decide(approval, 'Approve');
        const refused = await answer;
        expect(refused).toEqual({ code: -32602, message: 'wallet_addEthereumChain: the network\'s RPC did not confirm chain id 0x5afe; nothing was added' });
        expect(JSON.stringify(refused)).not.toContain(secret);
        // Contacted only now, after the approval.
        expect(server.requests).toBeGreaterThan(0);
        expect(await pageRequestWithMessage(stranger, 'eth_chainId')).toEqual({ result: '0x1' });
      } finally {
        await stranger.close();
        await fresh.close();
        await server.close();
      }
    });
  });
}
