// Any unit of the tree: a country, a region, a province, a municipality. The units below it as a
// choropleth (outlines) and municipalities as points sized by value; a click, Enter or a link in the
// table goes one level down, the breadcrumb back up. The chart and the table follow the unit.
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { QueriesState } from '../../components/queries-state';
import { EmptyState, ErrorNotice, QueryState, SkeletonLines, SkeletonTable } from '../../components/query-state';
import { useLabels } from '../../i18n/use-labels';
import { isNotFound } from '../../lib/api';
import { usePeriodRangeLabel } from '../analytics/controls';
import { useAnalyticsExportContext } from '../analytics/export-context';
import { useFormatFigure, useUnitLabel } from '../analytics/figures';
import { type Analytics, type AnalyticsRow, useAnalytics, useAnalyticsRows } from '../analytics/queries';
import { compactSearch, readSort, sortParam } from '../analytics/search';
import { unitFigureColumns } from '../analytics/unit-columns';
import { type DashboardView, useDashboardView, ViewControls } from '../analytics/view';
import { ChartFigure, LazyTrendChart, LazyUnitBarChart } from '../charts/chart-figure';
import { TrendTable, useAxisFormat, useTrendPoints } from '../charts/trend';
import type { MapArea } from '../maps/area-map';
import { toAreas, toPoints, toUnitRows } from '../maps/build';
import { DEFAULT_CLASS_METHOD } from '../maps/class-methods';
import { classify, pointRadius } from '../maps/classify';
import { ChoroplethLegend, MapPanel, MapSkeleton, useMapCredits } from '../maps/map-panel';
import { useBoundaries, usePoints } from '../maps/queries';
import { useMapFormatters } from '../maps/use-map-formatters';
import { projectColumns } from '../projects/columns';
import { useProjects } from '../projects/queries';
import { type OrgUnitDetail, type OrgUnitSummary, useCountry } from './queries';
import { type CountrySearch, UNIT_SORT_COLUMNS } from './search';

const route = getRouteApi('/countries/$code');

const POINT_COLOUR = '#D55E00';

/** The country a unit belongs to: itself, or the root of its ancestors. */
function countryOf(detail: OrgUnitDetail): OrgUnitSummary {
  return detail.unit.kind === 'country' ? detail.unit : (detail.ancestors[0] ?? detail.unit);
}

/** The view a link to another unit keeps: indicator, quarters, classification — not this table's sort. */
function useLinkSearch(): CountrySearch {
  const { indicator, from, to, classes } = route.useSearch();
  return useMemo(() => compactSearch({ indicator, from, to, classes }), [indicator, from, to, classes]);
}

export function CountryPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const unit = useCountry(code);

  if (unit.isError && isNotFound(unit.error)) {
    return (
      <>
        <PageHeader title={t('countries.title')} />
        <EmptyState>{t('countries.notFound', { code })}</EmptyState>
        <p>
          <Link to="/countries" activeOptions={{ exact: true }}>
            {t('countries.backToList')}
          </Link>
        </p>
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
          <SkeletonLines lines={6} />
        </>
      }
    >
      {(data) => <UnitView detail={data} />}
    </QueryState>
  );
}

