// The cached holdings asked for as the popup starts, alongside the wallet's state rather than after
// home has rendered, so the figures are there one round trip sooner. Taken once, by the holdings section.
import type { HoldingsView } from '../../protocol/holdings';

let early: Promise<HoldingsView | undefined> | undefined;

/** Starts the request; a refusal (the wallet is locked, or has none) is dropped, not reported. */
export function askHoldingsEarly(ask: () => Promise<HoldingsView>): void {
  early = ask().catch(() => undefined);
}

/** The early answer, once: later calls (a second visit to home) get undefined and ask again. */
export function takeEarlyHoldings(): Promise<HoldingsView | undefined> {
  const taken = early ?? Promise.resolve(undefined);
  early = undefined;
  return taken;
}
