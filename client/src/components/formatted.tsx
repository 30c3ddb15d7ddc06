// Small display components for formatted values; they read the interface locale themselves so
// table columns can be declared once at module scope.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale';
import { formatCompactCurrency, formatCurrency, formatDate, formatNumber, parsePeriod } from '../lib/format';
import type { Locale } from '../lib/locale';

export function Money({ amount, currency }: { amount: number; currency: string }) {
  const locale = useLocale();
  return (
    <data value={amount} title={formatCurrency(amount, currency, locale)}>
      {formatCompactCurrency(amount, currency, locale)}
    </data>
  );
}

export function Count({ value }: { value: number }) {
  const locale = useLocale();
  return <data value={value}>{formatNumber(value, locale)}</data>;
}

export function DateRange({ from, to }: { from: string; to: string }) {
  const locale = useLocale();
  const { t } = useTranslation();
  return (
    <span className="nowrap-parts">
      {t('common.dateRange', {
        from: formatDate(from, locale),
        to: formatDate(to, locale),
      })}
    </span>
  );
}

/** A period in words: "Q3 2026", "2026", a date; any other code as it is. For exports, which have no hooks. */
export function periodLabel(code: string, t: TFunction, locale: Locale): string {
  const period = parsePeriod(code);
  switch (period.type) {
    case 'quarter':
      return t('common.quarter', { quarter: period.quarter, year: period.year });
    case 'year':
      return String(period.year);
    case 'date':
      return formatDate(period.date, locale);
    default:
      return period.code;
  }
}

export function usePeriodLabel(): (code: string) => string {
  const locale = useLocale();
  const { t } = useTranslation();
  return (code) => periodLabel(code, t, locale);
}
