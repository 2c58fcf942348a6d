import { describe, expect, it } from 'vitest';
import { halves, isRangeTooLarge, logRanges } from '../../../../src/core/governance/log-ranges';

describe('log ranges a node accepts', () => {
  it('cuts blocks into consecutive ranges of at most the span, the last one shorter', () => {
    expect(logRanges(10n, 34n, 10n)).toEqual([{ from: 10n, to: 19n }, { from: 20n, to: 29n }, { from: 30n, to: 34n }]);
    expect(logRanges(5n, 5n, 10n)).toEqual([{ from: 5n, to: 5n }]);
    expect(logRanges(6n, 5n, 10n)).toEqual([]);
    expect(() => logRanges(0n, 5n, 0n)).toThrow(RangeError);
  });

  it('halves a range without a gap or an overlap, and not a single block', () => {
    expect(halves({ from: 0n, to: 9_999n })).toEqual([{ from: 0n, to: 4_999n }, { from: 5_000n, to: 9_999n }]);
    expect(halves({ from: 7n, to: 9n })).toEqual([{ from: 7n, to: 8n }, { from: 9n, to: 9n }]);
    expect(halves({ from: 7n, to: 8n })).toEqual([{ from: 7n, to: 7n }, { from: 8n, to: 8n }]);
    expect(halves({ from: 7n, to: 7n })).toBeUndefined();
  });

  it('recognises the words real nodes use to refuse a range as too large', () => {
    const refusals = [
      'query returned more than 10000 results',
      'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.',
      'block range is too large',
      'exceed maximum block range: 50000',
      'eth_getLogs is limited to a 10,000 range',
      'query exceeds max block range 1000',
      'Query timeout exceeded. Consider reducing your block range.',
      'too many blocks requested',
      'eth_getLogs and eth_newFilter are limited to a 10,000 blocks range',
    ];
    for (const message of refusals) expect(isRangeTooLarge(message), message).toBe(true);
  });

  it('does not take other failures for a range that is too large', () => {
    for (const message of [
      'header not found', 'execution reverted', 'the method eth_getLogs does not exist/is not available', 'internal error',
      'daily request count exceeded, request rate limited', 'project ID request rate exceeded',
    ]) expect(isRangeTooLarge(message), message).toBe(false);
  });
});
