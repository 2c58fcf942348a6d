// Reading logs in block ranges a node accepts. Nodes cap eth_getLogs by span or by result count and say so
// in their own words; the wallet asks in bounded ranges and, when a range is refused as too large, asks for
// its two halves instead, down to a single block.

export interface BlockRange {
  from: bigint;
  to: bigint;
}

/**
 * The first span asked for. Common providers accept 10,000 blocks of one contract's logs (Infura caps
 * results at 10,000, QuickNode and many public RPCs cap the span at 10,000 or less); smaller limits are
 * found by halving.
 */
export const LOG_RANGE_BLOCKS = 10_000n;

/**
 * `from`..`to` (inclusive) cut into consecutive ranges of at most `span` blocks, in order; none when `to` < `from`.
 * @throws RangeError for a span below one block.
 */
export function logRanges(from: bigint, to: bigint, span: bigint = LOG_RANGE_BLOCKS): BlockRange[] {
  if (span < 1n) throw new RangeError(`a log range spans at least one block, not ${span}`);
  const ranges: BlockRange[] = [];
  for (let start = from; start <= to; start += span) {
    const end = start + span - 1n;
    ranges.push({ from: start, to: end < to ? end : to });
  }
  return ranges;
}

/** The two halves of `range` (the first the larger by one block at most), or undefined for a single block. */
export function halves(range: BlockRange): [BlockRange, BlockRange] | undefined {
  if (range.to <= range.from) return undefined;
  const middle = range.from + (range.to - range.from) / 2n;
  return [{ from: range.from, to: middle }, { from: middle + 1n, to: range.to }];
}

/**
 * Words nodes use when they refuse an eth_getLogs range as too large (by span or by result count):
 *   Infura, Alchemy: "query returned more than 10000 results"; Alchemy: "Log response size exceeded. You can
 *   make eth_getLogs requests with up to a 2K block range ..."; geth/erigon: "block range too large";
 *   QuickNode, Ankr: "eth_getLogs is limited to a 10,000 range", "block range is too large"; Besu, Nethermind:
 *   "exceeds max block range", "query exceeds max results"; Chainstack, BlastAPI: "range limit exceeded",
 *   "too many blocks"; public RPCs: "response size exceeded", "max range", "limited to 1000 blocks".
 */
const TOO_LARGE = [
  /more than \d[\d,]* results/i,
  /block range/i,
  /range (?:is )?too (?:large|big|wide)/i,
  /(?:exceeds?|exceeded) (?:the )?max(?:imum)? (?:block )?range/i,
  /range limit/i,
  /max(?:imum)? range/i,
  /too many (?:blocks|results|logs)/i,
  /response size (?:exceeded|too big|is larger)/i,
  /exceeds? max results/i,
  /limited to (?:a )?[\d,]+(?: block)?(?: range| blocks)?/i,
  /query timeout exceeded/i,
];

/**
 * Whether a node's refusal of eth_getLogs means "ask for less". Read from the words: the codes providers
 * send with them (-32005 "limit exceeded", EIP-1474; -32602; -32600; -32000) are also sent for other
 * refusals, and -32005 above all for a rate limit ("daily request count exceeded"), which a smaller
 * range does not cure.
 */
export function isRangeTooLarge(message: string): boolean {
  return TOO_LARGE.some((pattern) => pattern.test(message));
}
