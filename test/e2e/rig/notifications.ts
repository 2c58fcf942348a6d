/**
 * The extension's browser notifications, read with `notifications.getAll()` from one of its own pages (the
 * API is the extension's, so any of its pages sees what its background created). Needs the `notifications`
 * permission granted (launch with `grantOptionalPermissions`). Chromium answers `{ id: true }`; Firefox
 * answers each notification's options, so only Firefox lets a test read a notification's words.
 */
import type { Page } from 'puppeteer-core';

export interface ShownNotification {
  id: string;
  /** Firefox only. */
  title?: string;
  message?: string;
}

const POLL_MS = 200;

/** The extension's notifications shown now. `page` is one of its pages. */
export async function shownNotifications(page: Page): Promise<ShownNotification[]> {
  const all = await page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: { notifications?: { getAll(): Promise<Record<string, unknown>> } } }).browser
      ?? (globalThis as unknown as { chrome: { notifications?: { getAll(): Promise<Record<string, unknown>> } } }).chrome;
    if (api.notifications === undefined) throw new Error('the extension has no notifications API: the permission is not granted');
    return api.notifications.getAll();
  });
  return Object.entries(all).map(([id, options]) => {
    const record = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
    return {
      id,
      ...(typeof record.title === 'string' ? { title: record.title } : {}),
      ...(typeof record.message === 'string' ? { message: record.message } : {}),
    };
  });
}

/**
 * Until a notification whose id starts with `idPrefix` is shown; returns it.
 * @throws Error when none is shown within `timeoutMs`.
 */
export async function waitForNotification(page: Page, idPrefix: string, timeoutMs = 15_000): Promise<ShownNotification> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await shownNotifications(page)).find((notification) => notification.id.startsWith(idPrefix));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no notification "${idPrefix}…" within ${String(timeoutMs)} ms`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}
