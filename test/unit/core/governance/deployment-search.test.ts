import { describe, expect, it } from 'vitest';
import { narrowSearch, searchPoints, type DeploymentSearch } from '../../../../src/core/governance/deployment-search';

/** Runs the search against a contract deployed at `deployed`, returning the block found and the rounds taken. */
function search(latest: bigint, deployed: bigint) {
  let state: DeploymentSearch = { low: -1n, high: latest };
  let rounds = 0;
  for (let points = searchPoints(state); points.length > 0; points = searchPoints(state)) {
    rounds += 1;
    state = narrowSearch(state, points, points.map((block) => block >= deployed));
  }
  return { found: state.high, rounds };
}

describe('finding a contract\'s deployment block', () => {
  it('finds the first block with code, genesis and the latest block included', () => {
    for (const [latest, deployed] of [[20_000_000n, 12_345_678n], [10n, 0n], [10n, 10n], [1n, 1n], [0n, 0n], [99_999n, 54_321n]] as const) {
      expect(search(latest, deployed).found).toBe(deployed);
    }
  });

  it('takes about log16 of the chain\'s length rounds', () => {
    expect(search(20_000_000n, 7_654_321n).rounds).toBeLessThanOrEqual(7);
  });

  it('asks about distinct blocks strictly between the bounds', () => {
    const points = searchPoints({ low: 3n, high: 8n });
    expect(points).toEqual([4n, 5n, 6n, 7n]);
    expect(searchPoints({ low: 3n, high: 4n })).toEqual([]);
  });
});
