// How the dashboards write an aggregate: in the indicator's own terms (a count of units meeting the
// condition, a percentage, a mean stage), with the unit, and marked when unapproved values are in it.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { formatIndicatorValue, formatNumber } from '../../lib/format';
import type { Locale } from '../../lib/locale';
import { BAND_STYLE, progressBand } from './progress';
import type { AnalyticsFigure, AnalyticsIndicator } from './queries';

type IndicatorForFormat = Pick<AnalyticsIndicator, 'unit' | 'aggregationType' | 'valueType'>;

export type FormatFigure = (value: number | null | undefined, indicator: IndicatorForFormat) => string;

/** The number alone, as precise as the indicator: whole numbers for counts of people. */
export function useFormatNumberOf() {
  const locale = useLocale();
  return (value: number, indicator: Pick<IndicatorForFormat, 'valueType'>) =>
    indicator.valueType === 'integer'
      ? formatNumber(value, locale, { maximumFractionDigits: 0 })
      : formatIndicatorValue(value, locale);
}

/** "1,234 people", "45.2 %", "12 units"; "No data" for null. */
export function figureFormatter(t: TFunction, locale: Locale): FormatFigure {
  return (value, indicator) => {
    if (value === null || value === undefined) return t('dash.noData');
    // Targets of whole-number indicators are spread over quarters (¼ of a year's); show whole numbers.
    const number =
      indicator.valueType === 'integer'
        ? formatNumber(value, locale, { maximumFractionDigits: 0 })
        : formatIndicatorValue(value, locale);
    if (indicator.aggregationType === 'count') return t('dash.unitCount', { count: value, value: number });
    if (indicator.aggregationType === 'ratio' || indicator.valueType === 'percentage' || indicator.unit === '%') {
      return formatNumber(value / 100, locale, { style: 'percent', maximumFractionDigits: 1 });
    }
    return `${number} ${indicator.unit}`;
  };
}

/** The figure formatter for the interface language; the same function until the language changes. */
export function useFormatFigure(): FormatFigure {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => figureFormatter(t, locale), [t, locale]);
}

/** The unit as a legend or axis says it: a count indicator counts units, whatever its raw unit. */
export function useUnitLabel() {
  const { t } = useTranslation();
  return (indicator: IndicatorForFormat) =>
    indicator.aggregationType === 'count' ? t('dash.unitsMeetingUnit') : indicator.unit;
}

export function useFormatPercent() {
  const locale = useLocale();
  return (percent: number) => formatNumber(percent / 100, locale, { style: 'percent', maximumFractionDigits: 0 });
}

/** Percent of target with its band's symbol and word; colour only reinforces them. */
export function ProgressBadge({ progress, detail }: { progress: number | null; detail?: string }) {
  const { t } = useTranslation();
  const formatPercent = useFormatPercent();
  const band = progressBand(progress);
  const { symbol, background } = BAND_STYLE[band];
  return (
    <span className={`progress-badge progress-${band}`} style={{ background }} title={detail}>
      <span aria-hidden="true" className="progress-symbol">
        {symbol}
      </span>
      {progress === null || band === 'noTarget' ? (
        <span className="visually-hidden">{t('dash.noProgress')}</span>
      ) : (
        <>
          {' '}
          {formatPercent(progress)}
          <span className="visually-hidden"> ({t(`dash.band.${band}`)})</span>
        </>
      )}
    </span>
  );
}

/** A bar toward 100 % of target, capped at the end; the number beside it says the truth. */
export function ProgressBar({ progress }: { progress: number | null }) {
  if (progress === null) return null;
  const width = Math.max(0, Math.min(100, progress));
  return (
    <span className="progress-bar" aria-hidden="true">
      <span className="progress-bar-fill" style={{ width: `${width}%`, background: '#2c7bb6' }} />
    </span>
  );
}

/** A small mark for figures that include values not yet approved (staff views only). */
export function UnapprovedMark({
  figure,
}: {
  figure: Pick<AnalyticsFigure, 'includesUnapproved' | 'unapprovedValues'>;
}) {
  const { t } = useTranslation();
  if (!figure.includesUnapproved) return null;
  const text = t('dash.includesUnapproved', { count: figure.unapprovedValues });
  return (
    <span className="unapproved-mark" title={text}>
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
