// What every dashboard view starts from: the indicator (from the URL, else the programme's first
// headline indicator) and the quarters (from the URL, else the last two years), and the controls
// that change them.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueriesState } from '../../components/queries-state';
import type { ClassMethod } from '../maps/class-methods';
import { useProgrammeSummary } from '../programme/queries';
import { ClassMethodSelect, IndicatorSelect, PeriodRangeSelect } from './controls';
import { useIndicators, useQuarters } from './queries';
import { type PeriodRange, resolveRange } from './search';

export function useDashboardView(search: { indicator?: string | undefined } & PeriodRange) {
  const quarters = useQuarters();
  const indicators = useIndicators();
  const summary = useProgrammeSummary();
  const code = search.indicator ?? summary.data?.headline[0]?.indicator.code ?? indicators.data?.[0]?.code ?? undefined;
  const indicator = indicators.data?.find((candidate) => candidate.code === code);
  const range = quarters.data ? resolveRange(search, quarters.data.reporting) : null;
  return {
    quarters,
    indicators,
    /** The indicator code in effect; it may be one the URL made up (then `indicator` is undefined). */
    code,
    indicator,
    range,
    /** Indicator and range, once both are known: the input of every analytics request. */
    ready: indicator && range ? { indicator: indicator.code, periods: range } : null,
  };
}

export type DashboardView = ReturnType<typeof useDashboardView>;

export interface ViewChange extends PeriodRange {
  indicator?: string;
  classes?: ClassMethod;
}

/** Indicator and period pickers (and the classification, on maps), inside one labelled group. */
export function ViewControls({
  view,
  onChange,
  classes,
  extra,
}: {
  view: DashboardView;
  onChange: (change: ViewChange) => void;
  classes?: ClassMethod;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="view-controls" aria-label={t('dash.viewControls')}>
      <QueriesState
        queries={[view.quarters, view.indicators]}
        what={t('dash.controlsWhat')}
        skeleton={<span className="skeleton skeleton-controls" />}
      >
        {() => (
          <>
            <div className="view-controls-row">
              <IndicatorSelect
                indicators={view.indicators.data ?? []}
                value={view.code ?? ''}
                onChange={(indicator) => onChange({ indicator })}
              />
              {view.range ? (
                <PeriodRangeSelect
                  quarters={view.quarters.data?.quarters ?? []}
                  value={view.range}
                  onChange={(range) => onChange(range)}
                />
              ) : null}
              {classes ? (
                <ClassMethodSelect value={classes} onChange={(method) => onChange({ classes: method })} />
              ) : null}
              {extra}
            </div>
            {view.code && view.indicators.data && !view.indicator ? (
              <p className="notice notice-error" role="alert">
                {t('dash.unknownIndicator', { code: view.code })}
              </p>
            ) : null}
            {view.indicator?.description ? <p className="indicator-description">{view.indicator.description}</p> : null}
          </>
        )}
      </QueriesState>
    </section>
  );
}
