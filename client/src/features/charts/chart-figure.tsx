// Charts as figures: a caption, a one-sentence summary, the chart (loaded lazily with recharts) and
// the same numbers as a table for anyone who cannot see or use the chart.
import { type ComponentProps, type ComponentType, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary, useRetryableLazy } from '../../components/panel-boundary';
import { LoadingStatus } from '../../components/query-state';
import { WhenVisible } from '../../components/when-visible';
import type { GroupedBarChart, UnitBarChart } from './bar-charts';
import type { TrendChart } from './trend-chart';

export function ChartSkeleton({ height = 300 }: { height?: number }) {
  return (
    <LoadingStatus>
      <span className="skeleton skeleton-chart" style={{ height }} />
    </LoadingStatus>
  );
}

export function ChartFigure({
  title,
  summary,
  table,
  children,
  headingLevel,
  hideTitle = false,
}: {
  title: string;
  summary?: string | undefined;
  /** The chart's numbers as a table, behind a disclosure. */
  table?: ReactNode;
  children: ReactNode;
  /** A heading for the title, where the chart is not already the whole section under its own heading. */
  headingLevel?: 3 | 4;
  /** The section's heading already says it: keep the title for assistive technology only. */
  hideTitle?: boolean;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel ? (`h${headingLevel}` as const) : 'span';
  return (
    <figure className="chart-figure">
      <figcaption>
        <Heading className={hideTitle ? 'visually-hidden' : 'chart-title'}>{title}</Heading>
        {summary ? <p className="chart-summary">{summary}</p> : null}
      </figcaption>
      <div className="chart-frame">{children}</div>
      {table ? (
        <details className="chart-data">
          <summary>{t('chart.showData')}</summary>
          {table}
        </details>
      ) : null}
    </figure>
  );
}

const loadTrend = () => import('./trend-chart').then((module) => ({ default: module.TrendChart }));
const loadUnitBars = () => import('./bar-charts').then((module) => ({ default: module.UnitBarChart }));
const loadGroupedBars = () => import('./bar-charts').then((module) => ({ default: module.GroupedBarChart }));

/**
 * A chart from a lazily loaded module, fetched when it comes near the viewport, with its own
 * skeleton and contained failure.
 */
function LazyChart<P extends object>({
  load,
  props,
  height = 300,
}: {
  load: () => Promise<{ default: ComponentType<P> }>;
  props: P;
  height?: number | undefined;
}) {
  const { t } = useTranslation();
  const [Chart, retry] = useRetryableLazy(load);
  return (
    <WhenVisible placeholder={<span className="skeleton skeleton-chart" style={{ height }} aria-hidden="true" />}>
      <PanelBoundary what={t('chart.what')} onRetry={retry}>
        <Suspense fallback={<ChartSkeleton height={height} />}>
          <Chart {...props} />
        </Suspense>
      </PanelBoundary>
    </WhenVisible>
  );
}

export function LazyTrendChart(props: ComponentProps<typeof TrendChart>) {
  return <LazyChart load={loadTrend} props={props} height={props.height} />;
}

export function LazyUnitBarChart(props: ComponentProps<typeof UnitBarChart>) {
  return <LazyChart load={loadUnitBars} props={props} />;
}

export function LazyGroupedBarChart(props: ComponentProps<typeof GroupedBarChart>) {
  return <LazyChart load={loadGroupedBars} props={props} height={320} />;
}
