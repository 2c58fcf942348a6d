// The shareholder's holdings, read by the wallet from the registry's real chain (issue 5), and what the
// popup shows when that chain's RPC is down, too slow or answers garbage (issue 6). The registry adds its
// network and token while connected to account 1 only: the wallet then asks the registry's node about
// that account alone, until the user chooses the network in the popup (issue 11). The wallet reaches
// anvil through a proxy the test can break; the site and the test read the chain directly. The popup also
// sends shares and activates votes with the holder's own transactions (issue 12). The same suite runs in
// Chromium and Firefox.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { encodeFunctionData, formatUnits, type Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shareTokenAbi } from '../../example/registry/chain/abi';
import { startAnvil, type AnvilNode } from '../../example/registry/chain/anvil';
import { deployRegistry, deployNamedToken, registryPublicClient, type DeployedRegistry } from '../../example/registry/chain/deploy';
import { startRegistrySite, type RegistrySite } from '../../example/registry/server';
import { NAME_CAP } from '../../src/ui/lib/outside-text';
import { acceptLocalNode, approvalFor, approveThenNext, decide, openRegistry, settled } from './flows/registry';
import { restoreWallet } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { scanProfileForSecrets, type Finding } from './rig/profile-scan';
import { startRpcProxy, type RpcProxy } from './rig/rpc-proxy';
import { clickButton, fillField, getByRole, queryAllByRole, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'Shares-are-forever-42';
/** Anvil funds accounts 0-9 of its phrase with ether, so recovery discovery finds all ten as used. */
const FUNDED_ACCOUNTS = 10;
const ADDRESSES: Address[] = Array.from({ length: FUNDED_ACCOUNTS }, (_, index) => mnemonicToAccount(ANVIL_PHRASE, { addressIndex: index }).address);
const [ALICE = '0x', BOB = '0x'] = ADDRESSES;
/** More of the phrase's addresses than discovery's first window (20) and the funded ones. */
const DERIVED: Address[] = Array.from({ length: 30 }, (_, index) => mnemonicToAccount(ANVIL_PHRASE, { addressIndex: index }).address);
const NETWORK_NAME = 'Acme registry chain (local)';
/** Beyond the wallet's RPC timeout (10 s), so a slow node counts as not answering. */
const SLOWER_THAN_TIMEOUT_MS = 12_000;

interface HoldingRow {
  address: string;
  balance: string;
  votes: string | null;
  delegate: string | null;
}

/** The rows of one company's holdings on the popup's home screen. */
async function holdingRows(popup: Page, tokenName: string): Promise<HoldingRow[]> {
  return popup.$$eval(`section.holdings article[aria-label="${tokenName}"] li[data-address]`, (items) => items.map((item) => ({
    address: item.getAttribute('data-address') ?? '',
    balance: item.querySelector('.balance')?.textContent.trim() ?? '',
    votes: item.querySelector('.votes')?.textContent.trim() ?? null,
    delegate: item.querySelector('.delegate')?.textContent.trim() ?? null,
  })));
}

/** A name a token contract gave, as a window draws it: in its frame, with the frame's label and tooltip. */
interface FramedName {
  label: string;
  /** The frame's text as drawn (hidden characters as their codes, "…" where the cap cut it). */
  shown: string;
  title: string;
  /** True when the element showing the token's address comes before the frame. */
  afterAddress: boolean;
  /** True when the frame ends inside the window (a long name must not push anything out of view). */
  withinWindow: boolean;
  /** True when every revealed code (U+202E) is drawn inside the frame's text, not cut off by it. */
  codesInView: boolean;
}

/** The frame of the contract-given name that holds `fragment` in its tooltip, in `page`, or null. */
async function framedName(page: Page, token: string, fragment: string): Promise<FramedName | null> {
  return page.evaluate((address, part) => {
    const frame = [...document.querySelectorAll('.outside[data-source="contract"]')].find((el) => (el.getAttribute('title') ?? '').includes(part));
    if (frame === undefined) return null;
    const shownAddress = [...document.querySelectorAll('.addr, [title]')]
      .find((el) => el.textContent.trim() === address || el.getAttribute('title') === address);
    return {
      label: frame.querySelector('.outside-label')?.textContent ?? '',
      shown: frame.querySelector('.outside-text')?.textContent ?? '',
      title: frame.getAttribute('title') ?? '',
      afterAddress: shownAddress !== undefined && (shownAddress.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      withinWindow: frame.getBoundingClientRect().right <= document.documentElement.clientWidth,
      codesInView: [...frame.querySelectorAll('.hidden-char')].every((code) => {
        const box = code.getBoundingClientRect();
        const text = code.parentElement?.getBoundingClientRect();
        return box.width > 0 && text !== undefined && box.left >= text.left && box.right <= text.right + 1;
      }),
    };
  }, token, fragment);
}

/** Until the holdings section is no longer reading the chain. */
async function holdingsSettled(popup: Page): Promise<void> {
  await popup.waitForFunction(() => document.querySelector('section.holdings')?.getAttribute('aria-busy') !== 'true', { timeout: 30_000 });
}

/** Presses Refresh and waits until the holdings section is no longer busy. */
async function refresh(popup: Page): Promise<void> {
  // A click waits for the button to be visible, which a tab behind another never is.
  await popup.bringToFront();
  await clickButton(popup, 'Refresh');
  await holdingsSettled(popup);
}

export function holdingsSuite(kind: BrowserKind): void {
  describe(`holdings from the registry's chain in ${kind}`, () => {
    let chain: AnvilNode;
    let registry: DeployedRegistry;
    let proxy: RpcProxy;
    let site: RegistrySite;
    let rig: RigBrowser;
    let page: Page;

    /** The token contract's own answer, read by the test straight from anvil. */
    async function shownBalanceOf(holder: Address): Promise<string> {
      const client = await registryPublicClient(chain.rpcUrl);
      const units = await client.readContract({ address: registry.token, abi: shareTokenAbi, functionName: 'balanceOf', args: [holder] });
      return Number(formatUnits(units, registry.decimals)).toLocaleString('en');
    }

    async function openHome(): Promise<Page> {
      const popup = await rig.openExtensionPage('popup.html');
      await getByRole(popup, 'button', 'Add account').wait();
      // Opening the popup refreshes the holdings by itself; let that finish first.
      await holdingsSettled(popup);
      return popup;
    }

    beforeAll(async () => {
      chain = await startAnvil();
      registry = await deployRegistry(chain.rpcUrl);
      proxy = await startRpcProxy(chain.rpcUrl);
      site = await startRegistrySite({ chain: { rpcUrl: chain.rpcUrl, deployment: registry, browserRpcUrl: proxy.url } });
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      await popup.close();
      page = await openRegistry(rig, site.url);
      await decide(await approvalFor(rig, page, 'Connect wallet'), 'Approve');
      expect(await settled(page, '#account')).toMatchObject({ state: 'connected', text: ALICE });
    });

    afterAll(async () => {
      await rig.close();
      await site.close();
      await proxy.close();
      await chain.stop();
    });

    it('asks the node of a site that added its network and token only about the account connected to that site', async () => {
      const network = await approvalFor(rig, page, 'Add Acme to wallet');
      await acceptLocalNode(network);
      const token = await approveThenNext(rig, network, 'Show a share token');
      await decide(token, 'Approve');
      expect(await settled(page, '#add-to-wallet-result')).toMatchObject({ state: 'added' });

      // Opening the popup refreshes the holdings: of the connected account only.
      const popup = await openHome();
      expect((await holdingRows(popup, registry.tokenName)).map((row) => row.address)).toEqual([ALICE]);
      await waitForText(popup, `${NETWORK_NAME} was added by the site ${new URL(site.url).origin}.`);
      // The registry page reads its cap table through the same node; the wallet's requests are the rest.
      const asked = proxy.received.filter((request) => request.origin !== new URL(site.url).origin).map((request) => request.body.toLowerCase()).join('\n');
      expect(asked).toContain(ALICE.slice(2).toLowerCase());
      for (const address of DERIVED.slice(1)) expect(asked, address).not.toContain(address.slice(2).toLowerCase());
      await popup.close();
    });

    it('finds the used accounts of a restored phrase once the user chooses the network, and shows their shares, votes and delegates', async () => {
      let popup = await openHome();
      await clickButton(popup, `Read all my accounts on ${NETWORK_NAME}`);
      await waitForText(popup, `All your accounts are read on ${NETWORK_NAME} now.`);
      await holdingsSettled(popup);
      // The new accounts make the popup read the holdings again; reopen it until every used account shows.
      // (Firefox cannot reload an extension page through BiDi, bug 1755014, so the popup is opened afresh.)
      const deadline = Date.now() + 60_000;
      let rows = await holdingRows(popup, registry.tokenName);
      while (rows.length < FUNDED_ACCOUNTS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await popup.close();
        popup = await openHome();
        rows = await holdingRows(popup, registry.tokenName);
      }
      expect(await queryAllByRole(popup, 'button', `Read all my accounts on ${NETWORK_NAME}`)).toEqual([]);
      expect(rows.map((row) => row.address)).toEqual(ADDRESSES);
      for (const row of rows) expect(row.balance).toBe(await shownBalanceOf(row.address as Address));
      expect(rows.slice(0, 3)).toEqual([
        { address: ALICE, balance: '1,500', votes: '1,500', delegate: 'yourself' },
        { address: BOB, balance: '800', votes: '800', delegate: 'yourself' },
        { address: ADDRESSES[2], balance: '250', votes: '250', delegate: 'yourself' },
      ]);
      expect(await popup.$eval('section.holdings .holdings-as-of', (el) => el.textContent)).toMatch(/as of .*block \d+/);
      await popup.close();
    });

    it('names the token and its decimals in the approval, and shows a relayed transfer after a refresh', async () => {
      const popup = await openHome();
      expect((await holdingRows(popup, registry.tokenName)).slice(0, 2).map((row) => row.balance)).toEqual(['1,500', '800']);
      // The popup tab is in front; typing goes to the focused tab.
      await page.bringToFront();
      await fillField(page, 'Shares', '100');
      const approval = await approvalFor(rig, page, 'Send shares');
      // The wallet's own knowledge of the token, not the page's: "Transfer 100 ACME to 0x…", and the
      // company's name in the details, both framed as the token contract's words.
      await waitForText(approval, 'Transfer 100');
      await waitForText(approval, registry.tokenName);
      expect(await framedName(approval, registry.token, registry.tokenName)).toMatchObject({ label: 'from the token contract', shown: registry.tokenName, afterAddress: true });
      await decide(approval, 'Approve');
      expect(await settled(page, '#send-result')).toMatchObject({ state: 'relayed' });
      await refresh(popup);
      const rows = await holdingRows(popup, registry.tokenName);
      expect(rows.slice(0, 2).map((row) => [row.balance, row.votes])).toEqual([['1,400', '1,400'], ['900', '900']]);
      expect(await popup.$eval('span.total', (el) => el.textContent.trim())).toBe(await totalShownFor(ADDRESSES));
      await popup.close();
    });

    for (const [fault, mode, reason] of [
      ['is down', { kind: 'down' }, /could not be reached/],
      ['answers garbage', { kind: 'garbage' }, /answered something that is not JSON-RPC/],
      ['is slower than the wallet waits', { kind: 'slow', delayMs: SLOWER_THAN_TIMEOUT_MS }, /did not answer within/],
    ] as const) {
      it(`keeps the cached holdings and says so plainly when the RPC ${fault}, then recovers`, async () => {
        const popup = await openHome();
        const before = await holdingRows(popup, registry.tokenName);
        proxy.setMode(mode);
        await refresh(popup);
        const alert = await popup.waitForSelector('section.holdings [role="alert"]', { timeout: 30_000 });
        const text = await alert?.evaluate((el) => el.textContent) ?? '';
        expect(text).toContain('Showing the figures saved');
        expect(text).toMatch(reason);
        expect(await holdingRows(popup, registry.tokenName)).toEqual(before);
        // The background keeps serving: the popup still reads the wallet and the site still gets answers.
        expect(await page.evaluate(() => (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({ method: 'eth_chainId' }))).toBe('0x7a69');
        proxy.setMode({ kind: 'pass' });
        await refresh(popup);
        expect(await popup.$('section.holdings [role="alert"]')).toBeNull();
        expect(await holdingRows(popup, registry.tokenName)).toEqual(before);
        await popup.close();
      });
    }

    /** The total the popup should show: the sum over the wallet's accounts, as the chain reports it. */
    async function totalShownFor(holders: readonly Address[]): Promise<string> {
      const client = await registryPublicClient(chain.rpcUrl);
      let sum = 0n;
      for (const holder of holders) sum += await client.readContract({ address: registry.token, abi: shareTokenAbi, functionName: 'balanceOf', args: [holder] });
      return Number(formatUnits(sum, registry.decimals)).toLocaleString('en');
    }

    it('lets the shareholder remove a share token and add it again by its address', async () => {
      const popup = await openHome();
      await clickButton(popup, 'Share tokens');
      await clickButton(popup, 'Remove ACME');
      await waitForText(popup, `${registry.tokenName} removed.`);
      await fillField(popup, 'Token address', '0x1234');
      await clickButton(popup, 'Add token');
      await waitForText(popup, 'Enter the token\'s contract address');
      // A contract that is not a token: the wallet reads the chain and refuses it with the reason.
      await fillField(popup, 'Token address', registry.governor);
      await clickButton(popup, 'Add token');
      await waitForText(popup, 'The token could not be added:');
      await fillField(popup, 'Token address', registry.token);
      await clickButton(popup, 'Add token');
      await waitForText(popup, `${registry.tokenName} added.`);
      await popup.close();
      const home = await openHome();
      expect((await holdingRows(home, registry.tokenName)).slice(0, 2).map((row) => row.balance)).toEqual(['1,400', '900']);
      await home.close();
    });

    it('refreshes holdings with at most 2 HTTP requests to the network', async () => {
      const popup = await openHome();
      const before = proxy.requests;
      await refresh(popup);
      expect(proxy.requests - before).toBeLessThanOrEqual(2);
      expect(proxy.requests - before).toBeGreaterThan(0);
      await popup.close();
    });

    /** The newest transaction in Activity once there are `count`: its hash and its status badge's text. */
    async function newestTransaction(popup: Page, count: number): Promise<{ hash: string; status: string }> {
      await popup.waitForFunction((n) => document.querySelectorAll('li[data-hash]').length === n, { timeout: 30_000 }, count);
      return popup.$eval('li[data-hash]', (item) => ({ hash: item.getAttribute('data-hash') ?? '', status: item.querySelector('span.badge')?.textContent.trim() ?? '' }));
    }

    /** Until Activity shows the transaction `hash` as confirmed (it reads the list again while one is pending). */
    async function confirmedInActivity(popup: Page, hash: string): Promise<void> {
      await popup.waitForFunction((wanted) => /^Confirmed/.test(document.querySelector(`li[data-hash="${wanted}"] span.badge`)?.textContent.trim() ?? ''), { timeout: 60_000 }, hash);
    }

    async function chainRead(functionName: 'balanceOf' | 'getVotes', holder: Address): Promise<bigint> {
      const client = await registryPublicClient(chain.rpcUrl);
      return client.readContract({ address: registry.token, abi: shareTokenAbi, functionName, args: [holder] });
    }

    // Account 2 (250 shares) sends 10 to account 3, which held none and never delegated; the next test
    // activates account 3's votes. The earlier tests' figures of accounts 0 and 1 stay as they are.
    it('sends shares from the popup: a mistyped checksum and a rejection are said plainly, then the approved transfer shows in Activity until confirmed, and the balances on chain change', async () => {
      const [sender, recipient] = [ADDRESSES[2], ADDRESSES[3]] as [Address, Address];
      const [senderBefore, recipientBefore] = [await chainRead('balanceOf', sender), await chainRead('balanceOf', recipient)];
      const popup = await openHome();
      await clickButton(popup, `Send ${registry.tokenSymbol}`);
      await getByRole(popup, 'heading', 'Send shares').wait();
      await popup.select('#send-from', sender);
      // One letter's case flipped: a typo EIP-55 catches.
      const flipped = recipient.replace(/[a-f]/, (letter) => letter.toUpperCase());
      await fillField(popup, 'Recipient address', flipped === recipient ? recipient.replace(/[A-F]/, (letter) => letter.toLowerCase()) : flipped);
      await fillField(popup, 'Amount', '300');
      await clickButton(popup, 'Send');
      await waitForText(popup, 'This address has a typo');
      await waitForText(popup, 'This account holds only 250 shares.');
      await fillField(popup, 'Recipient address', recipient.toLowerCase());
      await fillField(popup, 'Amount', '10');

      // Rejected in the approval window: a calm note, and what was typed is kept.
      const rejected = await rig.waitForNewExtensionWindow('approval.html', () => clickButton(popup, 'Send'), 20_000);
      await waitForText(rejected, 'Transfer 10');
      await decide(rejected, 'Reject');
      await popup.bringToFront();
      await waitForText(popup, 'You rejected the transfer in the approval window. Nothing was sent');
      expect(await popup.$$eval('[role="alert"]', (alerts) => alerts.map((alert) => alert.textContent.trim()).filter((text) => text !== ''))).toEqual([]);

      const approval = await rig.waitForNewExtensionWindow('approval.html', () => clickButton(popup, 'Send'), 20_000);
      await waitForText(approval, 'Transfer 10');
      await waitForText(approval, recipient);
      await decide(approval, 'Approve');
      await popup.bringToFront();
      await getByRole(popup, 'heading', 'Activity', 30_000).wait();
      const sent = await newestTransaction(popup, 1);
      expect(sent.hash).toMatch(/^0x[0-9a-f]{64}$/);
      await confirmedInActivity(popup, sent.hash);
      expect(await chainRead('balanceOf', sender)).toBe(senderBefore - 10n * 10n ** BigInt(registry.decimals));
      expect(await chainRead('balanceOf', recipient)).toBe(recipientBefore + 10n * 10n ** BigInt(registry.decimals));
      await popup.close();
    });

    it('activates the votes of an account whose shares carry none: after the approved delegation its votes equal its balance, and its card says so', async () => {
      const holder = ADDRESSES[3] as Address;
      const row = `section.holdings article[aria-label="${registry.tokenName}"] li[data-address="${holder}"]`;
      expect(await chainRead('getVotes', holder)).toBe(0n);
      const asking = await openHome();
      await asking.waitForFunction((selector) => document.querySelector(selector)?.textContent.includes('Your 10 shares carry no votes.') === true, { timeout: 30_000 }, row);
      // The accounts that vote themselves are offered nothing.
      expect(await queryAllByRole(asking, 'button', 'Activate my votes')).toHaveLength(1);
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => clickButton(asking, 'Activate my votes'), 20_000);
      // The toolbar popup closes when the approval window takes the focus: the page that asked is gone.
      await asking.close();
      await waitForText(approval, 'Activate your votes');
      await decide(approval, 'Approve');
      // Once it is on chain, the next popup opens on Activity, where the transaction it could not show is.
      await vi.waitFor(async () => { expect(await chainRead('getVotes', holder)).toBeGreaterThan(0n); }, { timeout: 30_000, interval: 100 });
      const popup = await rig.openExtensionPage('popup.html');
      await getByRole(popup, 'heading', 'Activity', 30_000).wait();
      const sent = await newestTransaction(popup, 2);
      await confirmedInActivity(popup, sent.hash);
      const balance = await chainRead('balanceOf', holder);
      expect(balance).toBeGreaterThan(0n);
      expect(await chainRead('getVotes', holder)).toBe(balance);

      // Back home, the holdings are read again: the votes count, and the card no longer says they do not.
      await clickButton(popup, 'Back');
      await holdingsSettled(popup);
      await popup.waitForFunction((selector) => document.querySelector(`${selector} .votes`)?.textContent.trim() === '10', { timeout: 30_000 }, row);
      const shown = (await holdingRows(popup, registry.tokenName)).find((entry) => entry.address === holder);
      expect(shown).toEqual({ address: holder, balance: '10', votes: '10', delegate: 'yourself' });
      expect(await popup.$eval(row, (item) => item.textContent)).not.toContain('carry no votes');
      expect(await queryAllByRole(popup, 'button', 'Activate my votes')).toEqual([]);
      await popup.close();
    });

    it('draws a token\'s name as the contract\'s words after its address, framed, capped and with a bidi override shown as U+202E, in the approval and the popup', async () => {
      const tokens = [
        { name: 'Acme Holdings \u202Eserahs', symbol: 'AHS', fragment: 'serahs', shown: 'Acme Holdings U+202Eserahs' },
        { name: `Acme Holdings ${'Extraordinarily Long Preference '.repeat(8)}Shares`, symbol: 'LONG', fragment: 'Extraordinarily', shown: undefined },
      ];
      const checkFrame = (frame: FramedName | null, token: (typeof tokens)[number]) => {
        expect(frame).toMatchObject({ label: 'from the token contract', afterAddress: true, withinWindow: true, codesInView: true });
        expect(frame?.shown).not.toContain('\u202E');
        if (token.shown !== undefined) expect(frame?.shown).toBe(token.shown);
        else {
          expect(frame?.shown.length).toBeLessThanOrEqual(NAME_CAP + 1);
          expect(frame?.shown.endsWith('…')).toBe(true);
          expect(frame?.title).toContain(token.name);
        }
      };
      for (const token of tokens) {
        const address = await deployNamedToken(chain.rpcUrl, { name: token.name, symbol: token.symbol });
        let added: Promise<unknown> = Promise.resolve();
        const approval = await rig.waitForNewExtensionWindow('approval.html', () => {
          added = page.evaluate((options) => (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum
            .request({ method: 'wallet_watchAsset', params: { type: 'ERC20', options } }), { address, symbol: token.symbol, decimals: 18 });
          return Promise.resolve();
        }, 20_000);
        await waitForText(approval, 'Show a share token');
        checkFrame(await framedName(approval, address, token.fragment), token);
        expect(await approval.evaluate(() => document.body.innerText.includes('\u202E'))).toBe(false);
        await decide(approval, 'Approve');
        expect(await added).toBe(true);

        const popup = await openHome();
        checkFrame(await framedName(popup, address, token.fragment), token);
        expect(await popup.evaluate(() => document.body.innerText.includes('\u202E'))).toBe(false);
        await popup.close();
      }
    });

    // Late in the suite: it leaves the wallet with 110 accounts.
    it('stops looking for used accounts at 50 when the node calls every address used, and keeps looking only when asked', async () => {
      proxy.setMode({ kind: 'every-address-used' });
      const popup = await openHome();
      await clickButton(popup, 'Share tokens');
      // Adding a token in the popup chooses its network, which starts a search for used accounts there.
      await fillField(popup, 'Token address', registry.token);
      await clickButton(popup, 'Add token');
      await waitForText(popup, 'Found 50 used accounts and stopped there', 30_000);
      await clickButton(popup, 'Keep looking');
      await clickButton(popup, 'Back');
      // The 10 funded accounts, then two runs of 50 each, and no more.
      await popup.waitForFunction((count) => document.querySelectorAll('ul.accounts > li').length === count, { timeout: 60_000 }, FUNDED_ACCOUNTS + 100);
      proxy.setMode({ kind: 'pass' });
      await popup.close();
    });

    it('leaves no answer of the network in the browser profile: the browser\'s HTTP cache keeps none', async () => {
      // The token's name() answer exactly as the node sends it (ABI-encoded hex), which the wallet read when
      // the token was added; the wallet itself stores only the decoded name.
      const client = await registryPublicClient(chain.rpcUrl);
      const { data: nameAnswer } = await client.call({ to: registry.token, data: encodeFunctionData({ abi: shareTokenAbi, functionName: 'name' }) });
      if (nameAnswer === undefined) throw new Error('the token answered name() with nothing');
      let findings: Finding[] | undefined;
      // Scanned while the browser is closed (everything flushed), including Firefox's cache2/entries and
      // Chromium's Cache and Code Cache folders.
      await rig.restart(async () => {
        findings = await scanProfileForSecrets(rig.userDataDir, [{ label: 'the token\'s name() answer', value: nameAnswer }]);
      });
      expect(findings).toEqual([]);
    });
  });
}
