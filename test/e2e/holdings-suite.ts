// The shareholder's holdings, read by the wallet from the registry's real chain (issue 5), and what the
// popup shows when that chain's RPC is down, too slow or answers garbage (issue 6). The wallet reaches
// anvil through a proxy the test can break; the site and the test read the chain directly. The same suite
// runs in Chromium and Firefox.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { formatUnits, type Address } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareTokenAbi } from '../../example/registry/chain/abi';
import { startAnvil, type AnvilNode } from '../../example/registry/chain/anvil';
import { deployRegistry, registryPublicClient, type DeployedRegistry } from '../../example/registry/chain/deploy';
import { startRegistrySite, type RegistrySite } from '../../example/registry/server';
import { acceptLocalNode, approvalFor, approveThenNext, decide, openRegistry, settled } from './flows/registry';
import { restoreWallet } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { startRpcProxy, type RpcProxy } from './rig/rpc-proxy';
import { clickButton, fillField, getByRole, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'Shares-are-forever-42';
/** Anvil funds accounts 0-9 of its phrase with ether, so recovery discovery finds all ten as used. */
const FUNDED_ACCOUNTS = 10;
const ADDRESSES: Address[] = Array.from({ length: FUNDED_ACCOUNTS }, (_, index) => mnemonicToAccount(ANVIL_PHRASE, { addressIndex: index }).address);
const [ALICE = '0x', BOB = '0x'] = ADDRESSES;
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

    it('finds the used accounts of a restored phrase once the registry adds its token, and shows their shares, votes and delegates', async () => {
      const network = await approvalFor(rig, page, 'Add Acme to wallet');
      await acceptLocalNode(network);
      const token = await approveThenNext(rig, network, 'Show a share token');
      await decide(token, 'Approve');
      expect(await settled(page, '#add-to-wallet-result')).toMatchObject({ state: 'added' });

      // Discovery runs in the background after the token is added; reopen the popup (which refreshes the
      // holdings as it opens) until every used account shows. (Firefox cannot reload an extension page
      // through BiDi, bug 1755014, so the popup is opened afresh.)
      let popup = await openHome();
      const deadline = Date.now() + 60_000;
      let rows = await holdingRows(popup, registry.tokenName);
      while (rows.length < FUNDED_ACCOUNTS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await popup.close();
        popup = await openHome();
        rows = await holdingRows(popup, registry.tokenName);
      }
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
      // company's name in the details.
      await waitForText(approval, '100 ACME');
      await waitForText(approval, registry.tokenName);
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
  });
}
