// The floor the popup and approval-window figures are divided by (issue 12): the bench extension's empty
// page (bench/bench-extension.ts), opened the same way as the popup (the action's popup) and as the
// approval window (windows.create from the background, at the approval window's type and size), in the
// same browser and rounds as the figures.
import { TargetType, type Page, type WebWorker } from 'puppeteer-core';
import type { RigBrowser } from '../test/e2e/rig/browsers';
import { EMPTY_PAGE, EMPTY_PAINTED } from './bench-extension';
import { nextExtensionWindow } from './window-timing';

/** The approval window's type and size, as src/background/main.ts opens it. */
const APPROVAL_WINDOW = { type: 'popup', width: 420, height: 680 } as const;

/** What the bench calls of the service worker's `chrome` namespace. */
interface WorkerChrome {
  action: { setPopup(details: { popup: string }): Promise<void> };
  windows: { create(data: object): Promise<unknown> };
}

/** The extension's service worker, as puppeteer sees it now (it may have been restarted since the last call). */
export async function extensionWorker(rig: RigBrowser): Promise<WebWorker> {
  const target = await rig.browser.waitForTarget((candidate) => candidate.type() === TargetType.SERVICE_WORKER && candidate.url().startsWith(rig.extensionBaseUrl));
  const worker = await target.worker();
  if (worker === null) throw new Error('the extension service worker has no worker handle');
  return worker;
}

/** Ms from the page's navigation start to the empty page's first frame, once it is there. */
async function paintedAt(page: Page): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 10_000 }, EMPTY_PAINTED);
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, EMPTY_PAINTED);
}

/**
 * Opens the empty page as the action popup (action.setPopup, then action.openPopup in the service worker,
 * as bench/popup-holdings.ts opens the real one while `focused` has the focus), closes it, and puts the
 * real popup back.
 * @returns ms from the start of the popup's navigation to its first frame.
 */
export async function emptyPopupOnce(rig: RigBrowser, worker: WebWorker, focused: Page): Promise<number> {
  await worker.evaluate((page) => (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.setPopup({ popup: page }), EMPTY_PAGE);
  try {
    await focused.bringToFront();
    const opened = nextExtensionWindow(rig, EMPTY_PAGE);
    await worker.evaluate('chrome.action.openPopup()');
    const shown = await opened;
    const ms = await paintedAt(shown);
    await shown.close();
    return ms;
  } finally {
    await worker.evaluate(() => (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.setPopup({ popup: 'popup.html' }));
  }
}

/**
 * Opens the empty page in a new window from the service worker, as the background opens the approval
 * window (windows.create, same type and size), and closes it.
 * @returns ms from the windows.create call to the page's first frame (both clocks epoch-based).
 */
export async function emptyWindowOnce(rig: RigBrowser, worker: WebWorker): Promise<number> {
  const opened = nextExtensionWindow(rig, EMPTY_PAGE);
  const asked = await worker.evaluate((address, shape) => {
    const at = performance.timeOrigin + performance.now();
    void (globalThis as unknown as { chrome: WorkerChrome }).chrome.windows.create({ url: address, ...shape });
    return at;
  }, rig.extensionUrl(EMPTY_PAGE), APPROVAL_WINDOW);
  const shown = await opened;
  const painted = await paintedAt(shown);
  const origin = await shown.evaluate(() => performance.timeOrigin);
  await shown.close();
  return origin + painted - asked;
}
