// The scorecard's matrix: municipalities × indicators, each cell the municipality's figure from one
// request naming every indicator, by unit at municipal level. Pure, so the join is tested without the API.
import type { AnalyticsIndicatorFigures, AnalyticsRow } from '../analytics/queries';

export type ScorecardCell = Pick<
  AnalyticsRow,
  'value' | 'target' | 'progress' | 'includesUnapproved' | 'unapprovedValues' | 'unitsReporting'
>;

export interface ScorecardRow {
  code: string;
  name: string;
  /** By indicator code; absent when the answer has no row for the municipality. */
  cells: Record<string, ScorecardCell | undefined>;
}

export function buildScorecard(
  municipalities: readonly { code: string; name: string }[],
  figures: readonly AnalyticsIndicatorFigures[],
): ScorecardRow[] {
  const cells = new Map<string, Record<string, ScorecardCell>>();
  for (const { indicator, rows } of figures) {
    for (const row of rows) {
      // Values above the municipalities (the council's own, a province's) are not any municipality's.
      if (row.own) continue;
      const byIndicator = cells.get(row.key) ?? {};
      byIndicator[indicator.code] = {
        value: row.value,
        target: row.target,
        progress: row.progress,
        includesUnapproved: row.includesUnapproved,
        unapprovedValues: row.unapprovedValues,
        unitsReporting: row.unitsReporting,
      };
      cells.set(row.key, byIndicator);
    }
  }
  return municipalities
    .map((unit) => ({ code: unit.code, name: unit.name, cells: cells.get(unit.code) ?? {} }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
