// The cached holdings asked for as the popup starts, alongside the wallet's state rather than after home
// has rendered. The popup's first screen waits for both answers (they travel together), so home draws
// the figures in its first render instead of a frame later. Taken once, by the holdings section.
import type { HoldingsView } from '../../protocol/holdings';

let settled: Promise<void> = Promise.resolve();
let arrived: HoldingsView | undefined;

/** Starts the request; a refusal (the wallet is locked, or has none) is dropped, not reported. */
export function askHoldingsEarly(ask: () => Promise<HoldingsView>): void {
  arrived = undefined;
  settled = ask().then((view) => { arrived = view; }, () => undefined);
}

/** Resolves once the early request has an answer or a refusal; at once if none was asked. */
export function earlyHoldingsSettled(): Promise<void> {
  return settled;
}

/** The early answer if it has arrived, once: later calls (a second visit to home) get undefined. */
export function takeEarlyHoldings(): HoldingsView | undefined {
  const taken = arrived;
  arrived = undefined;
  return taken;
}
