// Progress toward target in four bands. Each band has a symbol and a word as well as a colour, so
// the scorecard never relies on colour alone (WCAG 1.4.1); the tints are ColorBrewer RdYlBu, which
// stays distinguishable with the common colour-vision deficiencies, under dark text (contrast > 7:1).

export const PROGRESS_BANDS = ['onTarget', 'close', 'behind', 'farBehind'] as const;
export type ProgressBand = (typeof PROGRESS_BANDS)[number] | 'noTarget';

export const BAND_STYLE: Record<ProgressBand, { symbol: string; background: string }> = {
  onTarget: { symbol: '✓', background: '#abd9e9' },
  close: { symbol: '◐', background: '#e0f3f8' },
  behind: { symbol: '▽', background: '#fee090' },
  farBehind: { symbol: '✕', background: '#fdae61' },
  noTarget: { symbol: '–', background: 'transparent' },
};

/** ≥ 100 % on target, ≥ 75 % close, ≥ 50 % behind, below that far behind; null: no target or no value. */
export function progressBand(progress: number | null): ProgressBand {
  if (progress === null || !Number.isFinite(progress)) return 'noTarget';
  if (progress >= 100) return 'onTarget';
  if (progress >= 75) return 'close';
  if (progress >= 50) return 'behind';
  return 'farBehind';
}
