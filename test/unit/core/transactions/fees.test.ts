import { describe, expect, it } from 'vitest';
import {
  feeChoiceProblem, gasWithMargin, isSaneSuggestion, median, PRIORITY_FEE_FLOOR, proposeEip1559Fees,
} from '../../../../src/core/transactions/fees';

const GWEI = 1_000_000_000n;

describe('fee proposal', () => {
  it('takes the median of the blocks\' tips and twice the next base fee plus that tip as the max fee', () => {
    expect(proposeEip1559Fees(30n * GWEI, [2n * GWEI, 5n * GWEI, 3n * GWEI])).toEqual({
      type: 'eip1559', maxPriorityFeePerGas: 3n * GWEI, maxFeePerGas: 63n * GWEI,
    });
  });

  it('raises a tip of 0 (blocks without tips, as on anvil) to 1 gwei when the base fee is at least that', () => {
    expect(proposeEip1559Fees(2n * GWEI, [0n, 0n, 0n])).toEqual({ type: 'eip1559', maxPriorityFeePerGas: PRIORITY_FEE_FLOOR, maxFeePerGas: 5n * GWEI });
  });

  it('keeps the floor at the base fee on a chain whose base fee is a few wei, so the tip does not dwarf it', () => {
    expect(proposeEip1559Fees(7n, [0n, 0n])).toEqual({ type: 'eip1559', maxPriorityFeePerGas: 7n, maxFeePerGas: 21n });
  });

  it('never proposes a tip of 0, even with a base fee of 0 and no history', () => {
    expect(proposeEip1559Fees(0n, [])).toEqual({ type: 'eip1559', maxPriorityFeePerGas: 1n, maxFeePerGas: 1n });
  });

  it('reads the lower middle value as the median of an even count, and 0 of none', () => {
    expect(median([4n, 1n, 3n, 2n])).toBe(2n);
    expect(median([])).toBe(0n);
  });
});

describe('a site\'s suggested fees', () => {
  const proposed = { type: 'eip1559', maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI } as const;

  it('are used when the tip is within the max fee, the cap covers the base fee and it is at most ten times the proposal', () => {
    expect(isSaneSuggestion({ type: 'eip1559', maxFeePerGas: 100n * GWEI, maxPriorityFeePerGas: 2n * GWEI }, proposed, 4n * GWEI)).toBe(true);
  });

  it('are not used when the tip is above the max fee', () => {
    expect(isSaneSuggestion({ type: 'eip1559', maxFeePerGas: 5n * GWEI, maxPriorityFeePerGas: 6n * GWEI }, proposed, GWEI)).toBe(false);
  });

  it('are not used when the max fee is below the current base fee', () => {
    expect(isSaneSuggestion({ type: 'eip1559', maxFeePerGas: 3n * GWEI, maxPriorityFeePerGas: GWEI }, proposed, 4n * GWEI)).toBe(false);
  });

  it('are not used when they are more than ten times the proposal (a unit mistake)', () => {
    expect(isSaneSuggestion({ type: 'eip1559', maxFeePerGas: 101n * GWEI, maxPriorityFeePerGas: GWEI }, proposed, GWEI)).toBe(false);
  });

  it('are not used when they are of another type than the proposal, or zero', () => {
    expect(isSaneSuggestion({ type: 'legacy', gasPrice: 5n * GWEI }, proposed, GWEI)).toBe(false);
    expect(isSaneSuggestion({ type: 'legacy', gasPrice: 0n }, { type: 'legacy', gasPrice: GWEI }, undefined)).toBe(false);
  });

  it('are used for a legacy chain when the gas price is at most ten times eth_gasPrice', () => {
    expect(isSaneSuggestion({ type: 'legacy', gasPrice: 20n * GWEI }, { type: 'legacy', gasPrice: 2n * GWEI }, undefined)).toBe(true);
  });
});

describe('the user\'s chosen fees', () => {
  const proposed = { type: 'eip1559', maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI } as const;

  it('may be lower than the base fee, to wait for a cheaper block', () => {
    expect(feeChoiceProblem({ type: 'eip1559', maxFeePerGas: GWEI, maxPriorityFeePerGas: 1n }, proposed)).toBeUndefined();
  });

  it('are refused when the tip is above the max fee, when zero, of another type or absurd', () => {
    expect(feeChoiceProblem({ type: 'eip1559', maxFeePerGas: GWEI, maxPriorityFeePerGas: 2n * GWEI }, proposed)).toBe('tip-above-max-fee');
    expect(feeChoiceProblem({ type: 'eip1559', maxFeePerGas: 0n, maxPriorityFeePerGas: 0n }, proposed)).toBe('zero');
    expect(feeChoiceProblem({ type: 'legacy', gasPrice: GWEI }, proposed)).toBe('other-type');
    expect(feeChoiceProblem({ type: 'eip1559', maxFeePerGas: 101n * GWEI, maxPriorityFeePerGas: GWEI }, proposed)).toBe('absurd');
  });
});

describe('gas margin', () => {
  it('adds 20% and rounds up', () => {
    expect(gasWithMargin(21_000n, 30_000_000n)).toBe(25_200n);
    expect(gasWithMargin(101n, 30_000_000n)).toBe(122n);
  });

  it('never goes above the block gas limit', () => {
    expect(gasWithMargin(29_000_000n, 30_000_000n)).toBe(30_000_000n);
  });
});
