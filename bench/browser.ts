// Browser benchmark (headless Chromium, the built extension, the example registry site): how long a
// registry waits for the approval window, next to an empty extension window opened the same way in the
// same rounds (its floor), and for the signature once the user approves; the zipped build; unlock at the
// default KDF; the background's heap growth over 1,000 requests, and approval windows left open. Times
// are epoch-based high-resolution clocks (performance.timeOrigin + now) read in the pages.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startRegistrySite } from '../example/registry/server';
import { packageExtension } from '../scripts/package';
import { heapGrowthOver } from './background-heap';
import { BENCH_PASSWORD, connectedBenchPage } from './connected-page';
import { APPROVAL_SHOWN, benchExtension } from './bench-extension';
import { emptyWindowOnce, extensionWorker } from './floors';
import { median, ratioText, round, table } from './measure';
import { unlockTimes } from './unlock';
import { askedAt, startTimedRequest, timedAnswer } from './timed-request';
import { approveNow, closed, nextExtensionWindow, shownAt } from './window-timing';

const ROUNDS = 20;
const ALICE = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const HEAP_REQUESTS = 1000;
const UNLOCK_ROUNDS = 5;
const KB = 1024;

export async function benchBrowser(): Promise<void> {
  const site = await startRegistrySite();
  const extension = benchExtension();
  const { rig, page } = await connectedBenchPage(site.url, extension.dir);
  try {
    const toWindow: number[] = [];
    const emptyWindow: number[] = [];
    const toSignature: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const opened = nextExtensionWindow(rig, 'approval.html');
      await startTimedRequest(page, 'personal_sign', [`Benchmark message ${i}`, ALICE]);
      const approval = await opened;
      const windowClosed = closed(approval);
      // Ready: the frame showing the request with its Approve button has been produced.
      const shown = await shownAt(approval, APPROVAL_SHOWN.request.name);
      toWindow.push(shown.painted - await askedAt(page));
      const approved = await approveNow(approval);
      toSignature.push((await timedAnswer(page)).at - approved);
      await windowClosed;
      emptyWindow.push(await emptyWindowOnce(rig, await extensionWorker(rig)));
    }
    const leftOpen = (await rig.browser.pages()).filter((open) => open.url().includes('/approval.html')).length;
    const heapGrowth = await heapGrowthOver(rig.browser, rig.extensionBaseUrl, page, HEAP_REQUESTS);
    const extensionPage = await rig.openExtensionPage('popup.html');
    const unlock = await unlockTimes(extensionPage, BENCH_PASSWORD, UNLOCK_ROUNDS);
    const zips = await zippedSizes();
    const figures = {
      requestToApprovalWindowMs: round(median(toWindow), 1),
      emptyWindowMs: round(median(emptyWindow), 1),
      approvalWindowRatio: round(median(toWindow) / median(emptyWindow), 2),
      approveToSignatureMs: round(median(toSignature), 1),
      unlockMs: round(median(unlock), 1),
      heapGrowthBytes: heapGrowth,
      approvalWindowsLeftOpen: leftOpen,
      chromeZipBytes: zips.chrome,
      firefoxZipBytes: zips.firefox,
    };
    console.log(table(['figure (Chromium; timings median of 20)', 'measured', 'ratio to floor', 'goal'], [
      ['packed zip, Chrome build', `${round(zips.chrome / KB, 1)} KB`, '', '<= 300 KB'],
      ['packed zip, Firefox build', `${round(zips.firefox / KB, 1)} KB`, '', '<= 300 KB'],
      ['floor: empty extension window, windows.create → first frame', `${figures.emptyWindowMs} ms`, '', ''],
      [`page request (personal_sign) → approval window ready`, `${figures.requestToApprovalWindowMs} ms`, ratioText(median(toWindow), median(emptyWindow)), '<= 300 ms; <= 1.5x'],
      ['"Approve" → signature received by the page', `${figures.approveToSignatureMs} ms`, '', '<= 50 ms'],
      [`unlock at the default KDF (median of ${UNLOCK_ROUNDS})`, `${figures.unlockMs} ms`, '', '<= 400 ms'],
      [`background JS heap growth over ${HEAP_REQUESTS.toLocaleString('en')} requests`, `${round(heapGrowth / KB, 1)} KB`, '', '<= 2,048 KB'],
      ['approval windows left open', leftOpen.toString(), '', '0'],
    ]));
    console.log(JSON.stringify({ bench: 'browser', unit: 'ms (median), bytes', ...figures }));
  } finally {
    await rig.close();
    await site.close();
    extension.remove();
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
