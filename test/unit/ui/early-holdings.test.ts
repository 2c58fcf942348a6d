import { describe, expect, it } from 'vitest';
import type { HoldingsView } from '../../../src/protocol/holdings';
import { askHoldingsEarly, takeEarlyHoldings } from '../../../src/ui/lib/early-holdings';

const VIEW: HoldingsView = { tokens: [], chains: [] };

describe('holdings asked for as the popup starts', () => {
  it('hands the early answer to the holdings section once, then nothing', async () => {
    askHoldingsEarly(() => Promise.resolve(VIEW));
    expect(await takeEarlyHoldings()).toBe(VIEW);
    expect(await takeEarlyHoldings()).toBeUndefined();
  });

  it('drops a refusal, such as a locked wallet, so the section asks again itself', async () => {
    askHoldingsEarly(() => Promise.reject(new Error('the wallet is locked')));
    expect(await takeEarlyHoldings()).toBeUndefined();
  });
});
