// A project: its facts, its results framework with figures (result → indicator → baseline, actual
// per quarter, target, progress), a disaggregation breakdown (e.g. people served by sex × age) and
// the units it covers on a map. View state (breakdown, quarters) lives in the URL.
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Fragment, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IllustrativeBadge } from '../../components/badges';
import { ExportButtons } from '../../components/export-buttons';
import { DateRange, Money, usePeriodLabel } from '../../components/formatted';
import { PageHeader } from '../../components/page-header';
import { QueriesState } from '../../components/queries-state';
import { EmptyState, QueryState, SkeletonLines, SkeletonTable } from '../../components/query-state';
import { useLabels } from '../../i18n/use-labels';
import { isNotFound } from '../../lib/api';
import type { ExportTable } from '../../lib/export';
import { PeriodRangeSelect, usePeriodRangeLabel } from '../analytics/controls';
import { useAnalyticsExportContext } from '../analytics/export-context';
import { ProgressBadge, UnapprovedMark, useFormatFigure, useFormatNumberOf } from '../analytics/figures';
import {
  type Analytics,
  type AnalyticsIndicatorFigures,
  type Indicator,
  useAnalytics,
  useIndicators,
} from '../analytics/queries';
import { compactSearch, type PeriodRange } from '../analytics/search';
import { useDashboardView } from '../analytics/view';
import { ChartFigure, LazyGroupedBarChart } from '../charts/chart-figure';
import { useAxisFormat } from '../charts/trend';
import type { MapArea, MapPoint } from '../maps/area-map';
import { MapPanel, useMapCredits } from '../maps/map-panel';
import { useBoundaries } from '../maps/queries';
import { type CategoryShape, type CrossTab, crossTabulate } from './framework';
import { type ProjectDetail, useProject } from './queries';
import type { ProjectSearch } from './search';

const route = getRouteApi('/projects/$code');

