/** One measured figure: printed as one JSON line by `npm run bench`. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** How many samples or items the value summarises. */
  n: number;
  [extra: string]: unknown;
}

export interface Benchmark {
  /** The figure names this benchmark prints, so `npm run bench -- <prefix>` can skip the rest without running them. */
  figures: string[];
  run(): Promise<Figure[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (value: number, digits = 4) => Number(value.toFixed(digits));
