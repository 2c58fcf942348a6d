// Timing helpers for `npm run bench`. Figures are printed, never asserted: a noisy machine must not fail CI.
import { performance } from 'node:perf_hooks';

export interface Sample {
  median: number;
  min: number;
  rounds: number;
}

/** Median wall time in ms of `rounds` runs of `task`, after one warm-up run. */
export async function measure(task: () => unknown, rounds: number): Promise<Sample> {
  await task();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[middle] ?? 0) : ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2;
  return { median, min: times[0] ?? 0, rounds };
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A fixed-width text table. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
