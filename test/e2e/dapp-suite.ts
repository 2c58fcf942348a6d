// A registry site connects and asks for signatures; the shareholder decides in the approval window
// (issue 4). The same suite runs in Chromium and in Firefox, one test file each.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistrySite } from '../../example/registry/server';
import { approvalFor, decide, openRegistry, resetState, settled } from './flows/registry';
import { lock, restoreWallet, unlock } from './flows/wallet';
import { launchBrowser, type BrowserKind, type RigBrowser } from './rig/browsers';
import { clickButton, fillField, waitForText } from './rig/ui';

const ANVIL_PHRASE = 'test test test test test test test test test test test junk';
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PASSWORD = 'Shares-are-forever-42';

/** Fires a request from the page's window.ethereum and returns its result or its error code. */
function pageRequest(page: Page, method: string, params?: unknown[]): Promise<unknown> {
  return page.evaluate(async (m, p) => {
    const provider = (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum;
    try {
      return { result: await provider.request(p === undefined ? { method: m } : { method: m, params: p }) };
    } catch (error) {
      return { code: (error as { code?: number }).code, message: (error as Error).message };
    }
  }, method, params);
}

export function dappSuite(kind: BrowserKind): void {
  describe(`a registry site and the wallet in ${kind}`, () => {
    let rig: RigBrowser;
    let site: Awaited<ReturnType<typeof startRegistrySite>>;
    let registry: Page;

    beforeAll(async () => {
      site = await startRegistrySite();
      rig = await launchBrowser(kind, { extensionDir: path.resolve(kind === 'chromium' ? 'dist/chrome' : 'dist/firefox') });
      const popup = await rig.openExtensionPage('popup.html');
      await restoreWallet(popup, ANVIL_PHRASE, PASSWORD);
      await popup.close();
      registry = await openRegistry(rig, site.url);
    });

    afterAll(async () => {
      await rig.close();
      await site.close();
    });

    it('announces itself through EIP-6963 and is window.ethereum', async () => {
      expect(await registry.$eval('#wallets', (el) => el.textContent)).toContain('Shareholder Wallet');
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
    });

    it('answers 4001 when the user rejects the connection', async () => {
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await waitForText(approval, registry.url().replace(/\/$/, ''));
      await decide(approval, 'Reject');
      expect(await settled(registry, '#account')).toMatchObject({ state: 'rejected', code: '4001' });
    });

    it('connects with the account the user approves', async () => {
      await resetState(registry, '#account');
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#account')).toMatchObject({ state: 'connected', text: ALICE });
    });

    it('signs a share transfer the user approves, which viem verifies in the page', async () => {
      const approval = await approvalFor(rig, registry, 'Sign share transfer');
      await waitForText(approval, 'Transfer');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#transfer-result')).toMatchObject({ state: 'verified', text: 'Signature verified' });
    });

    it('answers 4001 when the user rejects a transfer', async () => {
      await resetState(registry, '#transfer-result');
      const approval = await approvalFor(rig, registry, 'Sign share transfer');
      await decide(approval, 'Reject');
      expect(await settled(registry, '#transfer-result')).toMatchObject({ state: 'rejected', code: '4001' });
    });

    it('answers 4001 when the user closes the approval window', async () => {
      await resetState(registry, '#transfer-result');
      const approval = await approvalFor(rig, registry, 'Sign share transfer');
      await approval.close();
      expect(await settled(registry, '#transfer-result')).toMatchObject({ state: 'rejected', code: '4001' });
    });

    it('signs a vote the user approves, which viem verifies in the page', async () => {
      const approval = await approvalFor(rig, registry, 'Sign vote');
      await waitForText(approval, 'proposal');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#vote-result')).toMatchObject({ state: 'verified' });
    });

    it('refuses typed data for another chain with -32602, without asking the user', async () => {
      await clickButton(registry, 'Sign transfer on chain 5');
      expect(await settled(registry, '#mismatch-result')).toMatchObject({ state: 'error', code: '-32602' });
    });

    it('unlocks a locked wallet inside the approval window, then signs', async () => {
      const popup = await rig.openExtensionPage('popup.html');
      await lock(popup);
      await popup.close();
      // Locking tells the site accountsChanged []; it asks to connect again, and the window unlocks first.
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
      await resetState(registry, '#account');
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await fillField(approval, 'Password', PASSWORD);
      await clickButton(approval, 'Unlock');
      await decide(approval, 'Approve');
      expect(await settled(registry, '#account')).toMatchObject({ state: 'connected', text: ALICE });
      await resetState(registry, '#vote-result');
      await decide(await approvalFor(rig, registry, 'Sign vote'), 'Approve');
      expect(await settled(registry, '#vote-result')).toMatchObject({ state: 'verified' });
    });

    it('answers all of 20 concurrent requests from one page', async () => {
      const answers = await registry.evaluate(async () => {
        const provider = (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum;
        const methods = ['eth_chainId', 'eth_accounts', 'wallet_getPermissions', 'eth_sign', 'no_such_method'];
        return Promise.all(Array.from({ length: 20 }, (_, i) => provider.request({ method: methods[i % methods.length] })
          .then(() => 'result', (error: unknown) => String((error as { code?: number }).code))));
      });
      expect(answers).toEqual(Array.from({ length: 4 }, () => ['result', 'result', 'result', '4200', '4200']).flat());
    });

    it('works unchanged with an ethers BrowserProvider', async () => {
      // ethers' own browser bundle, loaded into the registry page as a site using ethers would.
      await registry.addScriptTag({ path: path.resolve('node_modules/ethers/dist/ethers.umd.min.js') });
      const result = registry.evaluate(async () => {
        const { ethers } = window as unknown as { ethers: { BrowserProvider: new (p: unknown) => { getSigner(): Promise<{ getAddress(): Promise<string>; signMessage(m: string): Promise<string> }> }; verifyMessage(m: string, s: string): string } };
        const provider = new ethers.BrowserProvider((window as unknown as { ethereum: unknown }).ethereum);
        const signer = await provider.getSigner();
        const signature = await signer.signMessage('Shareholder Wallet works with ethers');
        return { address: await signer.getAddress(), recovered: ethers.verifyMessage('Shareholder Wallet works with ethers', signature) };
      });
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve(), 20_000);
      await waitForText(approval, 'Shareholder Wallet works with ethers');
      await decide(approval, 'Approve');
      expect(await result).toEqual({ address: ALICE, recovered: ALICE });
    });

    it('disconnects: after revoking, eth_accounts is empty', async () => {
      await clickButton(registry, 'Disconnect');
      expect(await settled(registry, '#eth-accounts')).toMatchObject({ text: '[]' });
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
    });

    it('refuses a sandboxed iframe (an opaque origin) with 4100', async () => {
      const page = await rig.browser.newPage();
      await page.goto(new URL('iframe.html', site.url).href);
      expect(await settled(page, '#frame-result')).toMatchObject({ state: 'error', code: '4100' });
      await page.close();
    });

    it('gives the page exactly one answer (4900) when the background stops while an approval is open', async () => {
      await unlockIfNeeded(rig);
      await resetState(registry, '#account');
      const approval = await approvalFor(rig, registry, 'Connect wallet');
      await rig.stopBackground();
      expect(await settled(registry, '#account')).toMatchObject({ code: '4900' });
      // The restarted background has no such request: approving it signs nothing and says so.
      await decide(approval, 'Approve');
      await waitForText(approval, 'no longer pending');
      // One answer only: the page did not receive a late result after the 4900.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await registry.$eval('#account', (el) => el.getAttribute('data-code'))).toBe('4900');
      expect(await pageRequest(registry, 'eth_accounts')).toEqual({ result: [] });
    });
  });
}

async function unlockIfNeeded(rig: RigBrowser): Promise<void> {
  const popup = await rig.openExtensionPage('popup.html');
  const locked = await popup.$('aria/Unlock[role="button"]');
  if (locked !== null) await unlock(popup, PASSWORD);
  await popup.close();
}
