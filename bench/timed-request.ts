// A request from a page's window.ethereum whose start and answer are stamped in the page, on the epoch
// high-resolution clock (performance.timeOrigin + now) that the extension windows' times are read on.
import type { Page } from 'puppeteer-core';

interface BenchWindow {
  ethereum: { request(args: unknown): Promise<unknown> };
  benchAsked?: number;
  benchAnswer?: { at: number; result?: unknown; error?: string } | undefined;
}

/** Starts `method` with `params` in `page` without waiting for its answer; resolves once it was asked. */
export function startTimedRequest(page: Page, method: string, params: unknown): Promise<void> {
  return page.evaluate((m, p) => {
    const w = window as unknown as BenchWindow;
    w.benchAnswer = undefined;
    w.benchAsked = performance.timeOrigin + performance.now();
    w.ethereum.request({ method: m, params: p }).then(
      (result) => { w.benchAnswer = { at: performance.timeOrigin + performance.now(), result }; },
      (error: unknown) => { w.benchAnswer = { at: performance.timeOrigin + performance.now(), error: String((error as { message?: unknown }).message ?? error) }; },
    );
  }, method, params);
}

/** When the request started by startTimedRequest was asked. */
export function askedAt(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as BenchWindow).benchAsked ?? NaN);
}

/**
 * Waits for the answer to the request started by startTimedRequest.
 * @returns when it arrived and its result.
 * @throws Error with the wallet's message when the request failed.
 */
export async function timedAnswer(page: Page): Promise<{ at: number; result: unknown }> {
  await page.waitForFunction(() => (window as unknown as BenchWindow).benchAnswer !== undefined, { timeout: 30_000 });
  const answer = await page.evaluate(() => (window as unknown as BenchWindow).benchAnswer);
  if (answer === undefined || answer.error !== undefined) throw new Error(`the wallet refused the bench's request: ${answer?.error ?? 'no answer'}`);
  return { at: answer.at, result: answer.result };
}
