// The indicator explorer: every data value of one indicator in a subtree and a range of quarters,
// as a pivot-style table (group, sort, filter, hide columns) with CSV and XLSX export of exactly
// what is shown. Everything that shapes the table is in the URL.
import { getRouteApi } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../components/export-buttons';
import { PageHeader } from '../../components/page-header';
import { QueriesState } from '../../components/queries-state';
import { EmptyState, SkeletonTable } from '../../components/query-state';
import { useLocale } from '../../i18n/use-locale';
import type { ExportContext } from '../../lib/export';
import { formatNumber } from '../../lib/format';
import { usePeriodRangeLabel } from '../analytics/controls';
import { compactSearch } from '../analytics/search';
import { type DashboardView, useDashboardView, ViewControls } from '../analytics/view';
import { useMe } from '../auth/session';
import { usePoints } from '../maps/queries';
import { groupAggregation, searchFromTableState, tableStateFromSearch, toExplorerRows } from './pivot';
import { describeTableState, explorerColumns, PivotTable, readExplorerTable } from './pivot-table';
import { MAX_ROWS, seesApprovedOnly, useExplorerValues } from './queries';
import { EXPLORER_COLUMNS, type ExplorerSearch, GROUPABLE_COLUMNS } from './search';

const route = getRouteApi('/explorer');

const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'accepted'] as const;
const UNIT_KINDS = ['country', 'region', 'province', 'municipality'] as const;

function isUnitKind(kind: string): kind is (typeof UNIT_KINDS)[number] {
  return (UNIT_KINDS as readonly string[]).includes(kind);
}

function useUpdateSearch() {
  const navigate = route.useNavigate();
  return (patch: Partial<ExplorerSearch>, replace = false) =>
    void navigate({ search: (previous) => compactSearch({ ...previous, ...patch }), replace, resetScroll: false });
}

export function ExplorerPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const update = useUpdateSearch();
  const view = useDashboardView(search);
  return (
    <>
      <PageHeader title={t('explorer.title')}>
        <p className="lede">{t('explorer.intro')}</p>
      </PageHeader>
      <ViewControls
        view={view}
        onChange={(change) => update(change)}
        extra={<UnitSelect value={search.unit} onChange={(unit) => update({ unit })} />}
      />
      <ExplorerData view={view} />
    </>
  );
}

