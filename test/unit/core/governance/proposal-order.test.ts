import { describe, expect, it } from 'vitest';
import { orderProposals, type Orderable } from '../../../../src/core/governance/proposal-order';

const proposal = (name: string, state: Orderable['state'], closesAt: number, createdBlock: bigint, logIndex = 0) =>
  ({ name, state, closesAt, createdBlock, logIndex });

describe('the order of a company\'s proposals', () => {
  it('lists open ones (pending and active) soonest closing first, and closed ones newest first', () => {
    const { open, closed } = orderProposals([
      proposal('late', 'active', 3_000, 10n), proposal('soon', 'active', 1_000, 12n), proposal('pending', 'pending', 2_000, 14n),
      proposal('old', 'defeated', 500, 1n), proposal('new', 'executed', 700, 8n), proposal('same block, later log', 'succeeded', 600, 8n, 3),
    ], 10);
    expect(open.map((entry) => entry.name)).toEqual(['soon', 'pending', 'late']);
    expect(closed.map((entry) => entry.name)).toEqual(['same block, later log', 'new', 'old']);
  });

  it('keeps at most the limit of closed ones, the newest', () => {
    const many = Array.from({ length: 15 }, (_, i) => proposal(`p${i}`, 'canceled', i, BigInt(i)));
    expect(orderProposals(many, 10).closed.map((entry) => entry.name)).toEqual(Array.from({ length: 10 }, (_, i) => `p${14 - i}`));
  });
});
