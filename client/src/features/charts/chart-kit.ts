// Shared by the recharts modules: number formatting for axes and tooltips, and the palettes.

export type Format = (value: number) => string;

/** Okabe–Ito: eight colours told apart with every common colour-vision deficiency. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const ACTUAL = '#08519c';
export const TARGET = '#b35806';

export function tooltipFormatter(format: Format) {
  return (value: unknown) => (typeof value === 'number' ? format(value) : '–');
}
