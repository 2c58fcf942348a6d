// Browser bench, hostile barrage: how long a page waits for the wallet's answer to each of 1,000 seeded
// hostile requests (the hostile e2e suite's barrage, 8 at a time), next to a floor measured in the same
// run the same way: 1,000 `eth_chainId` calls, 8 at a time, which the wallet answers without any work.
// The e2e suite only checks that every call is answered; the speed is this figure, never a test limit.
import type { Page } from 'puppeteer-core';
import { fireHostileRequests } from '../test/e2e/flows/hostile';
import { startTestPages } from '../test/e2e/rig/test-pages';
import { connectedBenchPage } from './connected-page';
import { round, table } from './measure';

const CALLS = 1000;
const CONCURRENCY = 8;
/** As in the e2e suite: a call unanswered after this long is hanging, and is reported as such. */
const HANG_AFTER_MS = 30_000;
const STRANGERS = ['0x1111111111111111111111111111111111111111', '0x000000000000000000000000000000000000dEaD'];

interface Spread {
  median: number;
  p95: number;
  max: number;
}

/** Median, 95th percentile (nearest rank) and maximum of `values`. */
function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (rank: number) => sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { median, p95: at(Math.ceil(sorted.length * 0.95) - 1), max: at(sorted.length - 1) };
}

/** Each answer time in ms of `count` `eth_chainId` calls from `page`, `concurrency` at a time. */
function chainIdLatencies(page: Page, count: number, concurrency: number): Promise<number[]> {
  return page.evaluate(async (n, lanes) => {
    const ethereum = (window as unknown as { ethereum: { request(args: unknown): Promise<unknown> } }).ethereum;
    const times: number[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: lanes }, async () => {
      while (next < n) {
        next++;
        const start = performance.now();
        await ethereum.request({ method: 'eth_chainId' });
        times.push(performance.now() - start);
      }
    }));
    return times;
  }, count, concurrency);
}

export async function benchHostileLatency(): Promise<void> {
  const pages = await startTestPages();
  const { rig, page } = await connectedBenchPage(pages.url);
  try {

    const floor = spread(await chainIdLatencies(page, CALLS, CONCURRENCY));
    const calls = await fireHostileRequests(page, { seed: 20261124, count: CALLS, strangers: STRANGERS, hangAfterMs: HANG_AFTER_MS, concurrency: CONCURRENCY });
    const answered = calls.filter((call) => call.outcome !== 'hanging');
    const barrage = spread(answered.map((call) => call.ms));
    const ratio = (key: keyof Spread) => `${round(barrage[key] / floor[key], 1)}x`;
    const ms = (value: number) => `${round(value, 1)} ms`;
    console.log(table([`answer latency, ${CALLS.toLocaleString('en')} calls ${CONCURRENCY} at a time (Chromium)`, 'hostile barrage', 'eth_chainId floor', 'ratio'], [
      ['median', ms(barrage.median), ms(floor.median), ratio('median')],
      ['95th percentile', ms(barrage.p95), ms(floor.p95), ratio('p95')],
      ['maximum', ms(barrage.max), ms(floor.max), ratio('max')],
      [`left hanging (> ${HANG_AFTER_MS / 1000} s)`, (calls.length - answered.length).toString(), '', 'goal 0'],
    ]));
    console.log(JSON.stringify({
      bench: 'hostile-latency', unit: 'ms', barrage, floor, hanging: calls.length - answered.length,
      ratio: { median: round(barrage.median / floor.median, 2), p95: round(barrage.p95 / floor.p95, 2), max: round(barrage.max / floor.max, 2) },
    }));
  } finally {
    await rig.close();
    await pages.close();
  }
}
