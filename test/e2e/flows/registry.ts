// What a shareholder does on the example registry site, and how the tests read its results
// (example/registry/README.md lists the element ids and states).
import type { Page } from 'puppeteer-core';
import type { RigBrowser } from '../rig/browsers';
import { clickButton, getByRole, waitForText } from '../rig/ui';

const NEXT_REQUEST_TIMEOUT_MS = 20_000;

export type ResultState = 'verified' | 'rejected' | 'error' | 'connected' | 'added' | 'relayed' | 'created' | 'counted' | 'loaded';

/** Waits until `selector` leaves idle/pending (or loading/searching) and returns its state, code and text. */
export async function settled(page: Page, selector: string): Promise<{ state: string; code: string | null; text: string }> {
  const handle = await page.waitForSelector(`${selector}:not([data-state="idle"]):not([data-state="pending"]):not([data-state="searching"]):not([data-state="loading"])`, { timeout: 30_000 });
  if (handle === null) throw new Error(`${selector} did not settle`);
  return handle.evaluate((el) => ({ state: el.getAttribute('data-state') ?? '', code: el.getAttribute('data-code'), text: el.textContent.trim() }));
}

/** Opens the registry and waits until it found the wallet through EIP-6963. */
export async function openRegistry(rig: RigBrowser, url: string): Promise<Page> {
  const page = await rig.browser.newPage();
  await page.goto(url);
  const wallets = await settled(page, '#wallets');
  if (wallets.state !== 'found') throw new Error(`the registry found no wallet (${wallets.text})`);
  return page;
}

/** Clicks `button` on the registry and returns the approval window it opens. */
export async function approvalFor(rig: RigBrowser, page: Page, button: string): Promise<Page> {
  return rig.waitForNewExtensionWindow('approval.html', () => clickButton(page, button), 20_000);
}

/** The checkbox an add-network approval asks the user to tick for a node on this computer or network. */
export const LOCAL_NODE_CONSENT = 'I run this node on my computer or network myself';

/** Ticks the local-node checkbox of an add-network approval, which enables Approve. */
export async function acceptLocalNode(approval: Page): Promise<void> {
  await getByRole(approval, 'checkbox', LOCAL_NODE_CONSENT).click();
}

/**
 * Approves or rejects in the approval window. The window keeps both buttons disabled for about a second
 * after each request is drawn and after it regains focus (its decision guard): the click waits until the
 * button's `disabled` attribute is gone.
 */
export async function decide(approval: Page, choice: 'Approve' | 'Reject'): Promise<void> {
  await getByRole(approval, 'button', choice).setWaitForEnabled(true).click();
}

/**
 * Approves in `approval` and returns the window that then shows the site's next request (its screen
 * says `text`). A request that reaches the wallet while its window is still open is shown in that same
 * window; one that comes after the window closed itself opens a new window. Which happens depends on
 * timing, so both are watched.
 */
export async function approveThenNext(rig: RigBrowser, approval: Page, text: string): Promise<Page> {
  const watch: { settled: boolean } = { settled: false };
  const inNewWindow = rig.waitForNewExtensionWindow('approval.html', () => decide(approval, 'Approve'), NEXT_REQUEST_TIMEOUT_MS)
    .then(async (page) => { await waitForText(page, text, NEXT_REQUEST_TIMEOUT_MS); return page; });
  const inSameWindow = (async () => {
    const deadline = Date.now() + NEXT_REQUEST_TIMEOUT_MS;
    while (!watch.settled && Date.now() < deadline) {
      // A closing window throws here; that only means the next request is not in it.
      if (await approval.evaluate((t) => document.body.innerText.includes(t), text).catch(() => false)) return approval;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`"${text}" did not appear in the approval window that was already open`);
  })();
  try {
    return await Promise.any([inNewWindow, inSameWindow]);
  } finally {
    watch.settled = true;
  }
}

/** Clears a result element's state, so the next `settled` waits for the next outcome. */
export async function resetState(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (el) => { el.setAttribute('data-state', 'idle'); });
}

/** How many pages (tabs and windows) the browser has open: an approval window would add one. */
export async function countPages(rig: RigBrowser): Promise<number> {
  return (await rig.browser.pages()).length;
}

/**
 * The number of open pages once it has stopped changing (the same for 1 s): an approval window of an
 * earlier step may still be closing itself.
 */
export async function settledPageCount(rig: RigBrowser): Promise<number> {
  let last = await countPages(rig);
  for (let stable = 0; stable < 4;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await countPages(rig);
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  return last;
}

/** The registry's cap table row of `holder` (base units, as decimal strings), or undefined. */
export async function capTableRow(page: Page, holder: string): Promise<{ balance: string; votes: string } | undefined> {
  return page.$$eval('#cap-table tbody tr', (rows, wanted) => {
    const row = rows.find((r) => r.getAttribute('data-holder')?.toLowerCase() === wanted.toLowerCase());
    return row === undefined ? undefined : { balance: row.getAttribute('data-balance') ?? '', votes: row.getAttribute('data-votes') ?? '' };
  }, holder);
}

/** The states an own transaction ends in on the registry page (README: `#send-onchain-result`). */
const OWN_TRANSACTION_ENDS = ['mined', 'failed', 'cancelled', 'replaced', 'rejected', 'error'];

/**
 * Waits until the own transaction shown in `result` was sent, and returns the hash the wallet gave the
 * page (`tx`, e.g. `#send-onchain-tx`). @throws Error when it ended without a hash (rejected, error).
 */
export async function sentHash(page: Page, result: string, tx: string): Promise<string> {
  const handle = await page.waitForSelector(`${result}:is([data-state="sent"], ${OWN_TRANSACTION_ENDS.map((state) => `[data-state="${state}"]`).join(', ')})`, { timeout: 30_000 });
  const state = await handle?.evaluate((el) => `${el.getAttribute('data-state') ?? ''}: ${el.textContent.trim()}`);
  const hash = await page.$eval(tx, (el) => el.textContent.trim());
  if (!/^0x[0-9a-f]{64}$/.test(hash)) throw new Error(`no transaction hash in ${tx} (${result} is ${state ?? 'gone'})`);
  return hash;
}

/** Waits until the own transaction shown in `result` ended (mined, failed, cancelled, …) and returns how. */
export async function ownTransactionOutcome(page: Page, result: string): Promise<{ state: string; text: string }> {
  const handle = await page.waitForSelector(`${result}:is(${OWN_TRANSACTION_ENDS.map((state) => `[data-state="${state}"]`).join(', ')})`, { timeout: 30_000 });
  if (handle === null) throw new Error(`${result} did not end`);
  return handle.evaluate((el) => ({ state: el.getAttribute('data-state') ?? '', text: el.textContent.trim() }));
}
