// The donor's landing page: what the programme achieved, where. Text, tiles and tables render first;
// the map (Leaflet) and the trend chart (recharts) arrive in their own chunks. All view state
// (indicator, quarters, classification, table filters and sorts) lives in the URL.
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { SortingState } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { QueriesState } from '../../components/queries-state';
import { EmptyState, QueryState, SkeletonLines, SkeletonTable } from '../../components/query-state';
import { useLocale } from '../../i18n/use-locale';
import { formatCompactCurrency, formatCurrency, formatNumber } from '../../lib/format';
import { usePeriodRangeLabel } from '../analytics/controls';
import { useAnalyticsExportContext } from '../analytics/export-context';
import { ProgressBadge, ProgressBar, useFormatFigure, useFormatPercent, useUnitLabel } from '../analytics/figures';
import {
  type Analytics,
  type AnalyticsParams,
  useAnalytics,
  useAnalyticsList,
  useCompleteness,
} from '../analytics/queries';
import { compactSearch, readSort, sortParam } from '../analytics/search';
import { unitFigureColumns } from '../analytics/unit-columns';
import { type DashboardView, useDashboardView, type ViewChange, ViewControls } from '../analytics/view';
import { ChartFigure, LazyTrendChart } from '../charts/chart-figure';
import { TrendTable, useTrendPoints } from '../charts/trend';
import type { MapPoint } from '../maps/area-map';
import { positionsOf, toAreas, toUnitRows } from '../maps/build';
import { DEFAULT_CLASS_METHOD } from '../maps/class-methods';
import { classify } from '../maps/classify';
import { ChoroplethLegend, MapPanel, MapSkeleton, useMapCredits } from '../maps/map-panel';
import { useBoundaries, usePoints } from '../maps/queries';
import { useMapFormatters } from '../maps/use-map-formatters';
import { projectColumns } from '../projects/columns';
import { countryColumns, toCountryRows } from './columns';
import { type ProgrammeSummary, useProgrammeSummary } from './queries';
import { COUNTRY_SORT_COLUMNS, type OverviewSearch, PROJECT_SORT_COLUMNS } from './search';

const route = getRouteApi('/');

function useUpdateSearch() {
  const navigate = route.useNavigate();
  return (patch: Partial<OverviewSearch>, replace = false) =>
    void navigate({
      search: (previous) => compactSearch({ ...previous, ...patch }),
      replace,
      resetScroll: false,
    });
}

const toSorting = (value: string | undefined, columns: readonly string[]): SortingState =>
  readSort(value, columns) ?? [];

export function OverviewPage() {
  const { t } = useTranslation();
  const summary = useProgrammeSummary();
  return (
    <>
      <PageHeader title={t('overview.title')}>
        <p className="lede">{t('overview.intro')}</p>
      </PageHeader>
      {/* The summary feeds the tiles and both tables: one failure shows once, in their place. */}
      <QueryState
        query={summary}
        what={t('overview.what')}
        skeleton={<OverviewSkeleton />}
        isEmpty={(data) => data.totals.countries === 0 && data.projects.length === 0}
        empty={t('overview.noData')}
      >
        {(data) => <OverviewPanels summary={data} />}
      </QueryState>
    </>
  );
}

function OverviewSkeleton() {
  return (
    <>
      <div className="tiles">
        {['a', 'b', 'c', 'd'].map((key) => (
          <span key={key} className="skeleton skeleton-tile" />
        ))}
      </div>
      <SkeletonTable rows={8} />
    </>
  );
}

