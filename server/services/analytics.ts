// The rules of an analytics request: which indicators, units, quarters and breakdown it names, whether
// that combination makes sense (with the allowed values when it does not), and what the reader may see.
// The figures themselves come from db/queries/analytics.ts, a fixed number of statements per request.
import type { Kysely } from 'kysely';
import { lastCompleteQuarter, quarterId, quartersEndingWith } from '../../db/periods';
import {
  type Aggregate,
  type AnalyticsIndicator,
  type AnalyticsScope,
  aggregateIndicators,
  BREAKDOWNS,
  type Breakdown,
  type BreakdownUnit,
  emptyFigure,
  type Figure,
  findAnalyticsProject,
  listBreakdownUnits,
  listKindsBelow,
} from '../../db/queries/analytics';
import type { Visibility } from '../../db/queries/data-values';
import { type CodeName, describeIndicators, type IndicatorSummary } from '../../db/queries/indicators';
import { findOrgUnitScope, type OrgUnitSummary } from '../../db/queries/org-units';
import type { Database, Locale, UnitKind } from '../../db/schema';
import { type ErrorBody, errorBody } from '../lib/errors';
import { type MetadataMemo, NO_MEMO } from '../lib/metadata-memo';

/** Quarters analysed when the request names none: the last four complete ones. */
export const DEFAULT_QUARTERS = 4;

export interface AnalyticsRequest {
  /** Indicator codes, at least one; repeated codes count once. */
  indicators: readonly string[];
  orgUnit?: string | undefined;
  /** Quarter ids; default: the last four complete quarters. */
  periods?: readonly string[] | undefined;
  by: Breakdown;
  level?: UnitKind | undefined;
  category?: string | undefined;
  project?: string | undefined;
  locale: Locale;
}

export interface IndicatorAnalytics {
  /** The indicator as /api/indicators describes it, in the reader's language. */
  described: IndicatorSummary;
  aggregate: Aggregate;
  /** The figure of a bucket without values or targets. */
  empty: Figure;
}

export interface AnalyticsResult {
  /** In the order the request named them. */
  indicators: IndicatorAnalytics[];
  /** The unit whose subtree is aggregated (null: the programme). */
  scope: OrgUnitSummary | null;
  quarters: string[];
  category: CodeName | null;
  project: CodeName | null;
  /** By unit: the rows' units (children, or the units of the level), whether or not they have data. */
  units: BreakdownUnit[];
}

export type AnalyticsOutcome =
  | { ok: true; result: AnalyticsResult }
  | { ok: false; status: 400 | 404; error: ErrorBody };

const notFound = (code: string, message: string, details?: unknown): AnalyticsOutcome => ({
  ok: false,
  status: 404,
  error: errorBody(code, message, details),
});

const invalid = (code: string, message: string, details: unknown): AnalyticsOutcome => ({
  ok: false,
  status: 400,
  error: errorBody(code, message, details),
});

function quoted(codes: readonly string[]): string {
  return codes.map((code) => `"${code}"`).join(', ');
}

/**
 * With a memo, the metadata (indicators, units, project, breakdown rows) is read once per data generation
 * and the answer costs the generation's read and the figures' statements.
 */
