// Browser benchmark (headless Chromium, the built extension, the example registry site): how long a
// registry waits for the approval window, and for the signature once the user approves; the zipped
// build; unlock at the default KDF; the background's heap growth over 1,000 requests, and approval
// windows left open. Times are epoch-based high-resolution clocks (performance.timeOrigin + now) read in
// the pages.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { startRegistrySite } from '../example/registry/server';
import { packageExtension } from '../scripts/package';
import { ariaSelector } from '../test/e2e/rig/ui';
import { heapGrowthOver } from './background-heap';
import { BENCH_PASSWORD, connectedBenchPage } from './connected-page';
import { round, table } from './measure';
import { unlockTimes } from './unlock';

const ROUNDS = 20;
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const HEAP_REQUESTS = 1000;
const UNLOCK_ROUNDS = 5;
const KB = 1024;

/** Resolves once the approval window has closed itself (it does after the last decision). */
function closed(page: Page): Promise<void> {
  return page.isClosed() ? Promise.resolve() : new Promise((resolve) => { page.once('close', () => { resolve(); }); });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Starts personal_sign in the page, storing when it was asked and when the signature arrived. */
function startSigning(page: Page, round: number): Promise<void> {
  return page.evaluate((account, n) => {
    const w = window as unknown as { ethereum: { request(a: unknown): Promise<unknown> }; benchAsked?: number; benchSigned?: number | undefined };
    w.benchSigned = undefined;
    w.benchAsked = performance.timeOrigin + performance.now();
    void w.ethereum.request({ method: 'personal_sign', params: [`Benchmark message ${n}`, account] })
      .then(() => { w.benchSigned = performance.timeOrigin + performance.now(); });
  }, ALICE, round);
}

export async function benchBrowser(): Promise<void> {
  const site = await startRegistrySite();
  const { rig, page } = await connectedBenchPage(site.url);
  try {
    const toWindow: number[] = [];
    const toSignature: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const approval = await rig.waitForNewExtensionWindow('approval.html', () => startSigning(page, i));
      await approval.waitForSelector(ariaSelector('Approve', 'button'));
      const ready = await approval.evaluate(() => performance.timeOrigin + performance.now());
      const asked = await page.evaluate(() => (window as unknown as { benchAsked: number }).benchAsked);
      toWindow.push(ready - asked);
      const windowClosed = closed(approval);
      // The window holds Approve disabled for a moment after a request is drawn (the decision guard).
      await approval.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Approve' && !b.disabled));
      const approved = await approval.$eval('button', () => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Approve');
        const at = performance.timeOrigin + performance.now();
        button?.click();
        return at;
      });
      await page.waitForFunction(() => (window as unknown as { benchSigned?: number }).benchSigned !== undefined);
      const signed = await page.evaluate(() => (window as unknown as { benchSigned: number }).benchSigned);
      toSignature.push(signed - approved);
      await windowClosed;
    }
    const leftOpen = (await rig.browser.pages()).filter((open) => open.url().includes('/approval.html')).length;
    const heapGrowth = await heapGrowthOver(rig.browser, rig.extensionBaseUrl, page, HEAP_REQUESTS);
    const extensionPage = await rig.openExtensionPage('popup.html');
    const unlock = await unlockTimes(extensionPage, BENCH_PASSWORD, UNLOCK_ROUNDS);
    const zips = await zippedSizes();
    const figures = {
      requestToApprovalWindowMs: round(median(toWindow), 1),
      approveToSignatureMs: round(median(toSignature), 1),
      unlockMs: round(median(unlock), 1),
      heapGrowthBytes: heapGrowth,
      approvalWindowsLeftOpen: leftOpen,
      chromeZipBytes: zips.chrome,
      firefoxZipBytes: zips.firefox,
    };
    console.log(table(['figure (Chromium; timings median of 20)', 'measured', 'goal'], [
      ['packed zip, Chrome build', `${round(zips.chrome / KB, 1)} KB`, '<= 300 KB'],
      ['packed zip, Firefox build', `${round(zips.firefox / KB, 1)} KB`, '<= 300 KB'],
      ['page request → approval window ready', `${figures.requestToApprovalWindowMs} ms`, '<= 300 ms'],
      ['"Approve" → signature received by the page', `${figures.approveToSignatureMs} ms`, '<= 50 ms'],
      [`unlock at the default KDF (median of ${UNLOCK_ROUNDS})`, `${figures.unlockMs} ms`, '<= 400 ms'],
      [`background JS heap growth over ${HEAP_REQUESTS.toLocaleString('en')} requests`, `${round(heapGrowth / KB, 1)} KB`, '<= 2,048 KB'],
      ['approval windows left open', leftOpen.toString(), '0'],
    ]));
    console.log(JSON.stringify({ bench: 'browser', unit: 'ms (median), bytes', ...figures }));
  } finally {
    await rig.close();
    await site.close();
  }
}

/** The store zips of the current build, as `npm run package` writes them. */
async function zippedSizes(): Promise<{ chrome: number; firefox: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shareholder-wallet-bench-'));
  try {
    const zips = await packageExtension({ rebuild: false, artifactsDir: dir, log: () => undefined });
    return { chrome: statSync(zips.chrome).size, firefox: statSync(zips.firefox).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
