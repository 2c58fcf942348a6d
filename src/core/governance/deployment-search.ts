// Finding the block a contract was deployed in, to read its logs from there and not from genesis: the first
// block at whose end the address has code. Searched by asking for the code at several blocks at once (one
// JSON-RPC batch per round), which narrows [low, high] to one of the gaps between them: about log_(k+1) of
// the chain's length rounds (6 for 20 million blocks at k = 15).

export interface DeploymentSearch {
  /** A block where the address has no code yet (or -1 for "before genesis"). */
  low: bigint;
  /** A block where it has code. */
  high: bigint;
}

/** How many blocks one round asks about. */
export const SEARCH_POINTS = 15;

/** The blocks to ask about next: up to `points` evenly spread strictly between low and high; none once they are adjacent. */
export function searchPoints(search: DeploymentSearch, points = SEARCH_POINTS): bigint[] {
  const gap = search.high - search.low;
  if (gap <= 1n) return [];
  const count = gap - 1n < BigInt(points) ? Number(gap - 1n) : points;
  const step = gap / BigInt(count + 1);
  const spread: bigint[] = [];
  for (let i = 1; i <= count; i++) {
    const block = search.low + step * BigInt(i);
    if (block > search.low && block < search.high && block !== spread.at(-1)) spread.push(block);
  }
  return spread;
}

/**
 * The search narrowed by what was found at `blocks` (ascending, from searchPoints): code there or not.
 * Code never disappears and reappears in a normal contract's life, so the first block with code bounds it.
 */
export function narrowSearch(search: DeploymentSearch, blocks: readonly bigint[], hasCode: readonly boolean[]): DeploymentSearch {
  let { low, high } = search;
  blocks.forEach((block, i) => {
    if (hasCode[i] === true) { if (block < high) high = block; } else if (block > low && block < high) low = block;
  });
  return { low, high };
}
