// The start every browser bench shares: a wallet restored from anvil's test phrase, and a page at `url`
// connected to it through the approval window, in a Chromium running the built extension.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { decide } from '../test/e2e/flows/registry';
import { restoreWallet } from '../test/e2e/flows/wallet';
import { launchBrowser, type RigBrowser } from '../test/e2e/rig/browsers';

export const BENCH_PHRASE = 'test test test test test test test test test test test junk';
export const BENCH_PASSWORD = 'benchmark password';

export interface ConnectedBench {
  rig: RigBrowser;
  page: Page;
}

/**
 * Launches Chromium with the extension in `extensionDir` (by default dist/chrome), restores the wallet and
 * connects a page at `url`; the caller closes `rig`.
 */
export async function connectedBenchPage(url: string, extensionDir = path.resolve('dist/chrome')): Promise<ConnectedBench> {
  const rig = await launchBrowser('chromium', { extensionDir });
  try {
    const popup = await rig.openExtensionPage('popup.html');
    await restoreWallet(popup, BENCH_PHRASE, BENCH_PASSWORD);
    await popup.close();
    const page = await rig.browser.newPage();
    await page.goto(url);
    const connected = page.evaluate(() => (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({ method: 'eth_requestAccounts' }));
    const approval = await rig.waitForNewExtensionWindow('approval.html', () => Promise.resolve());
    // The window closes itself after the decision; waiting for that keeps the next request in a new window.
    const approvalClosed = new Promise<void>((resolve) => { approval.once('close', () => { resolve(); }); });
    await decide(approval, 'Approve');
    await connected;
    await approvalClosed;
    return { rig, page };
  } catch (error) {
    await rig.close();
    throw error;
  }
}
