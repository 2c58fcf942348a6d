// A private message to the background from an extension page, exactly as the popup sends it
// (runtime.sendMessage on the private channel). For tests and benches that read or set the wallet's
// state without clicking through screens.
import type { Page } from 'puppeteer-core';
import { PRIVATE_CHANNEL, type PrivateMethod, type PrivateParams, type PrivateResponse } from '../../../src/protocol/private';

type Runtime = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

/** Sends the message from `page` (an extension page) and returns the background's answer. */
export async function sendPrivate<M extends PrivateMethod>(page: Page, method: M, params: PrivateParams<M>): Promise<PrivateResponse<M>> {
  return await page.evaluate((channel, m, p) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ channel, method: m, params: p }),
    PRIVATE_CHANNEL, method, params) as PrivateResponse<M>;
}

/** Sends the message without waiting for the answer (e.g. to kill the browser while it is handled). */
export async function startPrivate<M extends PrivateMethod>(page: Page, method: M, params: PrivateParams<M>): Promise<void> {
  await page.evaluate((channel, m, p) => {
    (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ channel, method: m, params: p }).catch(() => undefined);
  }, PRIVATE_CHANNEL, method, params);
}

/** The result of a private message that must succeed. @throws Error with the background's message. */
export async function privateResult<M extends PrivateMethod>(page: Page, method: M, params: PrivateParams<M>) {
  const reply = await sendPrivate(page, method, params);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.message}`);
  return reply.result;
}

/** Sends one message per params entry from `page`, all at once, and returns the answers in the same order. */
export async function sendPrivateInParallel<M extends PrivateMethod>(page: Page, method: M, paramsList: PrivateParams<M>[]): Promise<PrivateResponse<M>[]> {
  return await page.evaluate((channel, m, list) => Promise.all(list.map((p) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage({ channel, method: m, params: p }))),
    PRIVATE_CHANNEL, method, paramsList) as PrivateResponse<M>[];
}
