// A governor's clock (ERC-6372): proposals open and close at timepoints that are block numbers or Unix
// timestamps, as `CLOCK_MODE()` says. A governor that predates ERC-6372 has no CLOCK_MODE and counts blocks.

export type GovernorClock =
  | { mode: 'blocknumber'; /** `from=default` (this chain), or the CAIP-2 chain whose blocks count. */ from: string }
  | { mode: 'timestamp' };

export class ClockModeError extends Error {
  override name = 'ClockModeError';
}

/**
 * The clock `CLOCK_MODE()` answered, or block numbers of this chain when the governor has no CLOCK_MODE
 * (`answer` undefined). ERC-6372: "mode=blocknumber&from=default", "mode=blocknumber&from=<CAIP-2 id>",
 * or "mode=timestamp".
 * @throws ClockModeError for any other answer: the wallet cannot tell when a vote opens or closes.
 */
export function parseClockMode(answer: string | undefined): GovernorClock {
  if (answer === undefined) return { mode: 'blocknumber', from: 'default' };
  const fields = new Map<string, string>();
  for (const pair of answer.split('&')) {
    const [key, value, ...rest] = pair.split('=');
    if (key === undefined || value === undefined || rest.length > 0 || key === '' || fields.has(key)) {
      throw new ClockModeError(`CLOCK_MODE "${answer.slice(0, 80)}" is not a list of key=value pairs (ERC-6372)`);
    }
    fields.set(key, value);
  }
  const mode = fields.get('mode');
  if (mode === 'timestamp' && fields.size === 1) return { mode: 'timestamp' };
  if (mode === 'blocknumber') {
    const from = fields.get('from') ?? 'default';
    if (fields.size === (fields.has('from') ? 2 : 1) && (from === 'default' || /^[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}$/.test(from))) {
      return { mode: 'blocknumber', from };
    }
  }
  throw new ClockModeError(`CLOCK_MODE "${answer.slice(0, 80)}" names no clock this wallet can read (ERC-6372: mode=blocknumber or mode=timestamp)`);
}

/** Where the chain is now, in both units: the latest block's number and its timestamp (seconds). */
export interface ChainNow {
  blockNumber: bigint;
  timestamp: bigint;
}

/**
 * The Unix time (seconds) of `timepoint` on `clock`: exact for a timestamp clock; for a block clock an
 * estimate from the blocks still to come at `secondsPerBlock` (12 on Ethereum since the Merge), and the
 * latest block's time for a block already past.
 */
export function timepointSeconds(clock: GovernorClock, timepoint: bigint, now: ChainNow, secondsPerBlock: number): bigint {
  if (clock.mode === 'timestamp') return timepoint;
  const blocksAhead = timepoint - now.blockNumber;
  if (blocksAhead <= 0n) return now.timestamp;
  return now.timestamp + blocksAhead * BigInt(Math.max(1, Math.round(secondsPerBlock)));
}