export async function analyse(
  db: Kysely<Database>,
  request: AnalyticsRequest,
  visibility: Visibility,
  now: Date,
  memo?: MetadataMemo,
): Promise<AnalyticsOutcome> {
  const { locale, by, level } = request;
  const codes = [...new Set(request.indicators)];
  const quarters = request.periods
    ? [...request.periods]
    : quartersEndingWith(lastCompleteQuarter(now), DEFAULT_QUARTERS).map((quarter) => quarterId(quarter));

  const metadata = memo ? await memo.view(db) : NO_MEMO;
  const { orgUnit, project: projectCode } = request;
  // Keys are JSON arrays: a code from the query string can hold any character, and is never mistaken for two.
  const [described, scopeUnit, project] = await Promise.all([
    metadata.get(JSON.stringify(['indicators', locale, ...[...codes].sort()]), () =>
      describeIndicators(db, { codes, locale }),
    ),
    orgUnit === undefined
      ? null
      : metadata.get(JSON.stringify(['unit', locale, orgUnit]), () => findOrgUnitScope(db, orgUnit, locale)),
    projectCode === undefined
      ? null
      : metadata.get(JSON.stringify(['project', locale, projectCode]), () =>
          findAnalyticsProject(db, projectCode, locale),
        ),
  ]);
  const describedOf = new Map(described.map((indicator) => [indicator.summary.code, indicator]));
  const unknown = codes.filter((code) => !describedOf.has(code));
  if (unknown.length > 0) {
    const message =
      unknown.length === 1
        ? `No indicator has the code ${quoted(unknown)}.`
        : `No indicators have the codes ${quoted(unknown)}.`;
    return notFound('indicator_not_found', message, [{ field: 'indicator', message, unknown }]);
  }
  if (scopeUnit === undefined) {
    return notFound('org_unit_not_found', `No org unit has the code "${request.orgUnit}".`);
  }
  if (project === undefined) {
    return notFound('project_not_found', `No project has the code "${request.project}".`);
  }
  const indicators = codes.flatMap((code) => {
    const found = describedOf.get(code);
    if (!found) return [];
    const { id, disaggregationId, summary } = found;
    const indicator: AnalyticsIndicator = {
      id,
      code,
      aggregationType: summary.aggregationType,
      periodicity: summary.periodicity,
      direction: summary.direction,
      countThreshold: summary.countThreshold,
      stageMax: summary.stageMax,
      disaggregationId,
    };
    return [{ indicator, summary }];
  });

  if (by === 'option') {
    const flat = indicators.filter(({ summary }) => summary.disaggregation.categories.length === 0);
    if (flat.length > 0) {
      const allowed = BREAKDOWNS.filter((breakdown) => breakdown !== 'option');
      const names = flat.map(({ indicator }) => indicator.code).join(', ');
      return invalid(
        'invalid_breakdown',
        `${flat.length === 1 ? 'Indicator' : 'Indicators'} ${names} ${flat.length === 1 ? 'is' : 'are'} not ` +
          `disaggregated: by must be one of ${allowed.join(', ')}.`,
        [{ field: 'by', message: `Expected one of: ${allowed.join(', ')}`, allowed }],
      );
    }
  }

  // A category every requested indicator is disaggregated by.
  const [first, ...others] = indicators.map(({ summary }) => summary.disaggregation.categories);
  const shared = (first ?? []).filter((category) =>
    others.every((categories) => categories.some((other) => other.code === category.code)),
  );
  const category = request.category === undefined ? undefined : shared.find((cat) => cat.code === request.category);
  if (request.category !== undefined && (by !== 'option' || !category)) {
    const allowed = shared.map((cat) => cat.code);
    const message =
      by !== 'option'
        ? 'category applies only with by=option'
        : allowed.length === 0
          ? `${indicators.length === 1 ? `Indicator ${codes[0]} has` : `Indicators ${codes.join(', ')} share`} no categories`
          : `Expected one of: ${allowed.join(', ')}`;
    return invalid('invalid_category', `Invalid category "${request.category}": ${message}.`, [
      { field: 'category', message, allowed },
    ]);
  }

  const scope: AnalyticsScope | null = scopeUnit && { id: scopeUnit.id, path: scopeUnit.path, level: scopeUnit.level };
  if (level !== undefined) {
    // The kinds actually below the unit: a municipality sits at depth 3 in one country and 4 in another.
    const allowed = await metadata.get(JSON.stringify(['kinds', scope?.id ?? null]), () => listKindsBelow(db, scope));
    const where = scopeUnit ? scopeUnit.summary.code : 'the programme';
    const message =
      by !== 'unit'
        ? 'level applies only with by=unit'
        : allowed.length === 0
          ? `${where} has no units below it`
          : `Expected one of the kinds of unit below ${where}: ${allowed.join(', ')}`;
    if (by !== 'unit' || !allowed.includes(level)) {
      return invalid('invalid_level', `Invalid level "${level}": ${message}.`, [{ field: 'level', message, allowed }]);
    }
  }

  const [aggregates, units] = await Promise.all([
    aggregateIndicators(db, {
      indicators: indicators.map(({ indicator }) => indicator),
      scope,
      quarters,
      by,
      level,
      category: category?.code,
      projectId: project?.id,
      visibility,
    }),
    by === 'unit'
      ? metadata.get(JSON.stringify(['units', locale, scope?.id ?? null, level ?? null, project?.id ?? null]), () =>
          listBreakdownUnits(db, { scope, level, projectId: project?.id, locale }),
        )
      : [],
  ]);
  return {
    ok: true,
    result: {
      indicators: indicators.map(({ indicator, summary }) => ({
        described: summary,
        aggregate: aggregates.get(indicator.code) ?? { total: emptyFigure(indicator), rows: new Map() },
        empty: emptyFigure(indicator),
      })),
      scope: scopeUnit?.summary ?? null,
      quarters,
      category: category ? { code: category.code, name: category.name } : null,
      project: project ? { code: project.code, name: project.name } : null,
      units,
    },
  };
}
