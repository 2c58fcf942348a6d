// Times read inside an extension window, on epoch-based high-resolution clocks (performance.timeOrigin +
// now), so they compare with times read in the page that asked. The marks are set inside the window by the
// bench extension's watcher (bench/bench-extension.ts); the window is found by puppeteer's target events.
import type { Page, Target } from 'puppeteer-core';
import type { RigBrowser } from '../test/e2e/rig/browsers';

const SHOWN_TIMEOUT_MS = 30_000;

/**
 * The next page to show the extension's `pagePath` that is not open yet: call it before the action that
 * opens the window, await it after.
 */
export function nextExtensionWindow(rig: RigBrowser, pagePath: string, timeoutMs = 20_000): Promise<Page> {
  const url = rig.extensionUrl(pagePath);
  const before = new Set<Target>(rig.browser.targets());
  return rig.browser.waitForTarget((target) => !before.has(target) && target.url().startsWith(url), { timeout: timeoutMs }).then((target) => target.asPage());
}

export interface Shown {
  /** When it first reached the window's document. */
  drawn: number;
  /** When the frame showing it had been produced. */
  painted: number;
}

/**
 * The epoch times of the marks `<name>:drawn` and `<name>:painted` in `page`, once both are set.
 * @throws Error when they are not set within 30 s.
 */
export async function shownAt(page: Page, name: string): Promise<Shown> {
  const drawn = `${name}:drawn`;
  const painted = `${name}:painted`;
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: SHOWN_TIMEOUT_MS }, painted);
  return page.evaluate((first, second) => ({
    drawn: performance.timeOrigin + (performance.getEntriesByName(first)[0]?.startTime ?? NaN),
    painted: performance.timeOrigin + (performance.getEntriesByName(second)[0]?.startTime ?? NaN),
  }), drawn, painted);
}

/** Resolves once `page` has closed (the approval window closes itself after the last decision). */
export function closed(page: Page): Promise<void> {
  return page.isClosed() ? Promise.resolve() : new Promise((resolve) => { page.once('close', () => { resolve(); }); });
}

/**
 * Clicks Approve in the approval window as soon as it is enabled (the window holds it disabled for about a
 * second after a request is drawn: its decision guard).
 * @returns the window's epoch time of the click.
 */
export async function approveNow(approval: Page): Promise<number> {
  await approval.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Approve' && !b.disabled));
  return approval.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Approve');
    const at = performance.timeOrigin + performance.now();
    button?.click();
    return at;
  });
}
