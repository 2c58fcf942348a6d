// When a timepoint on a governor's clock happens or happened, in Unix ms for the popup.
import { timepointSeconds, type ChainNow, type GovernorClock } from './clock';

/**
 * Exact on a timestamp clock. On a block clock: ahead, estimated at `secondsPerBlock` (timepointSeconds);
 * past, estimated back from the latest block at the same pace, since the block's own time is not read.
 */
export function timepointMs(clock: GovernorClock, timepoint: bigint, now: ChainNow, secondsPerBlock: number): number {
  if (clock.mode === 'blocknumber' && timepoint < now.blockNumber) {
    const back = (now.blockNumber - timepoint) * BigInt(Math.max(1, Math.round(secondsPerBlock)));
    return Number(now.timestamp - back) * 1000;
  }
  return Number(timepointSeconds(clock, timepoint, now, secondsPerBlock)) * 1000;
}

/**
 * Seconds per block from two blocks' numbers and times (at least 1: a chain that mines several blocks in
 * one second, like a local node catching up, would otherwise make every future block arrive at once).
 */
export function secondsPerBlock(latest: ChainNow, earlier: ChainNow): number {
  const blocks = latest.blockNumber - earlier.blockNumber;
  if (blocks <= 0n) return 1;
  return Math.max(1, Number(latest.timestamp - earlier.timestamp) / Number(blocks));
}