/** Whose subtree: the whole programme, a country, or a region or province inside one. */
function UnitSelect({ value, onChange }: { value: string | undefined; onChange: (unit: string | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const points = usePoints({});
  const units = (points.data?.features ?? []).map((feature) => feature.properties);
  const countries = units.filter((unit) => unit.kind === 'country').sort((a, b) => a.name.localeCompare(b.name));
  const within = (country: string) => {
    const inside = new Set([country]);
    const out: typeof units = [];
    // Units are listed by level, so a parent is always seen before its children.
    for (const unit of units) {
      if (unit.parentCode && inside.has(unit.parentCode) && unit.kind !== 'municipality') {
        inside.add(unit.code);
        out.push(unit);
      }
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  };
  const known = value === undefined || units.some((unit) => unit.code === value);
  return (
    <div className="field">
      <label htmlFor={id}>{t('explorer.unit')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{t('explorer.wholeProgramme')}</option>
        {known ? null : <option value={value}>{value}</option>}
        {countries.map((country) => (
          <optgroup key={country.code} label={country.name}>
            <option value={country.code}>{t('explorer.allOf', { name: country.name })}</option>
            {within(country.code).map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.level > 2 ? '\u00a0\u00a0' : ''}
                {unit.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function ExplorerData({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const search = route.useSearch();
  const request =
    view.ready && view.indicator
      ? {
          indicator: view.indicator.code,
          unit: search.unit ?? null,
          from: view.ready.periods.from,
          to: view.ready.periods.to,
        }
      : null;
  const values = useExplorerValues(request);
  const names = usePoints({});
  return (
    <section className="panel" aria-labelledby="explorer-table-heading">
      <h2 id="explorer-table-heading">{t('explorer.tableHeading', { indicator: view.indicator?.shortName ?? '' })}</h2>
      <QueriesState queries={[values, names]} what={t('explorer.what')} skeleton={<SkeletonTable rows={12} />}>
        {() =>
          values.data && names.data && view.indicator ? (
            values.data.items.length === 0 ? (
              <EmptyState>{t('explorer.empty', { indicator: view.indicator.shortName })}</EmptyState>
            ) : (
              <ExplorerTable
                values={values.data.items}
                total={values.data.total}
                points={names.data.features}
                indicator={view.indicator}
                range={view.range}
              />
            )
          ) : null
        }
      </QueriesState>
    </section>
  );
}

function ExplorerTable({
  values,
  total,
  points,
  indicator,
  range,
}: {
  values: NonNullable<ReturnType<typeof useExplorerValues>['data']>['items'];
  total: number;
  points: NonNullable<ReturnType<typeof usePoints>['data']>['features'];
  indicator: NonNullable<DashboardView['indicator']>;
  range: DashboardView['range'];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = route.useSearch();
  const update = useUpdateSearch();
  const rangeLabel = usePeriodRangeLabel();
  const me = useMe();
  // Same search, same state objects: TanStack recomputes its row models when these references change.
  const state = useMemo(() => tableStateFromSearch(search), [search]);
  const aggregation = groupAggregation(indicator.aggregationType);
  const columns = useMemo(() => explorerColumns(aggregation), [aggregation]);

  const rows = useMemo(() => {
    const units = new Map(
      points.map((point) => [
        point.properties.code,
        { name: point.properties.name, kind: point.properties.kind, parentCode: point.properties.parentCode },
      ]),
    );
    const options = new Map(indicator.disaggregation.options.map((option) => [option.code, option.name]));
    return toExplorerRows(values, units, {
      kind: (kind) => (isUnitKind(kind) ? t(`unitKind.${kind}`) : kind),
      option: (code) => options.get(code) ?? code,
      status: (status) =>
        status && (REPORT_STATUSES as readonly string[]).includes(status)
          ? t(`explorer.status.${status as (typeof REPORT_STATUSES)[number]}`)
          : t('explorer.status.none'),
    });
  }, [values, points, indicator, t]);

  const caption = t('explorer.tableHeading', { indicator: indicator.shortName });
  const hidden = new Set(search.hide?.split(',') ?? []);
  const grouping = search.group?.split(',') ?? [];
  const area = search.unit
    ? (points.find((point) => point.properties.code === search.unit)?.properties.name ?? search.unit)
    : t('explorer.wholeProgramme');
  const filters: ExportContext['filters'] = [
    [t('dash.indicator'), `${indicator.name} (${indicator.unit})`],
    [t('explorer.unit'), area],
  ];
  if (range) filters.push([t('dash.periods'), rangeLabel(range)]);
  const exportContext: ExportContext = {
    title: caption,
    filters: [...filters, ...describeTableState(state, t)],
    approvedOnly: seesApprovedOnly(me.data?.user ?? null),
  };

  return (
    <>
      <div className="pivot-controls">
        <fieldset className="checkbox-group">
          <legend>{t('explorer.groupBy')}</legend>
          {GROUPABLE_COLUMNS.map((column) => (
            <label key={column} className="checkbox">
              <input
                type="checkbox"
                checked={grouping.includes(column)}
                onChange={(event) => {
                  const next = event.target.checked
                    ? [...grouping, column]
                    : grouping.filter((grouped) => grouped !== column);
                  update({ group: next.length ? next.join(',') : undefined });
                }}
              />
              {t(`explorer.column.${column}`)}
              {grouping.includes(column) ? <span className="muted"> ({grouping.indexOf(column) + 1})</span> : null}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-group">
          <legend>{t('explorer.columnsShown')}</legend>
          {EXPLORER_COLUMNS.map((column) => (
            <label key={column} className="checkbox">
              <input
                type="checkbox"
                checked={!hidden.has(column)}
                // The last visible column stays: an empty table shows and exports nothing.
                disabled={!hidden.has(column) && hidden.size === EXPLORER_COLUMNS.length - 1}
                onChange={(event) => {
                  const next = new Set(hidden);
                  if (event.target.checked) next.delete(column);
                  else next.add(column);
                  update({ hide: next.size ? EXPLORER_COLUMNS.filter((c) => next.has(c)).join(',') : undefined });
                }}
              />
              {t(`explorer.column.${column}`)}
            </label>
          ))}
        </fieldset>
      </div>

      <PivotTable
        rows={rows}
        columns={columns}
        state={state}
        caption={caption}
        renderTools={(table) => {
          const shownCount = table.getFilteredRowModel().rows.length;
          return (
            <>
              <div className="table-tools">
                <p className="toolbar-count" aria-live="polite">
                  {t('explorer.counts', {
                    shown: formatNumber(shownCount, locale),
                    total: formatNumber(rows.length, locale),
                  })}
                  {grouping.length ? ` ${t(`explorer.aggregation.${aggregation}`)}` : ''}
                </p>
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    update({
                      group: undefined,
                      sort: undefined,
                      hide: undefined,
                      f_unit: undefined,
                      f_parent: undefined,
                      f_kind: undefined,
                      f_period: undefined,
                      f_option: undefined,
                      f_status: undefined,
                      f_comment: undefined,
                      f_value: undefined,
                      f_numerator: undefined,
                      f_denominator: undefined,
                    })
                  }
                >
                  {t('explorer.reset')}
                </button>
                {grouping.length ? (
                  <>
                    <button type="button" className="button" onClick={() => table.toggleAllRowsExpanded(true)}>
                      {t('explorer.expandAll')}
                    </button>
                    <button type="button" className="button" onClick={() => table.toggleAllRowsExpanded(false)}>
                      {t('explorer.collapseAll')}
                    </button>
                  </>
                ) : null}
                <ExportButtons
                  read={() => readExplorerTable(table, t)}
                  context={exportContext}
                  name={[
                    indicator.shortName,
                    search.unit ?? t('explorer.wholeProgramme'),
                    range ? rangeLabel(range) : '',
                  ]}
                  sheetName={indicator.shortName}
                  bomChoice
                />
              </div>
              {total > MAX_ROWS ? (
                <p className="notice notice-info">
                  {t('explorer.truncated', {
                    shown: formatNumber(MAX_ROWS, locale),
                    total: formatNumber(total, locale),
                  })}
                </p>
              ) : null}
              {rows.length > 0 && shownCount === 0 ? <EmptyState>{t('explorer.noMatch')}</EmptyState> : null}
            </>
          );
        }}
        onStateChange={(next) => update(searchFromTableState(next), true)}
      />
    </>
  );
}
