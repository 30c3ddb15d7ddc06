// The view controls every dashboard shares: which indicator, which quarters, which classification.
// Controlled components: the pages keep the state in the URL.
import './dashboard.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeriodLabel } from '../../components/formatted';
import { compareQuarterIds } from '../../lib/quarters';
import { CLASS_METHODS, type ClassMethod } from '../maps/class-methods';
import type { Indicator } from './queries';
import type { PeriodRange } from './search';

/** Indicators grouped by theme, in the API's order within each theme. */
function byTheme(indicators: readonly Indicator[]): [string, Indicator[]][] {
  const groups = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    const theme = indicator.theme?.name ?? '';
    groups.set(theme, [...(groups.get(theme) ?? []), indicator]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function IndicatorSelect({
  indicators,
  value,
  onChange,
  label,
}: {
  indicators: readonly Indicator[];
  value: string;
  onChange: (code: string) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('dash.indicator')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {byTheme(indicators).map(([theme, items]) => (
          <optgroup key={theme} label={theme || t('dash.noTheme')}>
            {items.map((indicator) => (
              <option key={indicator.code} value={indicator.code}>
                {indicator.shortName}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function PeriodRangeSelect({
  quarters,
  value,
  onChange,
}: {
  quarters: readonly string[];
  value: Required<PeriodRange>;
  onChange: (range: Required<PeriodRange>) => void;
}) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const fromId = useId();
  const toId = useId();
  // A range typed into the URL may reach outside the quarters offered; keep it selectable.
  const options = [...new Set([...quarters, value.from, value.to])].sort(compareQuarterIds);
  const change = (from: string, to: string) =>
    onChange(compareQuarterIds(from, to) > 0 ? { from: to, to: from } : { from, to });
  return (
    <fieldset className="period-range">
      <legend>{t('dash.periods')}</legend>
      <div className="field">
        <label htmlFor={fromId}>{t('dash.from')}</label>
        <select id={fromId} value={value.from} onChange={(event) => change(event.target.value, value.to)}>
          {options.map((quarter) => (
            <option key={quarter} value={quarter}>
              {periodLabel(quarter)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={toId}>{t('dash.to')}</label>
        <select id={toId} value={value.to} onChange={(event) => change(value.from, event.target.value)}>
          {options.map((quarter) => (
            <option key={quarter} value={quarter}>
              {periodLabel(quarter)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

export function ClassMethodSelect({
  value,
  onChange,
}: {
  value: ClassMethod;
  onChange: (method: ClassMethod) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('map.classes')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          const method = CLASS_METHODS.find((candidate) => candidate === event.target.value);
          if (method) onChange(method);
        }}
      >
        {CLASS_METHODS.map((method) => (
          <option key={method} value={method}>
            {t(`map.method.${method}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Q4 2024 – Q3 2026", or one quarter. */
export function usePeriodRangeLabel() {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  return ({ from, to }: Required<PeriodRange>) =>
    from === to ? periodLabel(from) : t('common.dateRange', { from: periodLabel(from), to: periodLabel(to) });
}