export function ProjectPage() {
  const { t } = useTranslation();
  const { code } = route.useParams();
  const project = useProject(code);

  if (project.isError && isNotFound(project.error)) {
    return (
      <>
        <PageHeader title={t('projects.title')} />
        <EmptyState>{t('projects.notFound', { code })}</EmptyState>
        <p>
          <Link to="/projects" activeOptions={{ exact: true }}>
            {t('projects.backToList')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <QueryState
      query={project}
      what={t('projects.projectWhat')}
      skeleton={
        <>
          <span className="skeleton skeleton-title" />
          <SkeletonLines lines={4} />
          <SkeletonTable rows={4} />
        </>
      }
    >
      {(data) => <ProjectView detail={data} />}
    </QueryState>
  );
}

function useUpdateSearch() {
  const navigate = route.useNavigate();
  return (patch: Partial<ProjectSearch>) =>
    void navigate({ search: (previous) => compactSearch({ ...previous, ...patch }), resetScroll: false });
}

function ProjectView({ detail }: { detail: ProjectDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const search = route.useSearch();
  const update = useUpdateSearch();
  const view = useDashboardView({ from: search.from, to: search.to });
  const { project, coveredUnits } = detail;
  return (
    <>
      <p className="back-link">
        <Link to="/projects" activeOptions={{ exact: true }}>
          {t('projects.backToList')}
        </Link>
      </p>
      <PageHeader title={project.name}>
        {project.illustrative ? <IllustrativeBadge /> : null}
        {project.description ? <p className="lede">{project.description}</p> : null}
      </PageHeader>

      <dl className="facts">
        <div>
          <dt>{t('projects.country')}</dt>
          <dd>
            <Link to="/countries/$code" params={{ code: project.country.code }}>
              {project.country.name}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('projects.leadUnit')}</dt>
          <dd>
            <Link to="/countries/$code" params={{ code: project.leadUnit.code }}>
              {project.leadUnit.name}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('projects.dates')}</dt>
          <dd>
            <DateRange from={project.startDate} to={project.endDate} />
          </dd>
        </div>
        <div>
          <dt>{t('projects.budget')}</dt>
          <dd>
            <Money amount={project.budget} currency={project.currency} />
          </dd>
        </div>
        <div>
          <dt>{t('projects.status')}</dt>
          <dd>{labels.projectStatus(project.status)}</dd>
        </div>
        <div>
          <dt>{t('projects.themes')}</dt>
          <dd>{project.themes.length ? project.themes.map((theme) => theme.name).join(', ') : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('projects.iatiIdentifier')}</dt>
          <dd>{project.iatiIdentifier ? <code className="break">{project.iatiIdentifier}</code> : t('common.none')}</dd>
        </div>
      </dl>

      <section className="view-controls" aria-label={t('dash.viewControls')}>
        {view.range ? (
          <div className="view-controls-row">
            <PeriodRangeSelect
              quarters={view.quarters.data?.quarters ?? []}
              value={view.range}
              onChange={(range) => update(range)}
            />
          </div>
        ) : (
          <span className="skeleton skeleton-controls" />
        )}
      </section>

      <ResultsFramework detail={detail} range={view.range} />
      <Breakdown detail={detail} range={view.range} />

      <section className="panel" aria-labelledby="covered-heading">
        <h2 id="covered-heading">
          {t('projects.coveredHeading')} <span className="heading-count">({coveredUnits.length})</span>
        </h2>
        {coveredUnits.length === 0 ? (
          <EmptyState>{t('projects.coveredEmpty')}</EmptyState>
        ) : (
          <>
            <CoveredMap detail={detail} />
            <ul className="unit-list">
              {coveredUnits.map((unit) => (
                <li key={unit.code}>
                  <Link to="/countries/$code" params={{ code: unit.code }}>
                    {unit.name}
                  </Link>{' '}
                  <span className="muted">{labels.unitKind(unit.kind)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function ResultsFramework({ detail, range }: { detail: ProjectDetail; range: Required<PeriodRange> | null }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const rangeLabel = usePeriodRangeLabel();
  const codes = [...new Set(detail.results.flatMap((result) => result.indicators.map((indicator) => indicator.code)))];
  // Every indicator of the framework in one request, counting only the units the project covers.
  const answer = useAnalytics(
    codes.length > 0 && range
      ? {
          indicator: codes.join(','),
          orgUnit: detail.project.country.code,
          periods: range,
          by: 'period',
          project: detail.project.code,
        }
      : null,
  );
  const periodLabel = usePeriodLabel();
  const exportContext = useAnalyticsExportContext();
  const byIndicator = new Map((answer.data?.indicators ?? []).map((figures) => [figures.indicator.code, figures]));
  const quarters = answer.data?.periods ?? [];
  const covered = detail.coveredUnits.length;
  const heading = t('projects.resultsHeading');
  // Every result's table in one sheet: a row per indicator and figure (actual, target), as on screen,
  // with the baseline and progress the screen shows once for both rows repeated on each.
  const read = (): ExportTable => ({
    header: [
      t('projects.result'),
      t('columns.indicator'),
      t('columns.code'),
      t('columns.unit'),
      t('projects.figure'),
      t('projects.baseline'),
      ...quarters.map(periodLabel),
      t('projects.total'),
      t('unitTable.progress'),
    ],
    rows: detail.results.flatMap((result) =>
      result.indicators.flatMap((indicator) => {
        const figures = byIndicator.get(indicator.code);
        const byQuarter = new Map((figures?.rows ?? []).map((row) => [row.key, row]));
        const progress = figures?.total.progress ?? null;
        const shared = [`${result.code} ${result.title}`, indicator.name, indicator.code, indicator.unit];
        const tail = [progress === null ? null : Math.round(progress * 10) / 10];
        return [
          [
            ...shared,
            t('chart.actual'),
            figures?.total.baseline ?? null,
            ...quarters.map((quarter) => byQuarter.get(quarter)?.value ?? null),
            figures?.total.value ?? null,
            ...tail,
          ],
          [
            ...shared,
            t('chart.target'),
            figures?.total.baseline ?? null,
            ...quarters.map((quarter) => byQuarter.get(quarter)?.target ?? null),
            figures?.total.target ?? null,
            ...tail,
          ],
        ];
      }),
    ),
  });
  return (
    <section className="panel" aria-labelledby="results-heading">
      <h2 id="results-heading">{heading}</h2>
      {range ? <p className="panel-note">{t('projects.frameworkNote', { range: rangeLabel(range) })}</p> : null}
      {codes.length > 0 ? (
        <p className="panel-note">
          {covered === 0 ? t('projects.scopeNone') : t('projects.scopeCovered', { count: covered })}
        </p>
      ) : null}
      {detail.results.length === 0 ? (
        <EmptyState>{t('projects.resultsEmpty')}</EmptyState>
      ) : (
        <QueriesState
          queries={codes.length > 0 ? [answer] : []}
          what={t('projects.frameworkWhat')}
          skeleton={<SkeletonTable rows={codes.length} />}
        >
          {() => (
            <>
              {answer.data ? (
                <div className="table-tools">
                  <ExportButtons
                    read={read}
                    context={exportContext(answer.data, heading)}
                    name={[heading, detail.project.name]}
                  />
                </div>
              ) : null}
              {detail.results.map((result) => (
                <article className="result" key={result.code} aria-labelledby={`result-${result.code}`}>
                  <h3 id={`result-${result.code}`}>
                    <span className={`badge badge-${result.type}`}>{labels.resultType(result.type)}</span>{' '}
                    <span className="result-code">{result.code}</span> {result.title}
                  </h3>
                  {result.description ? <p>{result.description}</p> : null}
                  {result.indicators.length === 0 ? (
                    <EmptyState>{t('projects.resultIndicatorsEmpty')}</EmptyState>
                  ) : (
                    <FrameworkTable
                      caption={t('projects.resultIndicators', { code: result.code })}
                      indicators={result.indicators}
                      quarters={quarters}
                      figures={result.indicators.map((indicator) => byIndicator.get(indicator.code))}
                    />
                  )}
                </article>
              ))}
            </>
          )}
        </QueriesState>
      )}
    </section>
  );
}

function FrameworkTable({
  caption,
  indicators,
  quarters,
  figures,
}: {
  caption: string;
  indicators: ProjectDetail['results'][number]['indicators'];
  quarters: readonly string[];
  /** Each indicator's figures, in the order of `indicators`. */
  figures: (AnalyticsIndicatorFigures | undefined)[];
}) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const formatFigure = useFormatFigure();
  const formatNumberOf = useFormatNumberOf();
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region must be reachable by keyboard.
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table framework-table">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.indicator')}</th>
            <th scope="col">{t('projects.figure')}</th>
            <th scope="col" className="numeric">
              {t('projects.baseline')}
            </th>
            {quarters.map((quarter) => (
              <th scope="col" className="numeric" key={quarter}>
                {periodLabel(quarter)}
              </th>
            ))}
            <th scope="col" className="numeric">
              {t('projects.total')}
            </th>
            <th scope="col" className="numeric">
              {t('unitTable.progress')}
            </th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator, index) => {
            const answer = figures[index];
            const byQuarter = new Map((answer?.rows ?? []).map((row) => [row.key, row]));
            const figure = (value: number | null | undefined) =>
              value === null || value === undefined || !answer ? '–' : formatFigure(value, answer.indicator);
            return (
              <Fragment key={indicator.code}>
                <tr className="framework-actual">
                  <th scope="rowgroup" rowSpan={2}>
                    {indicator.name}
                    <span className="muted framework-unit">
                      {' '}
                      <code>{indicator.code}</code> · {indicator.unit}
                    </span>
                  </th>
                  <th scope="row">{t('chart.actual')}</th>
                  <td className="numeric" rowSpan={2}>
                    {figure(answer?.total.baseline)}
                  </td>
                  {quarters.map((quarter) => {
                    const row = byQuarter.get(quarter);
                    return (
                      <td className="numeric" key={quarter}>
                        {row?.value == null || !answer ? '–' : formatNumberOf(row.value, answer.indicator)}
                        {row ? <UnapprovedMark figure={row} /> : null}
                      </td>
                    );
                  })}
                  <td className="numeric">{figure(answer?.total.value)}</td>
                  <td className="numeric" rowSpan={2}>
                    <ProgressBadge progress={answer?.total.progress ?? null} />
                  </td>
                </tr>
                <tr className="framework-target">
                  <th scope="row">{t('chart.target')}</th>
                  {quarters.map((quarter) => {
                    const target = byQuarter.get(quarter)?.target;
                    return (
                      <td className="numeric" key={quarter}>
                        {target == null || !answer ? '–' : formatNumberOf(target, answer.indicator)}
                      </td>
                    );
                  })}
                  <td className="numeric">{figure(answer?.total.target)}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Breakdown choices for a disaggregated indicator: each category, and each ordered pair (series × groups). */
function breakdownChoices(categories: readonly CategoryShape[]): { value: string; label: string }[] {
  const singles = categories.map((category) => ({ value: category.code, label: category.name }));
  const pairs = categories.flatMap((series) =>
    categories
      .filter((groups) => groups.code !== series.code)
      .map((groups) => ({ value: `${series.code},${groups.code}`, label: `${series.name} × ${groups.name}` })),
  );
  return [...pairs, ...singles];
}

function defaultBreakdown(categories: readonly CategoryShape[]): string | undefined {
  const codes = categories.map((category) => category.code);
  if (codes.includes('SEX') && codes.includes('AGE')) return 'SEX,AGE';
  return codes[0];
}

function Breakdown({ detail, range }: { detail: ProjectDetail; range: Required<PeriodRange> | null }) {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const search = route.useSearch();
  const update = useUpdateSearch();
  const indicatorId = useId();
  const breakdownId = useId();
  const projectCodes = new Set(
    detail.results.flatMap((result) => result.indicators.map((indicator) => indicator.code)),
  );
  const candidates = (indicators.data ?? []).filter(
    (indicator) => projectCodes.has(indicator.code) && indicator.disaggregation.categories.length > 0,
  );
  // By default the indicator with the richest disaggregation (people served: sex × age × status).
  const richest = [...candidates].sort(
    (a, b) => b.disaggregation.categories.length - a.disaggregation.categories.length,
  )[0];
  const indicator = candidates.find((candidate) => candidate.code === search.indicator) ?? richest;
  const categories = indicator?.disaggregation.categories ?? [];
  const choices = breakdownChoices(categories);
  const breakdown =
    choices.find((choice) => choice.value === search.breakdown)?.value ?? defaultBreakdown(categories) ?? '';
  const [seriesCategory, groupCategory] = breakdown.split(',');
  const crossed = groupCategory !== undefined && indicator?.aggregationType === 'sum';
  const query = useAnalytics(
    indicator && range
      ? {
          indicator: indicator.code,
          orgUnit: detail.project.country.code,
          periods: range,
          by: 'option',
          category: crossed ? null : (seriesCategory ?? null),
          project: detail.project.code,
        }
      : null,
  );
  const heading = t('projects.breakdownHeading');
  return (
    <section className="panel" aria-labelledby="breakdown-heading">
      <h2 id="breakdown-heading">{heading}</h2>
      {indicators.data && candidates.length === 0 ? (
        <EmptyState>{t('projects.breakdownNone')}</EmptyState>
      ) : (
        <>
          <div className="view-controls-row">
            <div className="field">
              <label htmlFor={indicatorId}>{t('dash.indicator')}</label>
              <select
                id={indicatorId}
                value={indicator?.code ?? ''}
                onChange={(event) => update({ indicator: event.target.value, breakdown: undefined })}
              >
                {candidates.map((candidate) => (
                  <option key={candidate.code} value={candidate.code}>
                    {candidate.shortName}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={breakdownId}>{t('projects.breakdownBy')}</label>
              <select
                id={breakdownId}
                value={breakdown}
                onChange={(event) => update({ breakdown: event.target.value })}
              >
                {choices.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <QueriesState
            queries={[indicators, query]}
            what={t('projects.breakdownWhat')}
            skeleton={<span className="skeleton skeleton-chart" />}
          >
            {() =>
              query.data && indicator ? (
                <BreakdownFigure
                  data={query.data}
                  indicator={indicator}
                  seriesCategory={seriesCategory ?? ''}
                  groupCategory={crossed ? groupCategory : undefined}
                  breakdownLabel={choices.find((choice) => choice.value === breakdown)?.label ?? breakdown}
                />
              ) : null
            }
          </QueriesState>
        </>
      )}
    </section>
  );
}

function BreakdownFigure({
  data,
  indicator,
  seriesCategory,
  groupCategory,
  breakdownLabel,
}: {
  data: Analytics;
  indicator: Indicator;
  seriesCategory: string;
  groupCategory: string | undefined;
  /** The breakdown as chosen ("Sex × Age"); a single category is in the answer already. */
  breakdownLabel: string;
}) {
  const { t } = useTranslation();
  const formatFigure = useFormatFigure();
  const exportContext = useAnalyticsExportContext();
  const axisFormat = useAxisFormat(data.indicator);
  const categories = indicator.disaggregation.categories;
  const category = (code: string) => categories.find((candidate) => candidate.code === code);
  const crossTab = groupCategory
    ? crossTabulate(
        indicator.disaggregation,
        new Map(data.rows.map((row) => [row.key, row.value])),
        groupCategory,
        seriesCategory,
      )
    : null;
  const table: CrossTab = crossTab ?? {
    series: [{ key: 'value', name: data.indicator.shortName }],
    data: data.rows.map((row) => ({ label: row.name, value: row.value })),
  };
  if (data.total.value === null) {
    return <EmptyState>{t('chart.noValuesHere', { indicator: data.indicator.shortName })}</EmptyState>;
  }
  const title = crossTab
    ? t('projects.breakdownTitle2', {
        indicator: data.indicator.shortName,
        series: category(seriesCategory)?.name ?? seriesCategory,
        groups: category(groupCategory ?? '')?.name ?? groupCategory,
        place: t('projects.breakdownPlace'),
      })
    : t('projects.breakdownTitle1', {
        indicator: data.indicator.shortName,
        category: category(seriesCategory)?.name ?? seriesCategory,
        place: t('projects.breakdownPlace'),
      });
  const firstHeading = crossTab ? (category(groupCategory ?? '')?.name ?? '') : (category(seriesCategory)?.name ?? '');
  const read = (): ExportTable => ({
    header: [firstHeading, ...table.series.map((series) => series.name)],
    rows: table.data.map((row) => [
      String(row.label),
      ...table.series.map((series) => {
        const value = row[series.key];
        return typeof value === 'number' ? value : null;
      }),
    ]),
  });
  return (
    <ChartFigure
      title={title}
      headingLevel={3}
      summary={t('projects.breakdownSummary', { total: formatFigure(data.total.value, data.indicator) })}
      table={
        <>
          <div className="table-tools">
            <ExportButtons
              read={read}
              context={exportContext(data, title, crossTab ? [[t('projects.breakdownBy'), breakdownLabel]] : [])}
            />
          </div>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{firstHeading}</th>
                  {table.series.map((series) => (
                    <th scope="col" className="numeric" key={series.key}>
                      {series.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.data.map((row) => (
                  <tr key={String(row.label)}>
                    <th scope="row">{row.label}</th>
                    {table.series.map((series) => {
                      const value = row[series.key];
                      return (
                        <td className="numeric" key={series.key}>
                          {typeof value === 'number' ? formatFigure(value, data.indicator) : t('dash.noData')}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      }
    >
      <LazyGroupedBarChart data={table.data} series={table.series} format={axisFormat} />
    </ChartFigure>
  );
}

/** Covered municipalities as points and covered regions as outlines; a click opens the unit. */
function CoveredMap({ detail }: { detail: ProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const credits = useMapCredits();
  const outlines = useBoundaries({ parent: detail.project.country.code });
  const heading = t('projects.coveredMap', { project: detail.project.name });
  const model = useMemo(() => {
    const coveredAreas = new Set(
      detail.coveredUnits
        .filter((unit) => unit.kind !== 'country' && unit.kind !== 'municipality')
        .map((unit) => unit.code),
    );
    const areas: MapArea[] = (outlines.data?.features ?? [])
      .filter((feature) => coveredAreas.has(feature.properties.code))
      .map((feature) => ({
        code: feature.properties.code,
        geometry: feature.geometry,
        fill: '#9ecae1',
        label: `${feature.properties.name} (${t(`unitKind.${feature.properties.kind}`)})`,
        interactive: true,
      }));
    const points: MapPoint[] = detail.coveredUnits.flatMap((unit) =>
      unit.kind !== 'municipality' || unit.latitude === null || unit.longitude === null
        ? []
        : [
            {
              code: unit.code,
              position: [unit.latitude, unit.longitude] as [number, number],
              radius: 7,
              fill: '#D55E00',
              label: `${unit.name} (${t(`unitKind.${unit.kind}`)})`,
            },
          ],
    );
    return { areas, points };
  }, [detail, outlines.data, t]);
  return (
    <QueriesState queries={[outlines]} what={t('map.what')} skeleton={<span className="skeleton skeleton-map" />}>
      {() => (
        <MapPanel
          label={heading}
          hint={t('map.hint')}
          credits={credits}
          areas={model.areas}
          points={model.points}
          fitKey={detail.project.code}
          onActivate={(code) => void navigate({ to: '/countries/$code', params: { code } })}
          legend={
            <div className="map-legend">
              <p className="map-legend-title">{t('projects.coveredLegend')}</p>
              <ul>
                <li>
                  <span className="swatch swatch-round" style={{ background: '#D55E00' }} aria-hidden="true" />
                  {t('projects.legendMunicipality', { count: model.points.length })}
                </li>
                {model.areas.length ? (
                  <li>
                    <span className="swatch" style={{ background: '#9ecae1' }} aria-hidden="true" />
                    {t('projects.legendArea', { count: model.areas.length })}
                  </li>
                ) : null}
              </ul>
            </div>
          }
        />
      )}
    </QueriesState>
  );
}
