// A regional council's page: how its municipalities stand against their targets (scorecard), how
// they report (completeness and timeliness per quarter), how each one is trending, and which
// reports wait for the council's review. Staff see unapproved values of their subtree, marked.
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../components/export-buttons';
import { usePeriodLabel } from '../../components/formatted';
import { PageHeader } from '../../components/page-header';
import { QueriesState } from '../../components/queries-state';
import { EmptyState, QueryState, SkeletonLines, SkeletonTable } from '../../components/query-state';
import { useLocale } from '../../i18n/use-locale';
import { describeFailure, isNotFound } from '../../lib/api';
import type { ExportContext, ExportTable } from '../../lib/export';
import { formatDate, formatNumber } from '../../lib/format';
import { usePeriodRangeLabel } from '../analytics/controls';
import { useAnalyticsExportContext } from '../analytics/export-context';
import { ProgressBadge, UnapprovedMark, useFormatFigure, useFormatPercent } from '../analytics/figures';
import { BAND_STYLE, PROGRESS_BANDS } from '../analytics/progress';
import {
  type Analytics,
  type Completeness,
  type Indicator,
  useAnalytics,
  useAnalyticsList,
  useCompleteness,
  useIndicators,
} from '../analytics/queries';
import { compactSearch } from '../analytics/search';
import { type DashboardView, useDashboardView, ViewControls } from '../analytics/view';
import { useMe } from '../auth/session';
import { ChartFigure, LazyGroupedBarChart, LazyTrendChart } from '../charts/chart-figure';
import { useTrendPoints } from '../charts/trend';
import { type OrgUnitDetail, useCountry } from '../countries/queries';
import { usePoints } from '../maps/queries';
import { useProjects } from '../projects/queries';
import { scorecardIndicators, useProjectDetails, useReportsToReview } from './queries';
import { buildScorecard, type ScorecardRow } from './scorecard';

const route = getRouteApi('/regions/$code');

interface Municipality {
  code: string;
  name: string;
}

/** Completeness bars: on time, late, missing, pending make up what was expected. */
const COMPLETENESS_SERIES = ['onTime', 'late', 'missing', 'pending'] as const;
const COMPLETENESS_COLOURS = ['#2c7bb6', '#abd9e9', '#d7191c', '#bababa'];

export function RegionPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const unit = useCountry(code);
  if (unit.isError && isNotFound(unit.error)) {
    return (
      <>
        <PageHeader title={t('region.title')} />
        <EmptyState>{t('countries.notFound', { code })}</EmptyState>
      </>
    );
  }
  return (
    <QueryState
      query={unit}
      what={t('countries.unitWhat')}
      skeleton={
        <>
          <span className="skeleton skeleton-title" />
          <SkeletonTable rows={8} />
        </>
      }
    >
      {(data) => <RegionView detail={data} />}
    </QueryState>
  );
}

