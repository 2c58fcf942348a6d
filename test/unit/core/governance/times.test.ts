import { describe, expect, it } from 'vitest';
import { secondsPerBlock, timepointMs } from '../../../../src/core/governance/times';

const now = { blockNumber: 1_000n, timestamp: 1_800_000_000n };
const blocks = { mode: 'blocknumber' as const, from: 'default' };

describe('when a timepoint happens', () => {
  it('is the timepoint itself on a timestamp clock', () => {
    expect(timepointMs({ mode: 'timestamp' }, 1_800_000_500n, now, 12)).toBe(1_800_000_500_000);
  });

  it('is estimated ahead and back from the latest block on a block clock', () => {
    expect(timepointMs(blocks, 1_010n, now, 12)).toBe((1_800_000_000 + 120) * 1000);
    expect(timepointMs(blocks, 990n, now, 12)).toBe((1_800_000_000 - 120) * 1000);
    expect(timepointMs(blocks, 1_000n, now, 12)).toBe(1_800_000_000_000);
  });

  it('takes the chain\'s pace from two blocks, at least a second a block', () => {
    expect(secondsPerBlock(now, { blockNumber: 900n, timestamp: 1_800_000_000n - 1_200n })).toBe(12);
    expect(secondsPerBlock(now, { blockNumber: 0n, timestamp: 1_800_000_000n - 10n })).toBe(1);
    expect(secondsPerBlock(now, now)).toBe(1);
  });
});
