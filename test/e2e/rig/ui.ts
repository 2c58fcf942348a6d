/**
 * Role-and-name helpers, so tests find controls the way a person (or a screen reader) does. They use
 * puppeteer's ARIA selectors (`aria/Name[role="button"]`), which query the browser's accessibility
 * tree: CDP in Chromium, BiDi `browsingContext.locateNodes` with an accessibility locator in Firefox.
 * Both were checked in both browsers (test/e2e/rig-selftest.e2e.test.ts). Differences seen:
 * - Firefox gives `<input type="password">` no "textbox" role; fillField matches by name only, then
 *   keeps form controls, so it fills password fields in both browsers.
 * - Firefox also matches a `<label>` by its own text; fillField skips non-controls for that reason.
 * - Firefox answers an ARIA query in ~150-500 ms, Chromium in ~10-70 ms.
 */
import type { ElementHandle, Locator, Page } from 'puppeteer-core';

/** How long a helper waits for its element or text by default. */
export const UI_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/**
 * An ARIA selector for an accessible name and optional role. Names are matched exactly.
 * @throws RangeError when the name contains both quote characters (the selector syntax cannot hold it).
 */
export function ariaSelector(name: string, role?: string): string {
  const quote = name.includes('"') ? "'" : '"';
  if (name.includes(quote)) throw new RangeError(`ariaSelector: a name with both ' and " cannot be expressed: ${name}`);
  const rolePart = role === undefined ? '' : `[role="${role}"]`;
  return `aria/[name=${quote}${name}${quote}]${rolePart}`;
}

/** A locator for the element with this role and accessible name, like Testing Library's getByRole. */
export function getByRole(page: Page, role: string, name: string, timeoutMs = UI_TIMEOUT_MS): Locator<Element> {
  return page.locator(ariaSelector(name, role)).setTimeout(timeoutMs);
}

/** Every element with this role and name now (no waiting): for asserting that something is absent. */
export async function queryAllByRole(page: Page, role: string, name: string): Promise<ElementHandle[]> {
  return await page.$$(ariaSelector(name, role));
}

/** Click the button with this accessible name once it is visible and enabled. */
export async function clickButton(page: Page, name: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  await getByRole(page, 'button', name, timeoutMs).click();
}

/** The first element named `label` that is a fillable form control. */
async function findField(page: Page, label: string): Promise<ElementHandle | undefined> {
  for (const handle of await page.$$(ariaSelector(label))) {
    const isControl = await handle.evaluate((el) => el.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
    if (isControl) return handle;
    await handle.dispose();
  }
  return undefined;
}

/**
 * Replace the value of the form control whose accessible name is `label` (from `<label for>`, a
 * wrapping `<label>`, aria-label or aria-labelledby) by typing `value`, as a person would.
 * @throws Error when no such control appears within the timeout.
 */
export async function fillField(page: Page, label: string, value: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const field = await findField(page, label);
    if (field) {
      try {
        await field.asLocator().setTimeout(Math.max(1, deadline - Date.now())).fill(value);
      } finally {
        await field.dispose();
      }
      return;
    }
    if (Date.now() > deadline) throw new Error(`fillField: no form control named "${label}" within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/**
 * Wait until the page's rendered text (document.body.innerText) contains `text`. Polls with separate
 * evaluations and retries failed ones, so a navigation (or Firefox replacing a new window's
 * about:blank document) in the meantime does not break the wait.
 * @throws Error when the text does not appear within the timeout.
 */
export async function waitForText(page: Page, text: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // body is null while the document is still being replaced.
    const seen = await page.evaluate((t) => (document.body as HTMLElement | null)?.innerText.includes(t) === true, text)
      .catch(() => false);
    if (seen) return;
    if (Date.now() > deadline) throw new Error(`waitForText: "${text}" did not appear within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}
