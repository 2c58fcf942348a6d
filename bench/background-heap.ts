// The background's JS heap before and after a run of requests, read over CDP from the extension's
// service worker after a forced garbage collection, so only what the requests left behind counts.
import { TargetType, type Browser, type CDPSession, type Page } from 'puppeteer-core';

const REQUEST_METHODS = ['eth_chainId', 'eth_accounts', 'wallet_getPermissions', 'eth_blockNumber', 'no_such_method', 'eth_sign'];

async function workerSession(browser: Browser, extensionBaseUrl: string): Promise<CDPSession> {
  const target = await browser.waitForTarget((candidate) => candidate.type() === TargetType.SERVICE_WORKER && candidate.url().startsWith(extensionBaseUrl));
  const worker = await target.worker();
  if (worker === null) throw new Error('the extension service worker has no worker handle');
  return worker.client;
}

async function usedHeapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  return (await session.send('Runtime.getHeapUsage')).usedSize;
}

/** Fires `count` requests from `page`, 10 at a time, and returns the background's heap growth in bytes. */
export async function heapGrowthOver(browser: Browser, extensionBaseUrl: string, page: Page, count: number): Promise<number> {
  const session = await workerSession(browser, extensionBaseUrl);
  await session.send('HeapProfiler.enable');
  const fire = (n: number) => page.evaluate(async (methods, total) => {
    const provider = (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum;
    for (let i = 0; i < total; i += 10) {
      await Promise.allSettled(Array.from({ length: Math.min(10, total - i) }, (_, k) => provider.request({ method: methods[(i + k) % methods.length] })));
    }
  }, REQUEST_METHODS, n);
  // A warm-up run, so that code compiled and caches filled once are not counted as growth.
  await fire(100);
  const before = await usedHeapAfterGc(session);
  await fire(count);
  const after = await usedHeapAfterGc(session);
  await session.send('HeapProfiler.disable');
  return after - before;
}
