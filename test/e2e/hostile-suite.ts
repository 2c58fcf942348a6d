// A page attacks the wallet (issue 6): a barrage of malformed and hostile requests, look-alike text meant
// to fake the wallet's own words, and forged bridge messages. The same suite runs in Chromium and Firefox.
import path from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
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
/** ALICE as pages get her: lowercase, as the most used wallets answer. */
const ALICE_AT_PAGE = ALICE.toLowerCase();
const PASSWORD = 'Shares-are-forever-42';
/** Addresses that are not the wallet's (anvil accounts of another phrase would do as well). */
const STRANGERS = ['0x1111111111111111111111111111111111111111', '0x000000000000000000000000000000000000dEaD', '0xAb5801a7D398351b8bE11C439e05C5B3259aeC9B'];
/** A call still unanswered after this long is hanging (the wallet lost it), not merely slow. */
const HANGING_AFTER_MS = 30_000;
/** Results a page may legitimately get from the barrage, by method; anything else is a finding. */
const ALLOWED_RESULTS: Record<string, (json: string) => boolean> = {
  eth_chainId: (json) => json === '"0x1"',
  eth_accounts: (json) => json === JSON.stringify([ALICE_AT_PAGE]),
  eth_requestAccounts: (json) => json === JSON.stringify([ALICE_AT_PAGE]),
  net_version: (json) => json === '"1"',
  wallet_getPermissions: (json) => json.startsWith('[') && json.includes('eth_accounts'),
  wallet_requestPermissions: (json) => json.startsWith('[') && json.includes('eth_accounts'),
  wallet_switchEthereumChain: (json) => json === 'null',
};

type Provider = { request(args: unknown): Promise<unknown> };
/** What a page's request came to, kept on `window.outcomes[name]` by `startRequest`; absent while pending. */
type Outcome = { result?: unknown; code?: number | undefined };

/** An unlimited ERC-2612 Permit of ALICE's shares to a stranger: what a click meant for another request must never sign. */
const UNLIMITED_PERMIT = JSON.stringify({
  types: {
    EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
    Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }],
  },
  primaryType: 'Permit',
  domain: { name: 'Acme Holdings Shares', version: '1', chainId: 1, verifyingContract: '0x5FbDB2315678afecb367f032d93F642f64180aa3' },
  message: { owner: ALICE, spender: STRANGERS[0], value: (2n ** 256n - 1n).toString(), nonce: 0, deadline: 4102444800 },
});

/**
 * As soon as the window's text includes `text` (one check per DOM change, in the page itself, so no time
 * is lost between the drawing and the click), the centre of its Approve button, where a click hits it.
 */
async function approveButtonCentreOnceShown(approval: Page, text: string): Promise<[number, number]> {
  const handle = await approval.waitForFunction((wanted) => {
    if (!document.body.innerText.includes(wanted)) return false;
    const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent.trim() === 'Approve');
    if (button === undefined) return false;
    const box = button.getBoundingClientRect();
    const centre = [box.x + box.width / 2, box.y + box.height / 2] as const;
    return document.elementFromPoint(centre[0], centre[1])?.closest('button') === button ? centre : false;
  }, { polling: 'mutation', timeout: 20_000 }, text);
  const [x, y] = await handle.jsonValue() as [number, number];
  return [x, y];
}

/** Sends a request from `target` (a page or a frame) without waiting; its outcome lands in `window.outcomes[name]`. */
async function startRequest(target: Page | Frame, name: string, method: string, params?: unknown[]): Promise<void> {
  await target.evaluate((n, m, p) => {
    const holder = window as unknown as { ethereum: Provider; outcomes?: Record<string, Outcome> };
    const outcomes = holder.outcomes ?? {};
    holder.outcomes = outcomes;
    holder.ethereum.request(p === undefined ? { method: m } : { method: m, params: p }).then(
      (result) => { outcomes[n] = { result }; },
      (error: unknown) => { outcomes[n] = { code: (error as { code?: number }).code }; },
    );
  }, name, method, params);
}

/** The outcome of a request started with `startRequest`, or undefined while it is pending. */
async function outcomeOf(target: Page | Frame, name: string): Promise<Outcome | undefined> {
  return target.evaluate((n) => (window as unknown as { outcomes?: Record<string, Outcome> }).outcomes?.[n], name);
}

