import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { formatIndicatorValue } from '../../lib/format';
import { figureFormatter } from '../analytics/figures';
import type { AnalyticsIndicator } from '../analytics/queries';
import type { Formatters } from './build';

/** The map's texts for an indicator; the same object until the indicator or the language changes. */
export function useMapFormatters(
  indicator: Pick<AnalyticsIndicator, 'unit' | 'aggregationType' | 'valueType'> | undefined,
): Formatters {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const formatFigure = figureFormatter(t, locale);
    const number = (value: number) => formatIndicatorValue(value, locale);
    return {
      figure: (value) =>
        indicator ? formatFigure(value, indicator) : value === null ? t('dash.noData') : number(value),
      classRange: (from, to) => (from === to ? number(from) : t('map.range', { from: number(from), to: number(to) })),
      areaLabel: (name, valueText, classIndex, classCount) =>
        classIndex === null
          ? t('map.areaLabelNoClass', { name, value: valueText })
          : t('map.areaLabel', { name, value: valueText, index: classIndex + 1, count: classCount }),
    };
  }, [t, locale, indicator]);
}
