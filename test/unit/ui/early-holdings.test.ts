import { describe, expect, it } from 'vitest';
import type { HoldingsView } from '../../../src/protocol/holdings';
import { askHoldingsEarly, earlyHoldingsSettled, takeEarlyHoldings } from '../../../src/ui/lib/early-holdings';

const VIEW: HoldingsView = { tokens: [], chains: [] };

describe('holdings asked for as the popup starts', () => {
  it('hands the early answer to the holdings section once it has arrived, then nothing', async () => {
    askHoldingsEarly(() => Promise.resolve(VIEW));
    await earlyHoldingsSettled();
    expect(takeEarlyHoldings()).toBe(VIEW);
    expect(takeEarlyHoldings()).toBeUndefined();
  });

  it('hands over nothing before the answer has arrived, nor that answer later, since the section asked again', async () => {
    let answer: (view: HoldingsView) => void = () => undefined;
    askHoldingsEarly(() => new Promise((resolve) => { answer = resolve; }));
    expect(takeEarlyHoldings()).toBeUndefined();
    answer(VIEW);
    await earlyHoldingsSettled();
    expect(takeEarlyHoldings()).toBeUndefined();
  });

  it('drops a refusal, such as a locked wallet, so the section asks again itself', async () => {
    askHoldingsEarly(() => Promise.reject(new Error('the wallet is locked')));
    await expect(earlyHoldingsSettled()).resolves.toBeUndefined();
    expect(takeEarlyHoldings()).toBeUndefined();
  });
});
