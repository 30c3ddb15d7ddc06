// Summary statistics of timing samples. Pure functions: tests/unit/bench-stats.test.ts checks them.

export interface Summary {
  /** Number of samples. */
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between the closest ranks (Hyndman & Fan type 7,
 * the default of R, NumPy and spreadsheets), so a p95 of 20 samples lies between the 19th and 20th.
 */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile ${q} is outside 0..1`);
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}

export function median(samples: readonly number[]): number {
  return quantile(samples, 0.5);
}

export function summarise(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** How many times slower `ours` is than `baseline` (both durations); > 1 means slower. */
export function slowdown(ours: number, baseline: number): number {
  return baseline > 0 ? ours / baseline : Number.POSITIVE_INFINITY;
}
