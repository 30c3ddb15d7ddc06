import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Count, periodLabel, usePeriodLabel } from '../../components/formatted';
import { StatusBadge } from '../../components/status-badge';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../entry/format';
import { localToday, timeliness } from '../entry/params';
import type { QueueItem } from './queries';

export function queueRowId(item: Pick<QueueItem, 'orgUnit' | 'period'>): string {
  return `${item.orgUnit.code}/${item.period}`;
}

/** The rows ticked for a batch step; the columns are declared once, so they read it from here. */
export interface Selection {
  selected: ReadonlySet<string>;
  visible: readonly QueueItem[];
  toggle: (id: string, on: boolean) => void;
  toggleAll: (on: boolean) => void;
}

export const SelectionContext = createContext<Selection>({
  selected: new Set(),
  visible: [],
  toggle: () => {},
  toggleAll: () => {},
});

function SelectAll() {
  const { t } = useTranslation();
  const { selected, visible, toggleAll } = useContext(SelectionContext);
  const all = visible.length > 0 && visible.every((item) => selected.has(queueRowId(item)));
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={t('review.selectAll')}
      checked={all}
      onChange={(event) => toggleAll(event.target.checked)}
    />
  );
}

function SelectRow({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const { selected, toggle } = useContext(SelectionContext);
  const id = queueRowId(item);
  return (
    <input
      type="checkbox"
      className="row-check"
      aria-label={t('review.selectRow', { unit: item.orgUnit.name, quarter: periodLabel(item.period) })}
      checked={selected.has(id)}
      onChange={(event) => toggle(id, event.target.checked)}
    />
  );
}

function Header({ k }: { k: 'unit' | 'quarter' | 'status' | 'submitted' | 'timeliness' | 'values' }) {
  const { t } = useTranslation();
  return <>{t(`review.columns.${k}`)}</>;
}

function Quarter({ period }: { period: string }) {
  return <>{usePeriodLabel()(period)}</>;
}

function SubmittedAt({ at }: { at: string | null }) {
  const locale = useLocale();
  return <>{at ? formatDateTime(at, locale) : '—'}</>;
}

function Timeliness({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const timing = timeliness(item.deadline, item.submittedAt, localToday());
  if (timing === 'noDeadline') return <>—</>;
  return <span className={`timeliness timeliness-${timing}`}>{t(`timeliness.${timing}`)}</span>;
}

const column = createColumnHelper<QueueItem>();

export const queueColumns = [
  column.display({ id: 'select', header: () => <SelectAll />, cell: ({ row }) => <SelectRow item={row.original} /> }),
  column.accessor((item) => item.orgUnit.name, {
    id: 'unit',
    header: () => <Header k="unit" />,
    cell: ({ row }) => (
      <Link to="/review/$orgUnit/$period" params={{ orgUnit: row.original.orgUnit.code, period: row.original.period }}>
        {row.original.orgUnit.name}
      </Link>
    ),
    meta: { exportHeader: (t) => t('review.columns.unit') },
  }),
  column.accessor('period', {
    header: () => <Header k="quarter" />,
    cell: ({ getValue }) => <Quarter period={getValue()} />,
    meta: {
      exportHeader: (t) => t('review.columns.quarter'),
      exportValue: (row, t, locale) => periodLabel(row.period, t, locale),
    },
  }),
  column.accessor('status', {
    header: () => <Header k="status" />,
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
    meta: { exportHeader: (t) => t('review.columns.status'), exportValue: (row, t) => t(`reportStatus.${row.status}`) },
  }),
  column.accessor('submittedAt', {
    header: () => <Header k="submitted" />,
    cell: ({ getValue }) => <SubmittedAt at={getValue()} />,
    // ISO 8601 (UTC), which spreadsheets sort and convert.
    meta: { exportHeader: (t) => t('review.columns.submitted') },
  }),
  column.accessor((item) => timeliness(item.deadline, item.submittedAt, localToday()), {
    id: 'timeliness',
    header: () => <Header k="timeliness" />,
    cell: ({ row }) => <Timeliness item={row.original} />,
    meta: {
      exportHeader: (t) => t('review.columns.timeliness'),
      exportValue: (row, t) => {
        const timing = timeliness(row.deadline, row.submittedAt, localToday());
        return timing === 'noDeadline' ? null : t(`timeliness.${timing}`);
      },
    },
  }),
  column.accessor('values', {
    header: () => <Header k="values" />,
    cell: ({ getValue }) => <Count value={getValue()} />,
    meta: { numeric: true, exportHeader: (t) => t('review.columns.values') },
  }),
];
