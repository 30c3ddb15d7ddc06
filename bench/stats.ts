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

/** One 60 Hz frame, ms: what a frame takes when nothing is late. */
export const FRAME_MS = 1000 / 60;
/**
 * requestAnimationFrame's clock is rounded to 0.1 ms in Chromium, so a frame on time reads 16.6 or
 * 16.7 ms and one late by a vsync 33.3 or 33.4: thresholds allow this much for the rounding.
 */
const CLOCK_SLACK_MS = 0.5;

/** Frame times (ms between animation frames) while something ran, and the long tasks seen meanwhile. */
export interface FrameSummary {
  frames: number;
  median: number;
  p95: number;
  p99: number;
  /** Share (0–1) of frames longer than one 60 Hz frame: at least one vsync missed. */
  overFrame: number;
  /** Share (0–1) of frames longer than 50 ms: a stutter anyone sees. */
  over50: number;
  longest: number;
  /** Main-thread tasks over 50 ms (PerformanceObserver 'longtask'). */
  longTasks: number;
}

export function summariseFrames(frameMs: readonly number[], longTasks = 0): FrameSummary {
  const share = (limit: number) => frameMs.filter((ms) => ms > limit + CLOCK_SLACK_MS).length / frameMs.length;
  return {
    frames: frameMs.length,
    median: quantile(frameMs, 0.5),
    p95: quantile(frameMs, 0.95),
    p99: quantile(frameMs, 0.99),
    overFrame: share(FRAME_MS),
    over50: share(50),
    longest: Math.max(...frameMs),
    longTasks,
  };
}
