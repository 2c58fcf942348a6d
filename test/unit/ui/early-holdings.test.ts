import { describe, expect, it } from 'vitest';
import type { HoldingsView } from '../../../src/protocol/holdings';
import { askHoldingsEarly, firstScreenReady, takeEarlyHoldings } from '../../../src/ui/lib/early-holdings';

const VIEW: HoldingsView = { tokens: [], chains: [] };
const GRACE_MS = 150;

/** A promise and the function that resolves it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => { resolve = yes; reject = no; });
  return { promise, resolve, reject };
}

/** A sleep the test ends by hand, recording the waits asked for. */
function manualSleep() {
  const waits: number[] = [];
  const ends: (() => void)[] = [];
  return {
    waits,
    sleep: (ms: number) => { waits.push(ms); return new Promise<void>((done) => { ends.push(done); }); },
    endAll: () => { for (const end of ends) end(); },
  };
}

/** Whether `promise` has settled once pending callbacks have run. */
async function hasSettled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => { done = true; }, () => { done = true; });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('holdings asked for as the popup starts', () => {
  it('hands the early answer to the holdings section once it has arrived, then nothing', async () => {
    askHoldingsEarly(() => Promise.resolve(VIEW));
    await firstScreenReady(Promise.resolve(), GRACE_MS, manualSleep().sleep);
    expect(takeEarlyHoldings()).toBe(VIEW);
    expect(takeEarlyHoldings()).toBeUndefined();
  });

  it('hands over nothing before the answer has arrived, nor that answer later, since the section asked again', async () => {
    const holdings = deferred<HoldingsView>();
    askHoldingsEarly(() => holdings.promise);
    expect(takeEarlyHoldings()).toBeUndefined();
    holdings.resolve(VIEW);
    await firstScreenReady(Promise.resolve(), GRACE_MS, manualSleep().sleep);
    expect(takeEarlyHoldings()).toBeUndefined();
  });

  it('drops a refusal, such as a locked wallet, so the section asks again itself', async () => {
    askHoldingsEarly(() => Promise.reject(new Error('the wallet is locked')));
    await expect(firstScreenReady(Promise.resolve(), GRACE_MS, manualSleep().sleep)).resolves.toBeUndefined();
    expect(takeEarlyHoldings()).toBeUndefined();
  });
});

describe('when the popup\'s first screen may be drawn', () => {
  it('waits for the wallet\'s state, then for the holdings that answer within the grace period', async () => {
    const wallet = deferred<string>();
    const holdings = deferred<HoldingsView>();
    const timer = manualSleep();
    askHoldingsEarly(() => holdings.promise);
    const ready = firstScreenReady(wallet.promise, GRACE_MS, timer.sleep);
    expect(await hasSettled(ready)).toBe(false);
    wallet.resolve('unlocked');
    expect(await hasSettled(ready)).toBe(false);
    expect(timer.waits).toEqual([GRACE_MS]);
    holdings.resolve(VIEW);
    expect(await hasSettled(ready)).toBe(true);
  });

  it('stops waiting for slow holdings once the grace period after the wallet\'s answer has passed', async () => {
    const timer = manualSleep();
    askHoldingsEarly(() => new Promise<HoldingsView>(() => undefined));
    const ready = firstScreenReady(Promise.resolve('unlocked'), GRACE_MS, timer.sleep);
    expect(await hasSettled(ready)).toBe(false);
    timer.endAll();
    expect(await hasSettled(ready)).toBe(true);
  });

  it('does not wait for the holdings when the wallet\'s state could not be read', async () => {
    const timer = manualSleep();
    askHoldingsEarly(() => new Promise<HoldingsView>(() => undefined));
    const ready = firstScreenReady(Promise.reject(new Error('the background did not answer')), GRACE_MS, timer.sleep);
    expect(await hasSettled(ready)).toBe(true);
    expect(timer.waits).toEqual([]);
  });
});