/** Waits until the request started with `startRequest` is answered. */
async function settledOutcome(target: Page | Frame, name: string): Promise<Outcome> {
  await target.waitForFunction((n) => (window as unknown as { outcomes?: Record<string, Outcome> }).outcomes?.[n] !== undefined, { timeout: 20_000 }, name);
  return await outcomeOf(target, name) ?? {};
}

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
      expect(await connected).toEqual([ALICE_AT_PAGE]);
    });

    afterAll(async () => {
      await rig.close();
      await pages.close();
    });

    it('answers every one of 1,000 hostile requests, none left hanging, with an EIP-1193 error or a correct result, and signs nothing', async () => {
      // How fast the answers come is a figure of `npm run bench`, not a pass/fail limit here.
      const calls = await fireHostileRequests(page, { seed: 20261124, count: 1000, strangers: STRANGERS, hangAfterMs: HANGING_AFTER_MS, concurrency: 8 });
      expect(calls).toHaveLength(1000);
      expect(calls.filter((call) => call.outcome === 'hanging')).toEqual([]);
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
      expect(await pageRequest(page, 'eth_accounts')).toEqual({ result: [ALICE_AT_PAGE] });
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

    /**
     * Sends a request that needs the user, waits for its approval window to show `warning` in an alert,
     * checks that Approve is drawn as dangerous, then rejects.
     */
    async function expectWarnedThenReject(method: string, params: unknown[], warning: string): Promise<void> {
      // The window of the previous case closes itself after its last decision; a request that came before
      // it closed would be drawn in it, not in a new window.
      await settledPageCount(rig);
      let answer: Promise<unknown> = Promise.resolve();
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => {
        answer = pageRequest(page, method, params);
        return Promise.resolve();
      }, 20_000);
      await waitForText(approval, warning);
      const screen = await approval.evaluate((text) => ({
        alerted: [...document.querySelectorAll('[role="alert"]')].some((alert) => alert.textContent.includes(text)),
        approveDangerous: [...document.querySelectorAll('button')].some((button) => button.textContent === 'Approve' && button.classList.contains('btn-danger')),
      }), warning);
      expect(screen).toEqual({ alerted: true, approveDangerous: true });
      await decide(approval, 'Reject');
      expect(await answer).toEqual({ code: 4001 });
    }

    it('warns of a sign-in for another domain even when its statement says "Version: 0"', async () => {
      const message = [
        'bank.example wants you to sign in with your Ethereum account:', ALICE, '', 'Version: 0', '',
        'URI: https://bank.example/login', 'Version: 1', 'Chain ID: 1', 'Nonce: 32891756', 'Issued At: 2026-11-24T10:00:00Z',
      ].join('\n');
      await expectWarnedThenReject('personal_sign', [message, ALICE], 'This is a likely phishing attempt.');
    });

    it('warns of a personal_sign of exactly 32 bytes as blind signing', async () => {
      await expectWarnedThenReject('personal_sign', [`0x${'5a'.repeat(32)}`, ALICE], 'This message is exactly 32 bytes, the size of a hash.');
    });

    it('warns of a permit of 2^256 - 2 as unlimited', async () => {
      const permit = {
        types: {
          EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
          Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }],
        },
        primaryType: 'Permit',
        domain: { name: 'Acme Holdings', version: '1', chainId: 1, verifyingContract: STRANGERS[2] },
        message: { owner: ALICE, spender: STRANGERS[0], value: ((1n << 256n) - 2n).toString(), nonce: 0, deadline: 4102444800 },
      };
      await expectWarnedThenReject('eth_signTypedData_v4', [ALICE, JSON.stringify(permit)], 'Unlimited:');
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
      expect(outcome.accounts).toEqual([ALICE_AT_PAGE]);
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

    it('does not let a second click meant for one request approve the next one drawn in its place', async () => {
      const origin = new URL(pages.url).origin;
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => startRequest(page, 'hello', 'personal_sign', ['0x48656c6c6f21', ALICE]), 20_000);
      await waitForText(approval, 'Hello!');
      await waitForText(approval, `Request 1 of 1, from ${origin}`);
      // The page queues an unlimited Permit behind the message the user is reading.
      await startRequest(page, 'permit', 'eth_signTypedData_v4', [ALICE, UNLIMITED_PERMIT]);
      await approval.waitForFunction(async (channel) => {
        const reply = await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ result?: { queueSize?: number } }> } } })
          .chrome.runtime.sendMessage({ channel, method: 'approval.next', params: {} });
        return reply.result?.queueSize === 2;
      }, { polling: 100, timeout: 20_000 }, PRIVATE_CHANNEL);
      await decide(approval, 'Approve');
      // The second click lands on Approve as soon as the Permit is drawn there.
      await approval.mouse.click(...await approveButtonCentreOnceShown(approval, `Request 2 of 2, from ${origin}`));
      // Then the window loses and regains focus (another window was over it), and the click comes at once.
      await approval.waitForSelector('button.btn-danger:not([disabled])');
      const centre = await approveButtonCentreOnceShown(approval, 'Permission to move shares');
      await approval.evaluate(() => { window.dispatchEvent(new FocusEvent('blur')); window.dispatchEvent(new FocusEvent('focus')); });
      await approval.mouse.click(...centre);
      expect(await settledOutcome(page, 'hello')).toMatchObject({ result: expect.stringMatching(/^0x[0-9a-f]{130}$/) as unknown });
      expect(await outcomeOf(page, 'permit')).toBeUndefined();
      await waitForText(approval, 'Permission to move shares');
      await decide(approval, 'Reject');
      expect(await settledOutcome(page, 'permit')).toEqual({ code: 4001 });
      const signed = (await activity(rig)).filter((entry) => entry.decision === 'approved').map((entry) => entry.method);
      expect(signed).not.toContain('eth_signTypedData_v4');
    });

    it('says the outer site of a frame cannot be determined when the top page is a blob: page, and names it for a web page', async () => {
      const framed = await rig.browser.newPage();
      await framed.goto(pages.parentUrl);
      const inParent = await framed.waitForFrame((candidate) => candidate.url().startsWith(pages.frameUrl));
      await inParent.waitForFunction(() => 'ethereum' in window);
      const named = await rig.waitForNewExtensionWindow('approval.html', () => startRequest(inParent, 'connect', 'eth_requestAccounts'), 20_000);
      await waitForText(named, `inside ${new URL(pages.url).origin}`);
      expect(await named.$('[role="alert"]')).toBeNull();
      await decide(named, 'Reject');
      expect(await settledOutcome(inParent, 'connect')).toEqual({ code: 4001 });
      // The same frame inside a page the top document generated (a blob: URL, as a hostile page can).
      await framed.evaluate((frameUrl) => {
        const html = `<!doctype html><title>Generated</title><iframe src="${frameUrl}" title="frame"></iframe>`;
        location.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      }, pages.frameUrl);
      const inBlob = await framed.waitForFrame((candidate) => candidate.url().startsWith(pages.frameUrl) && candidate.parentFrame()?.url().startsWith('blob:') === true);
      await inBlob.waitForFunction(() => 'ethereum' in window);
      const unknown = await rig.waitForNewExtensionWindow('approval.html', () => startRequest(inBlob, 'connect', 'eth_requestAccounts'), 20_000);
      await waitForText(unknown, 'The outer site cannot be determined');
      expect(await unknown.$eval('[role="alert"]', (el) => el.textContent)).toContain('The outer site cannot be determined');
      expect(await unknown.evaluate(() => document.body.innerText)).not.toContain('inside http');
      await decide(unknown, 'Reject');
      expect(await settledOutcome(inBlob, 'connect')).toEqual({ code: 4001 });
      await framed.close();
    });

    it('rejects a waiting signature with 4100 when the site disconnects itself, and the window then signs nothing', async () => {
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => startRequest(page, 'bye', 'personal_sign', ['0x42796521', ALICE]), 20_000);
      await waitForText(approval, 'Bye!');
      expect(await pageRequest(page, 'wallet_revokePermissions', [{ eth_accounts: {} }])).toEqual({ result: null });
      expect(await settledOutcome(page, 'bye')).toEqual({ code: 4100 });
      await decide(approval, 'Approve');
      await waitForText(approval, 'no longer pending');
      // Nothing about "Bye!" was signed: the log has no approval of it.
      const bye = (await activity(rig)).filter((entry) => entry.summary.kind === 'personal_sign' && entry.summary.hex === '0x42796521');
      expect(bye.map((entry) => entry.decision)).not.toContain('approved');
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
        expect(await connected).toEqual({ result: [ALICE_AT_PAGE] });
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
