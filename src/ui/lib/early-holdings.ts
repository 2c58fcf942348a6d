// The cached holdings asked for as the popup starts, alongside the wallet's state rather than after home
// has rendered. The popup's first screen waits for both answers (they travel together), so home draws
// the figures in its first render instead of a frame later. Taken once, by the holdings section.
import type { HoldingsView } from '../../protocol/holdings';

let settled: Promise<void> = Promise.resolve();
let arrived: HoldingsView | undefined;
let taken = true;

/** Starts the request; a refusal (the wallet is locked, or has none) is dropped, not reported. */
export function askHoldingsEarly(ask: () => Promise<HoldingsView>): void {
  arrived = undefined;
  taken = false;
  settled = ask().then((view) => { if (!taken) arrived = view; }, () => undefined);
}

/**
 * Resolves when the popup's first screen may be drawn: once `wallet` (the wallet's state) has answered,
 * and then the early holdings have answered too or `graceMs` has passed, whichever comes first. A
 * failed `wallet` does not wait for the holdings: there is no home to draw them on.
 */
export async function firstScreenReady(wallet: Promise<unknown>, graceMs: number, sleep: (ms: number) => Promise<void>): Promise<void> {
  await wallet.then(() => Promise.race([settled, sleep(graceMs)]), () => undefined);
}

/**
 * The early answer if it has arrived, once. Later calls (a second visit to home) get undefined, and so
 * does an answer that arrives after the first call: the section has asked again by then.
 */
export function takeEarlyHoldings(): HoldingsView | undefined {
  const early = arrived;
  arrived = undefined;
  taken = true;
  return early;
}
