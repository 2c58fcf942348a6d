import { describe, expect, it } from 'vitest';
import { ClockModeError, parseClockMode, timepointSeconds } from '../../../../src/core/governance/clock';

describe('a governor\'s clock (ERC-6372)', () => {
  it('reads block numbers of this chain, of a chain named by CAIP-2, and timestamps', () => {
    expect(parseClockMode('mode=blocknumber&from=default')).toEqual({ mode: 'blocknumber', from: 'default' });
    expect(parseClockMode('mode=blocknumber&from=eip155:1')).toEqual({ mode: 'blocknumber', from: 'eip155:1' });
    expect(parseClockMode('from=default&mode=blocknumber')).toEqual({ mode: 'blocknumber', from: 'default' });
    expect(parseClockMode('mode=timestamp')).toEqual({ mode: 'timestamp' });
  });

  it('counts blocks of this chain for a governor that has no CLOCK_MODE (before ERC-6372)', () => {
    expect(parseClockMode(undefined)).toEqual({ mode: 'blocknumber', from: 'default' });
  });

  it('refuses any other answer, naming it, rather than guess when a vote closes', () => {
    for (const answer of ['', 'mode=seconds', 'mode=timestamp&from=default', 'mode=blocknumber&mode=timestamp', 'mode', 'mode=blocknumber&from=not a chain', 'mode=blocknumber&extra=1']) {
      expect(() => parseClockMode(answer), answer).toThrow(ClockModeError);
    }
    expect(() => parseClockMode('mode=seconds')).toThrow('CLOCK_MODE "mode=seconds" names no clock this wallet can read');
  });

  const now = { blockNumber: 1_000n, timestamp: 1_800_000_000n };

  it('takes a timestamp clock\'s timepoint as the time itself', () => {
    expect(timepointSeconds({ mode: 'timestamp' }, 1_800_086_400n, now, 12)).toBe(1_800_086_400n);
  });

  it('estimates a block clock\'s timepoint from the blocks still to come, and a past block as now', () => {
    const clock = { mode: 'blocknumber', from: 'default' } as const;
    expect(timepointSeconds(clock, 1_300n, now, 12)).toBe(1_800_000_000n + 300n * 12n);
    expect(timepointSeconds(clock, 900n, now, 12)).toBe(1_800_000_000n);
    // A chain that reports sub-second blocks still advances at least one second a block.
    expect(timepointSeconds(clock, 1_010n, now, 0.25)).toBe(1_800_000_010n);
  });
});