function UnitView({ detail }: { detail: OrgUnitDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const linkSearch = useLinkSearch();
  const view = useDashboardView(search);
  const { unit, ancestors } = detail;
  return (
    <>
      <nav aria-label={t('countries.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/countries" activeOptions={{ exact: true }}>
              {t('countries.title')}
            </Link>
          </li>
          {ancestors.map((ancestor) => (
            <li key={ancestor.code}>
              <Link to="/countries/$code" params={{ code: ancestor.code }} search={linkSearch}>
                {ancestor.name}
              </Link>
            </li>
          ))}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <PageHeader title={unit.name}>
        <p className="lede">
          {t('countries.kindAndTier', { kind: labels.unitKind(unit.kind), tier: labels.tier(unit.tier) })}
        </p>
      </PageHeader>

      <ViewControls
        view={view}
        classes={search.classes ?? DEFAULT_CLASS_METHOD}
        onChange={(change) =>
          void navigate({ search: (previous) => compactSearch({ ...previous, ...change }), resetScroll: false })
        }
        extra={
          view.ready ? (
            <p className="view-controls-link">
              <Link
                to="/explorer"
                search={compactSearch({
                  indicator: view.ready.indicator,
                  unit: unit.code,
                  from: view.ready.periods.from,
                  to: view.ready.periods.to,
                })}
              >
                {t('countries.openInExplorer')}
              </Link>
            </p>
          ) : null
        }
      />

      <UnitFigures detail={detail} view={view} />

      <CountryProjects country={countryOf(detail)} />
    </>
  );
}

/** Map, charts and table of one unit for the indicator and quarters in view. */
function UnitFigures({ detail, view }: { detail: OrgUnitDetail; view: DashboardView }) {
  const { unit, children } = detail;
  const isLeaf = children.length === 0;
  const below = useAnalytics(view.ready && !isLeaf ? { ...view.ready, orgUnit: unit.code, by: 'unit' } : null);
  const trend = useAnalytics(view.ready ? { ...view.ready, orgUnit: unit.code, by: 'period' } : null);
  return (
    <>
      <UnitMap detail={detail} view={view} below={below.data} belowQuery={below} />
      {isLeaf ? null : <UnitsBelow detail={detail} query={below} />}
      <UnitTrend unit={unit} query={trend} showTable={isLeaf} />
    </>
  );
}

function UnitMap({
  detail,
  view,
  below,
  belowQuery,
}: {
  detail: OrgUnitDetail;
  view: DashboardView;
  below: Analytics | undefined;
  belowQuery: ReturnType<typeof useAnalytics>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = route.useSearch();
  const linkSearch = useLinkSearch();
  const credits = useMapCredits();
  const unitLabel = useUnitLabel();
  const rangeLabel = usePeriodRangeLabel();
  const { unit, children, ancestors } = detail;
  const isLeaf = children.length === 0;
  const classMethod = search.classes ?? DEFAULT_CLASS_METHOD;

  // Outlines of the units below, and as context the outline of this unit (of its parent, at a
  // municipality, which has none), found among its own parent's children.
  const childOutlines = useBoundaries(isLeaf ? null : { parent: unit.code });
  const contextCode = isLeaf ? (unit.parentCode ?? unit.code) : unit.code;
  const contextParent = isLeaf ? ancestors.at(-2)?.code : (unit.parentCode ?? undefined);
  const ownOutline = useBoundaries(contextParent ? { parent: contextParent } : { level: 1 });
  // Municipalities as points: those below this unit, or a municipality's neighbours.
  const pointParent = isLeaf ? (unit.parentCode ?? unit.code) : unit.code;
  const points = usePoints({ parent: pointParent, kind: 'municipality' });
  // Every municipality's figure in one request: the breakdown by unit at the municipal level below
  // the points' unit (it was one request per parent of the points: 24 for Ecuador's regions).
  const ready = view.ready;
  const pointFigures = useAnalyticsRows(
    ready ? [{ ...ready, orgUnit: pointParent, by: 'unit' as const, level: 'municipality' as const }] : [],
  );
  const format = useMapFormatters(below?.indicator ?? pointFigures.indicator);
  const indicatorName = below?.indicator.shortName ?? view.indicator?.shortName ?? '';
  const heading = t('countries.mapHeading', { indicator: indicatorName, name: unit.name });

  const model = useMemo(() => {
    const rows = (below?.rows ?? []).filter((row) => !row.own);
    const classes = classify(
      rows.map((row) => row.value),
      classMethod,
    );
    const figures = new Map(
      pointFigures.rows
        .filter((row) => row.kind === 'municipality')
        .map((row) => [row.key, { value: row.value, label: `${row.name}: ${format.figure(row.value)}` }]),
    );
    const radius = pointRadius([...figures.values()].map((figure) => figure.value));
    const context: MapArea[] = (ownOutline.data?.features ?? [])
      .filter((feature) => feature.properties.code === contextCode)
      .map((feature) => ({
        code: feature.properties.code,
        geometry: feature.geometry,
        fill: 'transparent',
        label: feature.properties.name,
        interactive: false,
      }));
    return {
      classes,
      missing: rows.filter((row) => row.value === null).length,
      areas: [...context, ...toAreas(childOutlines.data?.features ?? [], rows, classes, format)],
      points: toPoints(points.data?.features ?? [], figures, radius, () => POINT_COLOUR, unit.code),
      maxPoint: Math.max(0, ...[...figures.values()].map((figure) => figure.value ?? 0)),
    };
  }, [
    below,
    childOutlines.data,
    ownOutline.data,
    points.data,
    pointFigures.rows,
    classMethod,
    unit,
    format,
    contextCode,
  ]);

  const waiting = [points, ownOutline, ...(isLeaf ? [] : [childOutlines, belowQuery])];
  return (
    <section className="panel" aria-labelledby="unit-map-heading">
      <h2 id="unit-map-heading">{heading}</h2>
      {view.range ? <p className="panel-note">{t('map.note', { range: rangeLabel(view.range) })}</p> : null}
      <QueriesState queries={waiting} what={t('countries.mapWhat')} skeleton={<MapSkeleton />}>
        {() =>
          model.areas.length === 0 && model.points.length === 0 ? (
            <EmptyState>{t('countries.mapEmpty', { name: unit.name })}</EmptyState>
          ) : (
            <MapPanel
              label={heading}
              hint={t('map.hint')}
              credits={credits}
              areas={model.areas}
              points={model.points}
              fitKey={unit.code}
              onActivate={(code) => void navigate({ to: '/countries/$code', params: { code }, search: linkSearch })}
              legend={
                <ChoroplethLegend
                  title={indicatorName}
                  unit={below ? unitLabel(below.indicator) : (view.indicator?.unit ?? '')}
                  classes={isLeaf ? null : model.classes}
                  missing={model.missing}
                  pointsNote={
                    model.points.length === 0
                      ? undefined
                      : isLeaf
                        ? t('countries.leafPointsNote', { name: unit.name, max: format.figure(model.maxPoint) })
                        : t('countries.pointsNote', { max: format.figure(model.maxPoint) })
                  }
                />
              }
            />
          )
        }
      </QueriesState>
    </section>
  );
}

/** The units one level down: a chart of value against target, and the table (sortable, exportable). */
function UnitsBelow({ detail, query }: { detail: OrgUnitDetail; query: ReturnType<typeof useAnalytics> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { unit, children } = detail;
  const heading = t('countries.childrenHeading', { name: unit.name });
  return (
    <section className="panel" aria-labelledby="children-heading">
      <h2 id="children-heading">{heading}</h2>
      {query.isError ? (
        <>
          <ErrorNotice
            error={query.error}
            what={t('countries.figuresWhat')}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
          {/* Navigation must not depend on the figures: the units stay reachable. */}
          <ul className="unit-list">
            {children.map((child) => (
              <li key={child.code}>
                <Link to="/countries/$code" params={{ code: child.code }}>
                  {child.name}
                </Link>{' '}
                <span className="muted">{labels.unitKind(child.kind)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : query.data ? (
        <UnitsBelowFigures data={query.data} heading={heading} unitName={unit.name} />
      ) : (
        <SkeletonTable rows={Math.min(children.length, 8)} />
      )}
    </section>
  );
}

function UnitsBelowFigures({ data, heading, unitName }: { data: Analytics; heading: string; unitName: string }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const linkSearch = useLinkSearch();
  const rangeLabel = usePeriodRangeLabel();
  const exportContext = useAnalyticsExportContext();
  const format = useMapFormatters(data.indicator);
  const axisFormat = useAxisFormat(data.indicator);
  const formatFigure = useFormatFigure();
  const classMethod = search.classes ?? DEFAULT_CLASS_METHOD;
  const classes = classify(
    data.rows.filter((row) => !row.own).map((row) => row.value),
    classMethod,
  );
  const rows = toUnitRows(data.rows, classes, format, linkSearch);
  const charted = data.rows.filter((row: AnalyticsRow) => row.value !== null || row.target !== null);
  const range = data.periods.length ? { from: data.periods[0] ?? '', to: data.periods.at(-1) ?? '' } : null;
  const chartTitle = t('countries.chartTitle', { indicator: data.indicator.shortName, name: unitName });
  const best = [...charted].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity))[0];
  return (
    <>
      {charted.length === 0 ? (
        <EmptyState>
          {t('countries.noFiguresBelow', { indicator: data.indicator.shortName, name: unitName })}
        </EmptyState>
      ) : (
        <ChartFigure
          title={chartTitle}
          headingLevel={3}
          summary={
            best
              ? [
                  t('countries.chartSummary', {
                    count: charted.length,
                    best: best.own ? t('unitTable.ownReports', { name: best.name }) : best.name,
                    value: formatFigure(best.value, data.indicator),
                  }),
                  data.rows.length > charted.length
                    ? t('countries.chartLeftOut', { count: data.rows.length - charted.length })
                    : '',
                ].join(' ')
              : undefined
          }
        >
          <LazyUnitBarChart
            data={charted.map((row) => ({
              key: row.key,
              name: row.own ? t('unitTable.ownReports', { name: row.name }) : row.name,
              value: row.value,
              target: row.target,
            }))}
            format={axisFormat}
            valueLabel={t('chart.actual')}
            targetLabel={t('chart.target')}
          />
        </ChartFigure>
      )}
      <DataTable
        data={rows}
        columns={unitFigureColumns}
        caption={heading}
        showCaption
        getRowId={(row) => `${row.code}${row.own ? ':own' : ''}`}
        sorting={readSort(search.sort, UNIT_SORT_COLUMNS) ?? []}
        onSortingChange={(sorting) =>
          void navigate({
            search: (previous) => compactSearch({ ...previous, sort: sortParam(sorting) }),
            replace: true,
            resetScroll: false,
          })
        }
        exportContext={exportContext(data, heading, [[t('map.classes'), t(`map.method.${classMethod}`)]])}
        exportName={[data.indicator.shortName, unitName, range ? rangeLabel(range) : '']}
      />
    </>
  );
}

/** The unit's own quarter-by-quarter series; at a municipality, its table is shown, not folded away. */
function UnitTrend({
  unit,
  query,
  showTable,
}: {
  unit: OrgUnitSummary;
  query: ReturnType<typeof useAnalytics>;
  showTable: boolean;
}) {
  const { t } = useTranslation();
  const name = query.data?.indicator.shortName ?? '';
  const heading = t('countries.trendHeading', { indicator: name, name: unit.name });
  return (
    <section className="panel" aria-labelledby="unit-trend-heading">
      <h2 id="unit-trend-heading">{heading}</h2>
      <QueryState query={query} what={t('countries.trendWhat')} skeleton={<span className="skeleton skeleton-chart" />}>
        {(data) => <UnitTrendFigure data={data} title={heading} showTable={showTable} />}
      </QueryState>
    </section>
  );
}

function UnitTrendFigure({ data, title, showTable }: { data: Analytics; title: string; showTable: boolean }) {
  const { t } = useTranslation();
  const { points, format, summary } = useTrendPoints(data);
  const table = <TrendTable data={data} caption={title} />;
  if (points.every((point) => point.value === null)) {
    return (
      <>
        <EmptyState>{t('chart.noValuesHere', { indicator: data.indicator.shortName })}</EmptyState>
        {showTable ? table : null}
      </>
    );
  }
  return (
    <>
      <ChartFigure title={title} hideTitle summary={summary} table={showTable ? undefined : table}>
        <LazyTrendChart data={points} format={format} valueLabel={t('chart.actual')} targetLabel={t('chart.target')} />
      </ChartFigure>
      {showTable ? table : null}
    </>
  );
}

function CountryProjects({ country }: { country: OrgUnitSummary }) {
  const { t } = useTranslation();
  const projects = useProjects({ country: country.code });
  const heading = t('countries.projectsHeading', { country: country.name });
  return (
    <section className="panel" aria-labelledby="country-projects-heading">
      <h2 id="country-projects-heading">{heading}</h2>
      <QueryState
        query={projects}
        what={t('countries.projectsWhat')}
        skeleton={<SkeletonTable rows={3} />}
        isEmpty={(data) => data.items.length === 0}
        empty={t('countries.projectsEmpty', { country: country.name })}
      >
        {(data) => (
          <DataTable
            data={data.items}
            columns={projectColumns}
            caption={heading}
            getRowId={(row) => row.code}
            exportContext={{ title: heading, filters: [[t('columns.country'), country.name]] }}
          />
        )}
      </QueryState>
    </section>
  );
}
