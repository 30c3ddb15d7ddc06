import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { formatIndicatorValue, formatNumber } from '../../lib/format';
import type { Locale } from '../../lib/locale';
import type { Indicator } from './queries';

export interface ValueLike {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

/** A value as a reader says it: "1,049", "12.5 % (1 of 8)", "Yes", "3 · Included in the plan". */
export function useValueText() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (indicator: Pick<Indicator, 'valueType' | 'stages'>, row: ValueLike | null | undefined): string => {
    if (!row || row.value === null) return t('entry.noValue');
    switch (indicator.valueType) {
      case 'yes_no':
        return row.value === 1 ? t('entry.yes') : t('entry.no');
      case 'stage': {
        const label = indicator.stages.find((stage) => stage.stage === row.value)?.label;
        return label ? t('entry.stageValue', { stage: row.value, label }) : String(row.value);
      }
      case 'percentage': {
        const percent = formatNumber(row.value, locale, { maximumFractionDigits: 1 });
        return row.numerator != null && row.denominator != null
          ? t('entry.percentValue', {
              percent,
              numerator: formatIndicatorValue(row.numerator, locale),
              denominator: formatIndicatorValue(row.denominator, locale),
            })
          : t('entry.percent', { percent });
      }
      default:
        return formatIndicatorValue(row.value, locale);
    }
  };
}

/** "Q3 2026" for `2026Q3`, in the interface language. */
export function useQuarterLabel(): (id: string) => string {
  const { t } = useTranslation();
  return (id) => {
    const match = /^(\d{4})Q([1-4])$/.exec(id);
    return match ? t('common.quarter', { quarter: Number(match[2]), year: Number(match[1]) }) : id;
  };
}
