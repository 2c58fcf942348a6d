// The popup's Activity screen (Settings → Activity): the transactions the wallet sent, each an
// <li data-hash="0x…"> whose status is in its <span class="badge"> (src/ui/app.tsx lists the names).
import type { Page } from 'puppeteer-core';
import type { RigBrowser } from '../rig/browsers';
import { clickButton, getByRole } from '../rig/ui';

/** Long enough for the wallet's watcher (a round every 4 s) and the list's re-read (every 2 s) to see a block. */
const STATUS_TIMEOUT_MS = 30_000;

const itemSelector = (hash: string): string => `li[data-hash="${hash.toLowerCase()}"]`;

/** Opens the popup on Activity, once the transaction `hash` is listed in it. */
export async function openActivity(rig: RigBrowser, hash: string): Promise<Page> {
  const popup = await rig.openExtensionPage('popup.html');
  await clickButton(popup, 'Settings');
  await clickButton(popup, 'Activity');
  await popup.waitForSelector(itemSelector(hash));
  return popup;
}

/** The transaction's status as Activity shows it now, e.g. "Pending" or "Confirmed in block 41". */
export async function transactionStatus(popup: Page, hash: string): Promise<string> {
  return popup.$eval(`${itemSelector(hash)} span.badge`, (badge) => badge.textContent.trim());
}

/** Waits until the transaction's status starts with `prefix` and returns the whole status. */
export async function waitForStatus(popup: Page, hash: string, prefix: string): Promise<string> {
  await popup.waitForFunction((selector, wanted) => document.querySelector(selector)?.textContent.trim().startsWith(wanted) === true,
    { timeout: STATUS_TIMEOUT_MS }, `${itemSelector(hash)} span.badge`, prefix);
  return transactionStatus(popup, hash);
}

/** Every transaction hash Activity lists now, newest first. */
export async function listedHashes(popup: Page): Promise<string[]> {
  return popup.$$eval('li[data-hash]', (items) => items.map((item) => item.getAttribute('data-hash') ?? ''));
}

/**
 * Speeds up or cancels the pending transaction `hash` from Activity, through the confirm step the screen
 * asks for, and returns the hash of the replacement the wallet sent (the one new entry in the list).
 */
export async function replaceFromActivity(popup: Page, hash: string, kind: 'speed-up' | 'cancel'): Promise<string> {
  const before = new Set(await listedHashes(popup));
  await popup.waitForSelector(itemSelector(hash));
  // One pending transaction at a time in the tests: the screen's only "Speed up" is this one's.
  const [action, confirm] = kind === 'speed-up' ? ['Speed up', 'Confirm speed-up'] : ['Cancel transaction', 'Confirm cancellation'];
  await getByRole(popup, 'button', action).click();
  await getByRole(popup, 'button', confirm).click();
  await popup.waitForFunction((known) => [...document.querySelectorAll('li[data-hash]')].some((li) => !known.includes(li.getAttribute('data-hash') ?? '')),
    { timeout: STATUS_TIMEOUT_MS }, [...before]);
  const added = (await listedHashes(popup)).filter((listed) => !before.has(listed));
  if (added.length !== 1 || added[0] === undefined) throw new Error(`expected one replacement in Activity, saw ${JSON.stringify(added)}`);
  return added[0];
}
