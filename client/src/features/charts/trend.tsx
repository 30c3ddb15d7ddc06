// A quarter-by-quarter series (GET /api/analytics?by=period) as chart points, a one-sentence summary
// and the table that says the same in text, exportable like every table.
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../components/export-buttons';
import { usePeriodLabel } from '../../components/formatted';
import { useLocale } from '../../i18n/use-locale';
import type { ExportTable } from '../../lib/export';
import { formatNumber } from '../../lib/format';
import { useAnalyticsExportContext } from '../analytics/export-context';
import { ProgressBadge, UnapprovedMark, useFormatFigure, useFormatPercent } from '../analytics/figures';
import type { Analytics } from '../analytics/queries';
import type { TrendPoint } from './trend-chart';

/** Axis ticks and tooltips: compact ("12K") for big numbers, percentages as such. */
export function useAxisFormat(indicator: Analytics['indicator']) {
  const locale = useLocale();
  const percent = indicator.aggregationType === 'ratio' || indicator.valueType === 'percentage';
  return (value: number) =>
    percent
      ? formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 0 })
      : formatNumber(value, locale, { notation: 'compact', maximumFractionDigits: 1 });
}

export function useTrendPoints(data: Analytics) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const formatFigure = useFormatFigure();
  const formatPercent = useFormatPercent();
  const format = useAxisFormat(data.indicator);
  const points: TrendPoint[] = data.rows.map((row) => ({
    key: row.key,
    label: periodLabel(row.key),
    value: row.value,
    target: row.target,
  }));
  const reported = data.rows.filter((row) => row.value !== null);
  let highest = reported[0];
  for (const row of reported) if ((row.value ?? 0) > (highest?.value ?? 0)) highest = row;
  const latest = reported.at(-1);
  const summary =
    highest && latest
      ? t('chart.trendSummary', {
          highest: formatFigure(highest.value, data.indicator),
          highestPeriod: periodLabel(highest.key),
          latest: formatFigure(latest.value, data.indicator),
          latestPeriod: periodLabel(latest.key),
          progress: latest.progress === null ? t('dash.noTarget') : formatPercent(latest.progress),
        })
      : undefined;
  return { points, format, summary };
}

export function TrendTable({ data, caption }: { data: Analytics; caption: string }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const formatFigure = useFormatFigure();
  const exportContext = useAnalyticsExportContext();
  const headings = [
    t('chart.quarter'),
    t('chart.actual'),
    t('chart.target'),
    t('unitTable.progress'),
    t('unitTable.unitsReporting'),
  ] as const;
  const read = (): ExportTable => ({
    header: [...headings],
    rows: data.rows.map((row) => [
      periodLabel(row.key),
      row.value,
      row.target,
      row.progress === null ? null : Math.round(row.progress * 10) / 10,
      row.unitsReporting,
    ]),
  });
  return (
    <>
      <div className="table-tools">
        <ExportButtons read={read} context={exportContext(data, caption)} />
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {headings.map((heading, index) => (
                <th scope="col" className={index === 0 ? undefined : 'numeric'} key={heading}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{periodLabel(row.key)}</th>
                <td className="numeric">
                  {formatFigure(row.value, data.indicator)}
                  <UnapprovedMark figure={row} />
                </td>
                <td className="numeric">{row.target === null ? '–' : formatFigure(row.target, data.indicator)}</td>
                <td className="numeric">
                  <ProgressBadge progress={row.progress} />
                </td>
                <td className="numeric">{row.unitsReporting}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
