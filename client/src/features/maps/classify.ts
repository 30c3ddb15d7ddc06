// Classed choropleths: a real classification of the mapped values (quantiles, or Jenks-style
// natural breaks by ckmeans) and a ColorBrewer sequential palette, one colour per class.
import { scaleSqrt, scaleThreshold } from 'd3-scale';
import { schemeBlues } from 'd3-scale-chromatic';
import { ckmeans, quantileSorted } from 'simple-statistics';

import type { ClassMethod } from './class-methods';

/** Five classes read well on a legend and stay apart in a single-hue palette. */
export const MAX_CLASSES = 5;

/** Fill for units without a value; the legend and the tables say "no data" in words as well. */
export const NO_DATA_COLOUR = '#d9d9d9';

export interface ClassBin {
  /** Smallest and largest mapped value in the class (the legend states both). */
  from: number;
  to: number;
  colour: string;
  /** Units in the class. */
  count: number;
}

export interface Classification {
  /** A value ≥ thresholds[i] belongs to class i + 1 or above. */
  thresholds: number[];
  bins: ClassBin[];
  /** Class index (0-based) of a value, or null for a missing one. */
  classOf: (value: number | null) => number | null;
  colourOf: (value: number | null) => string;
}

/** ColorBrewer "Blues" (sequential, colour-blind safe) with `count` colours; it is defined for 3–9. */
export function sequentialPalette(count: number): readonly string[] {
  if (count <= 0) return [];
  const scheme = schemeBlues[Math.min(9, Math.max(3, count))] ?? [];
  if (count === 1) return [scheme[scheme.length - 1] ?? '#08519c'];
  if (count === 2) return [scheme[0] ?? '#deebf7', scheme[scheme.length - 1] ?? '#08519c'];
  return scheme.slice(0, count);
}

function rawThresholds(sorted: number[], method: ClassMethod, classes: number): number[] {
  if (method === 'ckmeans') {
    // Each cluster after the first starts at its smallest value.
    return ckmeans(sorted, classes)
      .slice(1)
      .map((cluster) => cluster[0] ?? 0);
  }
  const thresholds: number[] = [];
  let previous = sorted[0] ?? 0;
  for (let index = 1; index < classes; index++) {
    const cut = quantileSorted(sorted, index / classes);
    // Ties can put a cut on (or below) the previous one: start the class at the next larger value
    // instead, so heavily repeated values (many zeros) do not swallow every other class.
    const threshold = cut > previous ? cut : sorted.find((value) => value > previous);
    if (threshold === undefined) break;
    thresholds.push(threshold);
    previous = threshold;
  }
  return thresholds;
}

/** Thresholds that leave no class empty: each class starts at its smallest member. */
function thresholdsOf(sorted: number[], method: ClassMethod, classes: number): number[] {
  const raw = rawThresholds(sorted, method, classes);
  const starts = new Map<number, number>();
  for (const value of sorted) {
    const index = raw.filter((threshold) => value >= threshold).length;
    if (!starts.has(index)) starts.set(index, value);
  }
  return [...starts.values()].slice(1);
}

/**
 * Classifies the values that exist (nulls and non-finite values are left out and drawn as "no data").
 * Never makes more classes than there are distinct values.
 */
export function classify(
  values: readonly (number | null)[],
  method: ClassMethod,
  maxClasses = MAX_CLASSES,
): Classification {
  const sorted = values
    .filter((value): value is number => value !== null && Number.isFinite(value))
    .sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  const thresholds = distinct === 0 ? [] : thresholdsOf(sorted, method, Math.min(maxClasses, distinct));
  const palette = sequentialPalette(thresholds.length + 1);
  const scale = scaleThreshold<number, number>()
    .domain(thresholds)
    .range(palette.map((_, index) => index));
  const classOf = (value: number | null) => (value === null || !Number.isFinite(value) ? null : scale(value));

  const bins: ClassBin[] = [];
  for (const value of sorted) {
    const index = scale(value);
    const bin = bins[index];
    if (bin) {
      bin.to = value;
      bin.count += 1;
    } else {
      bins[index] = { from: value, to: value, colour: palette[index] ?? NO_DATA_COLOUR, count: 1 };
    }
  }
  return {
    thresholds,
    // Every class has a member by construction; the filter only satisfies sparse-array typing.
    bins: bins.filter((bin): bin is ClassBin => bin !== undefined),
    classOf,
    colourOf: (value) => {
      const index = classOf(value);
      return index === null ? NO_DATA_COLOUR : (palette[index] ?? NO_DATA_COLOUR);
    },
  };
}

/** Radius in pixels for a point sized by value: by area (square root), so 4× the value looks 4× as big. */
export function pointRadius(values: readonly (number | null)[]): (value: number | null) => number {
  const max = Math.max(0, ...values.filter((value): value is number => value !== null && Number.isFinite(value)));
  const scale = scaleSqrt()
    .domain([0, max || 1])
    .range([3, 13])
    .clamp(true);
  return (value) => (value === null || !Number.isFinite(value) || value < 0 ? 3 : scale(value));
}
