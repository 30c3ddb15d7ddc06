// Timing loops. Ours and its baseline run interleaved (ours, baseline, ours, baseline, …) so a noisy
// neighbour or a cache warming up affects both sides alike and the ratio stays meaningful.
import { type Summary, summarise } from './stats';

export interface SampleOptions {
  /** Untimed runs first (caches, JIT, prepared statements). */
  warmup: number;
  /** Timed runs, at most. */
  iterations: number;
  /** Stop early once this much time went into timed runs (at least `minIterations` are always taken). */
  maxSeconds: number;
  minIterations: number;
}

export const DEFAULT_SAMPLING: SampleOptions = { warmup: 3, iterations: 30, maxSeconds: 25, minIterations: 10 };

export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export interface Paired {
  ours: Summary;
  baseline: Summary;
}

/**
 * Times `ours` and `baseline` alternately. `iteration` is passed to both, so a case can use fresh
 * inputs each time (e.g. a different unit's form). Durations are in milliseconds.
 */
export async function samplePair(
  ours: (iteration: number) => Promise<unknown>,
  baseline: (iteration: number) => Promise<unknown>,
  options: SampleOptions,
): Promise<Paired> {
  for (let i = 0; i < options.warmup; i++) {
    await ours(-1 - i);
    await baseline(-1 - i);
  }
  const oursMs: number[] = [];
  const baselineMs: number[] = [];
  let spent = 0;
  for (let i = 0; i < options.iterations; i++) {
    if (i >= options.minIterations && spent > options.maxSeconds * 1000) break;
    const a = await timeOnce(() => ours(i));
    const b = await timeOnce(() => baseline(i));
    oursMs.push(a);
    baselineMs.push(b);
    spent += a + b;
  }
  return { ours: summarise(oursMs), baseline: summarise(baselineMs) };
}