function OverviewPanels({ summary }: { summary: ProgrammeSummary }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const update = useUpdateSearch();
  const view = useDashboardView(search);
  const classes = search.classes ?? DEFAULT_CLASS_METHOD;
  const onViewChange = (change: ViewChange) => update(change);

  return (
    <>
      <section className="panel" aria-labelledby="totals-heading">
        <h2 id="totals-heading">{t('overview.totalsHeading')}</h2>
        <TotalsTiles summary={summary} />
      </section>

      <ViewControls view={view} onChange={onViewChange} classes={classes} />

      <section className="panel" aria-labelledby="headline-heading">
        <h2 id="headline-heading">{t('overview.headlineHeading')}</h2>
        {summary.headline.length === 0 ? (
          <EmptyState>{t('overview.headlineEmpty')}</EmptyState>
        ) : (
          <HeadlineTiles summary={summary} view={view} />
        )}
      </section>

      <CountryMapSection summary={summary} view={view} />
      <TrendSection view={view} />

      <section className="panel" aria-labelledby="countries-heading">
        <h2 id="countries-heading">{t('overview.countriesHeading')}</h2>
        {summary.countries.length === 0 ? (
          <EmptyState>{t('overview.countriesEmpty')}</EmptyState>
        ) : (
          <DataTable
            data={toCountryRows(summary)}
            columns={countryColumns}
            caption={t('overview.countriesHeading')}
            getRowId={(row) => row.code}
            sorting={toSorting(search.csort, COUNTRY_SORT_COLUMNS)}
            onSortingChange={(sorting) => update({ csort: sortParam(sorting) }, true)}
            filter={{ value: search.cq ?? '', onChange: (cq) => update({ cq }, true) }}
            exportContext={{ title: t('overview.countriesHeading'), filters: [] }}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="projects-heading">
        <h2 id="projects-heading">{t('overview.projectsHeading')}</h2>
        {summary.projects.length === 0 ? (
          <EmptyState>{t('overview.projectsEmpty')}</EmptyState>
        ) : (
          <DataTable
            data={summary.projects}
            columns={projectColumns}
            caption={t('overview.projectsHeading')}
            getRowId={(row) => row.code}
            sorting={toSorting(search.psort, PROJECT_SORT_COLUMNS)}
            onSortingChange={(sorting) => update({ psort: sortParam(sorting) }, true)}
            filter={{ value: search.pq ?? '', onChange: (pq) => update({ pq }, true) }}
            exportContext={{ title: t('overview.projectsHeading'), filters: [] }}
          />
        )}
      </section>
    </>
  );
}

function TotalsTiles({ summary }: { summary: ProgrammeSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { totals } = summary;
  return (
    <dl className="tiles">
      <div className="tile">
        <dt>{t('overview.countries')}</dt>
        <dd className="tile-value">{formatNumber(totals.countries, locale)}</dd>
      </div>
      <div className="tile">
        <dt>{t('overview.municipalities')}</dt>
        <dd className="tile-value">{formatNumber(totals.municipalities, locale)}</dd>
      </div>
      <div className="tile">
        <dt>{t('overview.projects')}</dt>
        <dd className="tile-value">{formatNumber(totals.projects, locale)}</dd>
        {totals.illustrativeProjects > 0 ? (
          <dd className="tile-note">{t('overview.illustrativeCount', { count: totals.illustrativeProjects })}</dd>
        ) : null}
      </div>
      <div className="tile">
        <dt>{t('overview.budget')}</dt>
        <dd className="tile-value" title={formatCurrency(totals.budget, totals.currency, locale)}>
          {formatCompactCurrency(totals.budget, totals.currency, locale)}
        </dd>
      </div>
    </dl>
  );
}

/** The headline indicators over the chosen quarters, each with its progress toward target. */
function HeadlineTiles({ summary, view }: { summary: ProgrammeSummary; view: DashboardView }) {
  const { t } = useTranslation();
  const rangeLabel = usePeriodRangeLabel();
  const list: AnalyticsParams[] = view.range
    ? summary.headline.map(({ indicator }) => ({ indicator: indicator.code, periods: view.range ?? {}, by: 'none' }))
    : [];
  const figures = useAnalyticsList(list);
  return (
    <>
      {view.range ? (
        <p className="panel-note">{t('overview.headlineRange', { range: rangeLabel(view.range) })}</p>
      ) : null}
      <dl className="tiles tiles-headline">
        {summary.headline.map(({ indicator }, index) => {
          const query = figures[index];
          return (
            <div className="tile" key={indicator.code}>
              <dt>{indicator.name}</dt>
              {!query || query.isPending ? (
                <dd>
                  <SkeletonLines lines={2} />
                </dd>
              ) : query.isError ? (
                <dd className="tile-value tile-value-missing">{t('overview.figureFailed')}</dd>
              ) : (
                <HeadlineFigure data={query.data} />
              )}
            </div>
          );
        })}
        <CompletenessTile view={view} />
      </dl>
    </>
  );
}

function HeadlineFigure({ data }: { data: Analytics }) {
  const { t } = useTranslation();
  const formatFigure = useFormatFigure();
  const { total, indicator } = data;
  if (total.value === null) {
    return <dd className="tile-value tile-value-missing">{t('overview.noApprovedValue')}</dd>;
  }
  return (
    <>
      <dd className="tile-value">{formatFigure(total.value, indicator)}</dd>
      <dd className="tile-progress">
        <ProgressBar progress={total.progress} />
        <ProgressBadge progress={total.progress} />{' '}
        {total.target === null ? null : (
          <span className="tile-note">{t('overview.ofTarget', { target: formatFigure(total.target, indicator) })}</span>
        )}
      </dd>
    </>
  );
}

/** Reporting completeness of the quarter being reported now (the last complete one). */
function CompletenessTile({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formatPercent = useFormatPercent();
  const rangeLabel = usePeriodRangeLabel();
  const reporting = view.quarters.data?.reporting;
  const completeness = useCompleteness(reporting ? { periods: { from: reporting, to: reporting }, by: 'unit' } : null);
  const total = completeness.data?.total;
  return (
    <div className="tile">
      <dt>
        {reporting
          ? t('overview.completeness', { quarter: rangeLabel({ from: reporting, to: reporting }) })
          : t('overview.completenessPlain')}
      </dt>
      {completeness.isError ? (
        <dd className="tile-value tile-value-missing">{t('overview.figureFailed')}</dd>
      ) : !total ? (
        <dd>
          <SkeletonLines lines={2} />
        </dd>
      ) : total.expected === 0 ? (
        <dd className="tile-value tile-value-missing">{t('overview.nothingExpected')}</dd>
      ) : (
        <>
          <dd className="tile-value">{formatPercent((total.submitted / total.expected) * 100)}</dd>
          <dd className="tile-note">
            {t('overview.completenessDetail', {
              submitted: formatNumber(total.submitted, locale),
              expected: formatNumber(total.expected, locale),
              onTime: formatNumber(total.onTime, locale),
              approved: formatNumber(total.approved, locale),
              missing: formatNumber(total.missing, locale),
            })}
          </dd>
        </>
      )}
    </div>
  );
}

function CountryMapSection({ summary, view }: { summary: ProgrammeSummary; view: DashboardView }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const unitLabel = useUnitLabel();
  const rangeLabel = usePeriodRangeLabel();
  const credits = useMapCredits();
  const classMethod = search.classes ?? DEFAULT_CLASS_METHOD;
  const boundaries = useBoundaries({ level: 1 });
  const points = usePoints({});
  const figures = useAnalytics(view.ready ? { ...view.ready, by: 'unit' } : null);
  const format = useMapFormatters(figures.data?.indicator);
  const exportContext = useAnalyticsExportContext();
  const name = figures.data?.indicator.shortName ?? view.indicator?.shortName ?? '';
  const heading = t('overview.mapHeading', { indicator: name });

  const { indicator, from, to, classes } = search;
  const linkSearch = useMemo(() => compactSearch({ indicator, from, to, classes }), [indicator, from, to, classes]);
  const model = useMemo(() => {
    if (!figures.data || !boundaries.data) return null;
    const rows = figures.data.rows.filter((row) => !row.own);
    const classification = classify(
      rows.map((row) => row.value),
      classMethod,
    );
    const positions = positionsOf(points.data?.features ?? []);
    const projectPoints: MapPoint[] = summary.projects.flatMap((project) => {
      const position = positions.get(project.leadUnit.code);
      return position
        ? [
            {
              code: `project:${project.code}`,
              position,
              radius: 4.5,
              fill: '#E69F00',
              label: t('overview.projectPoint', { project: project.name, place: project.leadUnit.name }),
            },
          ]
        : [];
    });
    return {
      classes: classification,
      missing: rows.filter((row) => row.value === null).length,
      areas: toAreas(boundaries.data.features, rows, classification, format),
      points: projectPoints,
      rows: toUnitRows(rows, classification, format, linkSearch),
    };
  }, [figures.data, boundaries.data, points.data, classMethod, summary.projects, t, format, linkSearch]);

  return (
    <section className="panel" aria-labelledby="map-heading">
      <h2 id="map-heading">{heading}</h2>
      {view.range ? <p className="panel-note">{t('map.note', { range: rangeLabel(view.range) })}</p> : null}
      <QueriesState
        queries={[figures, boundaries]}
        what={t('overview.mapWhat')}
        skeleton={
          <>
            <MapSkeleton />
            <SkeletonTable rows={8} />
          </>
        }
      >
        {() =>
          model && figures.data ? (
            <>
              <MapPanel
                label={heading}
                hint={t('map.hint')}
                credits={credits}
                areas={model.areas}
                points={model.points}
                fitKey="programme"
                wide
                // Eight countries in a fixed frame: SVG, so the landing page carries no map library.
                draw="svg"
                onActivate={(code) => {
                  if (code.startsWith('project:')) {
                    void navigate({ to: '/projects/$code', params: { code: code.slice('project:'.length) } });
                  } else {
                    void navigate({ to: '/countries/$code', params: { code }, search: linkSearch });
                  }
                }}
                legend={
                  <ChoroplethLegend
                    title={name}
                    unit={unitLabel(figures.data.indicator)}
                    classes={model.classes}
                    missing={model.missing}
                    pointsNote={t('overview.projectPointsNote')}
                  />
                }
              />
              <DataTable
                data={model.rows}
                columns={unitFigureColumns}
                caption={t('overview.mapTable', { indicator: name })}
                showCaption
                getRowId={(row) => row.code}
                exportContext={exportContext(figures.data, t('overview.mapTable', { indicator: name }), [
                  [t('map.classes'), t(`map.method.${classMethod}`)],
                ])}
                exportName={[name, t('overview.byCountry'), view.range ? `${view.range.from} ${view.range.to}` : '']}
              />
            </>
          ) : null
        }
      </QueriesState>
    </section>
  );
}

function TrendSection({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const trend = useAnalytics(view.ready ? { ...view.ready, by: 'period' } : null);
  const name = trend.data?.indicator.shortName ?? view.indicator?.shortName ?? '';
  const heading = t('overview.trendHeading', { indicator: name });
  return (
    <section className="panel" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{heading}</h2>
      <QueryState query={trend} what={t('overview.trendWhat')} skeleton={<span className="skeleton skeleton-chart" />}>
        {(data) => <TrendFigure data={data} title={heading} />}
      </QueryState>
    </section>
  );
}

function TrendFigure({ data, title }: { data: Analytics; title: string }) {
  const { t } = useTranslation();
  const { points, format, summary } = useTrendPoints(data);
  if (points.every((point) => point.value === null)) {
    return <EmptyState>{t('chart.noValues', { indicator: data.indicator.shortName })}</EmptyState>;
  }
  return (
    <ChartFigure title={title} hideTitle summary={summary} table={<TrendTable data={data} caption={title} />}>
      <LazyTrendChart data={points} format={format} valueLabel={t('chart.actual')} targetLabel={t('chart.target')} />
    </ChartFigure>
  );
}
