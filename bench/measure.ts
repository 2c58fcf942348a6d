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
  return { median: median(times), min: Math.min(...times), rounds };
}

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** `figure / floor` as printed next to a figure: "1.4x". */
export function ratioText(figure: number, floor: number): string {
  return `${round(figure / floor, 1)}x`;
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
