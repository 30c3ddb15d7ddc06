// The scorecard's matrix: municipalities × indicators, each cell the municipality's figure from its
// parent's by-unit breakdown. Pure, so the join is tested without the API.
import type { Analytics, AnalyticsRow } from '../analytics/queries';

export type ScorecardCell = Pick<
  AnalyticsRow,
  'value' | 'target' | 'progress' | 'includesUnapproved' | 'unapprovedValues' | 'unitsReporting'
>;

export interface ScorecardRow {
  code: string;
  name: string;
  /** By indicator code; absent when no breakdown answered for the municipality. */
  cells: Record<string, ScorecardCell | undefined>;
}

export function buildScorecard(
  municipalities: readonly { code: string; name: string }[],
  answers: readonly (Analytics | undefined)[],
): ScorecardRow[] {
  const cells = new Map<string, Record<string, ScorecardCell>>();
  for (const answer of answers) {
    if (!answer) continue;
    for (const row of answer.rows) {
      if (row.own) continue;
      const byIndicator = cells.get(row.key) ?? {};
      byIndicator[answer.indicator.code] = {
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
