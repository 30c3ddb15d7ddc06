import { describe, expect, test } from 'vitest';
import { DEFAULT_SAMPLING, samplePair } from '../../bench/measure';
import { FRAME_MS, median, quantile, slowdown, summarise, summariseFrames } from '../../bench/stats';

describe('bench statistics', () => {
  test.each([
    [[5], 0.5, 5],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0.5, 2.5],
    [[10, 20], 0.95, 19.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95, 19.05],
    [[3, 1, 2], 0, 1],
    [[3, 1, 2], 1, 3],
  ])('quantile(%j, %d) = %d (linear between closest ranks)', (samples, q, expected) => {
    expect(quantile(samples, q)).toBeCloseTo(expected, 10);
  });

  test('a p95 of 100 samples lies between the 95th and 96th smallest, whatever their order', () => {
    const samples = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    expect(quantile(samples, 0.95)).toBeCloseTo(95.05, 10);
    expect(median(samples)).toBeCloseTo(50.5, 10);
  });

  test('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    summarise(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  test('summarise gives count, median, p95, min and max', () => {
    const summary = summarise([1, 2, 3, 4, 100]);
    expect(summary).toMatchObject({ n: 5, median: 3, min: 1, max: 100 });
    expect(summary.p95).toBeCloseTo(80.8, 10);
  });

  test.each([
    [[], 0.5],
    [[1], 1.5],
    [[1], -0.1],
  ])('quantile(%j, %d) refuses', (samples, q) => {
    expect(() => quantile(samples, q)).toThrow();
  });

  test('slowdown is ours over the baseline, infinite against a zero baseline', () => {
    expect(slowdown(30, 10)).toBe(3);
    expect(slowdown(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  test('samplePair interleaves ours and the baseline, warm-ups untimed and numbered below zero', async () => {
    const calls: string[] = [];
    const result = await samplePair(
      async (i) => calls.push(`ours ${i}`),
      async (i) => calls.push(`base ${i}`),
      { ...DEFAULT_SAMPLING, warmup: 1, iterations: 2, minIterations: 2 },
    );
    expect(calls).toEqual(['ours -1', 'base -1', 'ours 0', 'base 0', 'ours 1', 'base 1']);
    expect(result.ours.n).toBe(2);
    expect(result.baseline.n).toBe(2);
  });
});

describe('frame times', () => {
  test('a smooth minute at 60 Hz: nothing late, on rAF’s 0.1 ms clock', () => {
    const frames = Array.from({ length: 3600 }, (_, i) => (i % 3 === 0 ? 16.6 : 16.7));
    const summary = summariseFrames(frames);
    expect(summary).toMatchObject({ frames: 3600, overFrame: 0, over50: 0, longest: 16.7, longTasks: 0 });
    expect(summary.p95).toBeCloseTo(16.7, 10);
  });

  test('frames late by one vsync count as over a frame; only stutters longer than 50 ms as over 50', () => {
    // 90 on time, 6 late by one vsync, 2 by two (50.0 ms: not over 50), 2 long stalls.
    const frames = [...Array(90).fill(FRAME_MS), ...Array(6).fill(33.4), 50.0, 50.1, 66.7, 120];
    const summary = summariseFrames(frames, 3);
    expect(summary.overFrame).toBeCloseTo(0.1, 10);
    expect(summary.over50).toBeCloseTo(0.02, 10);
    expect(summary.longest).toBe(120);
    expect(summary.longTasks).toBe(3);
    expect(summary.median).toBeCloseTo(FRAME_MS, 10);
    // p95 sits among the one-vsync-late frames: 30 fps at worst for 95 % of frames.
    expect(summary.p95).toBeCloseTo(33.4, 10);
    expect(summary.p99).toBeGreaterThan(66.7);
  });
});