function RegionView({ detail }: { detail: OrgUnitDetail }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe();
  const view = useDashboardView(search);
  const { unit } = detail;
  const points = usePoints({ parent: unit.code, kind: 'municipality' });
  const municipalities: Municipality[] = (points.data?.features ?? [])
    .map((feature) => ({
      code: feature.properties.code,
      name: feature.properties.name,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const user = me.data?.user ?? null;
  const staff = user !== null && user.role !== 'donor';

  return (
    <>
      <p className="back-link">
        <Link to="/countries/$code" params={{ code: unit.code }}>
          {t('region.unitPage', { name: unit.name })}
        </Link>
      </p>
      <PageHeader title={t('region.heading', { name: unit.name })}>
        <p className="lede">{t('region.intro', { name: unit.name })}</p>
        <p className="panel-note">{staff ? t('region.staffData') : t('region.approvedData')}</p>
      </PageHeader>

      <ViewControls
        view={view}
        onChange={(change) =>
          void navigate({ search: (previous) => compactSearch({ ...previous, ...change }), resetScroll: false })
        }
      />

      <QueriesState queries={[points]} what={t('region.municipalitiesWhat')} skeleton={<SkeletonTable rows={8} />}>
        {() =>
          municipalities.length === 0 ? (
            <EmptyState>{t('region.noMunicipalities', { name: unit.name })}</EmptyState>
          ) : (
            <>
              <Scorecard detail={detail} municipalities={municipalities} view={view} />
              <CompletenessSection unitCode={unit.code} unitName={unit.name} view={view} />
              <Trends municipalities={municipalities} view={view} />
            </>
          )
        }
      </QueriesState>

      <ReviewQueue unitCode={unit.code} unitName={unit.name} signedIn={user !== null} />
    </>
  );
}

/** The scorecard's indicators: those the region's projects report at municipal level. */
function useScorecardIndicators(detail: OrgUnitDetail, municipalities: Municipality[]) {
  const country = detail.unit.kind === 'country' ? detail.unit : (detail.ancestors[0] ?? detail.unit);
  const projects = useProjects({ country: country.code });
  const details = useProjectDetails((projects.data?.items ?? []).map((project) => project.code));
  const indicators = useIndicators();
  const loaded = details.flatMap((query) => (query.data ? [query.data] : []));
  const codes =
    projects.data && indicators.data && loaded.length === details.length
      ? scorecardIndicators(loaded, new Set(municipalities.map((unit) => unit.code)), indicators.data)
      : null;
  const byCode = new Map((indicators.data ?? []).map((indicator) => [indicator.code, indicator]));
  return {
    queries: [projects, indicators, ...details],
    indicators: codes?.flatMap((code) => byCode.get(code) ?? []) ?? null,
  };
}

function Scorecard({
  detail,
  municipalities,
  view,
}: {
  detail: OrgUnitDetail;
  municipalities: Municipality[];
  view: DashboardView;
}) {
  const { t } = useTranslation();
  const rangeLabel = usePeriodRangeLabel();
  const { queries, indicators } = useScorecardIndicators(detail, municipalities);
  const codes = indicators?.map((indicator) => indicator.code) ?? [];
  // One request for the whole matrix: every indicator, a row per municipality across the provinces.
  const answer = useAnalytics(
    codes.length > 0 && view.range
      ? {
          indicator: codes.join(','),
          orgUnit: detail.unit.code,
          periods: view.range,
          by: 'unit',
          level: 'municipality',
        }
      : null,
  );
  const exportContext = useAnalyticsExportContext();
  const rows = buildScorecard(municipalities, answer.data?.indicators ?? []);
  const heading = t('region.scorecardHeading');
  return (
    <section className="panel" aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading">{heading}</h2>
      {view.range ? <p className="panel-note">{t('region.scorecardNote', { range: rangeLabel(view.range) })}</p> : null}
      <BandLegend />
      <QueriesState
        queries={codes.length > 0 ? [...queries, answer] : queries}
        what={t('region.scorecardWhat')}
        skeleton={<SkeletonTable rows={municipalities.length} />}
      >
        {() =>
          !indicators || indicators.length === 0 ? (
            <EmptyState>{t('region.noIndicators', { name: detail.unit.name })}</EmptyState>
          ) : (
            <ScorecardTable
              rows={rows}
              indicators={indicators}
              caption={heading}
              regionName={detail.unit.name}
              context={answer.data ? exportContext(answer.data, heading) : { title: heading, filters: [] }}
            />
          )
        }
      </QueriesState>
    </section>
  );
}

function BandLegend() {
  const { t } = useTranslation();
  return (
    <ul className="band-legend" aria-label={t('region.bandLegend')}>
      {PROGRESS_BANDS.map((band) => (
        <li key={band}>
          <span className="progress-badge" style={{ background: BAND_STYLE[band].background }}>
            <span aria-hidden="true">{BAND_STYLE[band].symbol}</span> {t(`region.bandRange.${band}`)}
          </span>
        </li>
      ))}
      <li>
        <span className="progress-badge">
          <span aria-hidden="true">{BAND_STYLE.noTarget.symbol}</span> {t('dash.noTarget')}
        </span>
      </li>
    </ul>
  );
}

function ScorecardTable({
  rows,
  indicators,
  caption,
  regionName,
  context,
}: {
  rows: ScorecardRow[];
  indicators: Indicator[];
  caption: string;
  regionName: string;
  context: ExportContext;
}) {
  const { t } = useTranslation();
  const formatFigure = useFormatFigure();
  const captionId = useId();
  // Numbers as numbers (the screen's formatting is for the screen), progress to one decimal.
  const read = (): ExportTable => ({
    header: [
      t('region.municipality'),
      ...indicators.flatMap((indicator) => [
        t('region.exportValue', { indicator: indicator.shortName }),
        t('region.exportProgress', { indicator: indicator.shortName }),
      ]),
    ],
    rows: rows.map((row) => [
      row.name,
      ...indicators.flatMap((indicator) => {
        const cell = row.cells[indicator.code];
        return [cell?.value ?? null, cell?.progress === null || !cell ? null : Math.round(cell.progress * 10) / 10];
      }),
    ]),
  });
  return (
    <>
      <div className="table-tools">
        <ExportButtons read={read} context={context} name={[t('region.scorecardHeading'), regionName]} />
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region must be reachable by keyboard. */}
      <section className="table-scroll scorecard" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table">
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('region.municipality')}</th>
              {indicators.map((indicator) => (
                <th scope="col" key={indicator.code} title={indicator.name}>
                  {indicator.shortName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link to="/countries/$code" params={{ code: row.code }}>
                    {row.name}
                  </Link>
                </th>
                {indicators.map((indicator) => {
                  const cell = row.cells[indicator.code];
                  if (!cell || cell.value === null) {
                    return (
                      <td key={indicator.code} className="scorecard-cell scorecard-empty">
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t('dash.noData')}</span>
                      </td>
                    );
                  }
                  const value = formatFigure(cell.value, indicator);
                  const target = cell.target === null ? t('dash.noTarget') : formatFigure(cell.target, indicator);
                  return (
                    <td key={indicator.code} className="scorecard-cell">
                      <ProgressBadge progress={cell.progress} detail={t('region.cellDetail', { value, target })} />
                      <span className="scorecard-value">
                        {value}
                        <UnapprovedMark figure={cell} />
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function CompletenessSection({
  unitCode,
  unitName,
  view,
}: {
  unitCode: string;
  unitName: string;
  view: DashboardView;
}) {
  const { t } = useTranslation();
  const rangeLabel = usePeriodRangeLabel();
  const completeness = useCompleteness(view.range ? { orgUnit: unitCode, periods: view.range, by: 'period' } : null);
  const heading = t('region.completenessHeading');
  const filters: ExportContext['filters'] = [[t('dash.area'), unitName]];
  if (view.range) filters.push([t('dash.periods'), rangeLabel(view.range)]);
  return (
    <section className="panel" aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">{heading}</h2>
      <QueryState
        query={completeness}
        what={t('region.completenessWhat')}
        skeleton={<SkeletonTable rows={4} />}
        isEmpty={(data) => data.total.expected === 0}
        empty={t('region.nothingExpected', { name: unitName })}
      >
        {(data) => (
          <CompletenessFigure data={data} caption={heading} unitName={unitName} context={{ title: heading, filters }} />
        )}
      </QueryState>
    </section>
  );
}

function CompletenessFigure({
  data,
  caption,
  unitName,
  context,
}: {
  data: Completeness;
  caption: string;
  unitName: string;
  context: ExportContext;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const formatPercent = useFormatPercent();
  const number = (value: number) => formatNumber(value, locale);
  const { total } = data;
  const series = COMPLETENESS_SERIES.map((key) => ({ key, name: t(`region.counts.${key}`) }));
  const chartData = data.rows.map((row) => ({
    label: periodLabel(row.key),
    onTime: row.onTime,
    late: row.late,
    missing: row.missing,
    pending: row.pending,
  }));
  const columns = ['expected', 'submitted', 'onTime', 'late', 'approved', 'missing', 'pending'] as const;
  const shownRows = [...data.rows, { ...total, key: 'total', name: '' }];
  const quarter = (key: string) => (key === 'total' ? t('region.total') : periodLabel(key));
  const read = (): ExportTable => ({
    header: [t('chart.quarter'), ...columns.map((column) => t(`region.counts.${column}`)), t('region.timeliness')],
    rows: shownRows.map((row) => [
      quarter(row.key),
      ...columns.map((column) => row[column]),
      row.expected ? Math.round((row.onTime / row.expected) * 1000) / 10 : null,
    ]),
  });
  return (
    <>
      <ChartFigure
        title={t('region.completenessChart', { name: unitName })}
        headingLevel={3}
        summary={t('region.completenessSummary', {
          submitted: number(total.submitted),
          expected: number(total.expected),
          share: formatPercent(total.expected ? (total.submitted / total.expected) * 100 : 0),
          onTime: number(total.onTime),
          missing: number(total.missing),
        })}
      >
        <LazyGroupedBarChart
          data={chartData}
          series={series}
          stacked
          colours={COMPLETENESS_COLOURS}
          format={(value) => formatNumber(value, locale)}
        />
      </ChartFigure>
      <div className="table-tools">
        <ExportButtons read={read} context={context} name={[caption, unitName]} />
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.quarter')}</th>
              {columns.map((column) => (
                <th scope="col" className="numeric" key={column}>
                  {t(`region.counts.${column}`)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('region.timeliness')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shownRows.map((row) => (
              <tr key={row.key} className={row.key === 'total' ? 'total-row' : undefined}>
                <th scope="row">{quarter(row.key)}</th>
                {columns.map((column) => (
                  <td className="numeric" key={column}>
                    {number(row[column])}
                  </td>
                ))}
                <td className="numeric">{row.expected ? formatPercent((row.onTime / row.expected) * 100) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Each municipality's quarters for the chosen indicator, as small multiples on one scale of time. */
function Trends({ municipalities, view }: { municipalities: Municipality[]; view: DashboardView }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const selectId = useId();
  const ready = view.ready;
  const answers = useAnalyticsList(
    ready ? municipalities.map((unit) => ({ ...ready, orgUnit: unit.code, by: 'period' as const })) : [],
  );
  const name = view.indicator?.shortName ?? '';
  const highlighted = municipalities.find((unit) => unit.code === search.municipality)?.code;
  return (
    <section className="panel" aria-labelledby="trends-heading">
      <h2 id="trends-heading">{t('region.trendsHeading', { indicator: name })}</h2>
      <div className="field trends-highlight">
        <label htmlFor={selectId}>{t('region.highlight')}</label>
        <select
          id={selectId}
          value={highlighted ?? ''}
          onChange={(event) =>
            void navigate({
              search: (previous) => compactSearch({ ...previous, municipality: event.target.value || undefined }),
              resetScroll: false,
            })
          }
        >
          <option value="">{t('region.highlightNone')}</option>
          {municipalities.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      <QueriesState queries={answers} what={t('region.trendsWhat')} skeleton={<SkeletonLines lines={6} />}>
        {() => (
          <ul className="small-multiples">
            {municipalities.map((unit, index) => {
              const data = answers[index]?.data;
              return data ? (
                <SmallMultiple key={unit.code} unit={unit} data={data} highlighted={unit.code === highlighted} />
              ) : null;
            })}
          </ul>
        )}
      </QueriesState>
    </section>
  );
}

function SmallMultiple({ unit, data, highlighted }: { unit: Municipality; data: Analytics; highlighted: boolean }) {
  const { t } = useTranslation();
  const { points, format, summary } = useTrendPoints(data);
  const empty = points.every((point) => point.value === null);
  return (
    <li className={highlighted ? 'small-multiple small-multiple-highlighted' : 'small-multiple'}>
      <ChartFigure title={unit.name} headingLevel={3} summary={empty ? t('region.noValues') : summary}>
        {empty ? null : (
          <LazyTrendChart
            data={points}
            format={format}
            valueLabel={t('chart.actual')}
            targetLabel={t('chart.target')}
            height={150}
            compact
            highlight={highlighted}
          />
        )}
      </ChartFigure>
    </li>
  );
}

/** Reports submitted below this unit and not yet approved, with a link to review each. */
function ReviewQueue({ unitCode, unitName, signedIn }: { unitCode: string; unitName: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const reports = useReportsToReview(unitCode, signedIn);
  const heading = t('region.reviewHeading');
  const forbidden = reports.isError && [401, 403].includes(describeFailure(reports.error).status ?? 0);
  return (
    <section className="panel" aria-labelledby="review-heading">
      <h2 id="review-heading">{heading}</h2>
      {!signedIn ? (
        <p className="empty-state">
          {t('region.reviewSignIn')}{' '}
          <Link to="/login" search={{ redirect: `/regions/${unitCode}` }}>
            {t('region.signIn')}
          </Link>
        </p>
      ) : forbidden ? (
        <EmptyState>{t('region.reviewForbidden')}</EmptyState>
      ) : (
        <QueryState
          query={reports}
          what={t('region.reviewWhat')}
          skeleton={<SkeletonTable rows={3} />}
          isEmpty={(data) => data.items.length === 0}
          empty={t('region.reviewEmpty')}
        >
          {(data) => (
            <>
              {data.truncated ? <ReviewTruncated shown={data.items.length} total={data.total} /> : null}
              <ReportsTable reports={data.items} caption={heading} unitName={unitName} />
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}

/** The server lists the first reports only: say so, and where the whole list can be narrowed down. */
function ReviewTruncated({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <p className="notice notice-warning">
      {t('region.reviewTruncated', { shown: formatNumber(shown, locale), total: formatNumber(total, locale) })}{' '}
      <Link to="/review">{t('region.reviewOpenQueue')}</Link>
    </p>
  );
}

type ReportToReview = NonNullable<ReturnType<typeof useReportsToReview>['data']>['items'][number];

function ReportsTable({
  reports,
  caption,
  unitName,
}: {
  reports: ReportToReview[];
  caption: string;
  unitName: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const periodLabel = usePeriodLabel();
  const read = (): ExportTable => ({
    header: [
      t('region.municipality'),
      t('chart.quarter'),
      t('region.submittedOn'),
      t('region.deadline'),
      t('region.values'),
    ],
    // Times and dates in ISO 8601, which spreadsheets sort and convert.
    rows: reports.map((report) => [
      report.orgUnit.name,
      periodLabel(report.period),
      report.submittedAt,
      report.deadline,
      report.values,
    ]),
  });
  return (
    <>
      <div className="table-tools">
        <ExportButtons
          read={read}
          context={{ title: caption, filters: [[t('dash.area'), unitName]] }}
          name={[caption, unitName]}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('region.municipality')}</th>
              <th scope="col">{t('chart.quarter')}</th>
              <th scope="col">{t('region.submittedOn')}</th>
              <th scope="col">{t('region.deadline')}</th>
              <th scope="col" className="numeric">
                {t('region.values')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={`${report.orgUnit.code}/${report.period}`}>
                <th scope="row">
                  <Link
                    to="/review/$orgUnit/$period"
                    params={{ orgUnit: report.orgUnit.code, period: report.period }}
                    aria-label={t('region.reviewLink', {
                      name: report.orgUnit.name,
                      period: periodLabel(report.period),
                    })}
                  >
                    {report.orgUnit.name}
                  </Link>
                </th>
                <td>{periodLabel(report.period)}</td>
                <td>{report.submittedAt ? formatDate(report.submittedAt.slice(0, 10), locale) : '–'}</td>
                <td>{report.deadline ? formatDate(report.deadline, locale) : '–'}</td>
                <td className="numeric">{formatNumber(report.values, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
