import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { IllustrativeBadge } from '../../components/badges';
import { DateRange, Money } from '../../components/formatted';
import { useLabels } from '../../i18n/use-labels';
import type { ProjectSummary } from './queries';

const column = createColumnHelper<ProjectSummary>();

function Header({ k }: { k: 'project' | 'country' | 'dates' | 'budget' | 'status' }) {
  const { t } = useTranslation();
  return <>{t(`columns.${k}`)}</>;
}

const STATUSES = ['1', '2', '3', '4', '5', '6'] as const;

/** The IATI status in words, as useLabels says it, for exports (which have no hooks). */
function statusText(status: number, t: TFunction): string {
  const code = STATUSES.find((candidate) => candidate === String(status));
  return code ? t(`projectStatus.${code}`) : t('projectStatus.unknown', { code: String(status) });
}

function StatusLabel({ status }: { status: number }) {
  return <>{useLabels().projectStatus(status)}</>;
}

export const projectColumns = [
  column.accessor('name', {
    header: () => <Header k="project" />,
    cell: ({ row }) => (
      <span className="name-with-badge">
        <Link to="/projects/$code" params={{ code: row.original.code }}>
          {row.original.name}
        </Link>
        {row.original.illustrative ? <IllustrativeBadge /> : null}
      </span>
    ),
    meta: { exportHeader: (t) => t('columns.project') },
  }),
  column.accessor((project) => project.country.name, {
    id: 'country',
    header: () => <Header k="country" />,
    cell: ({ row }) => (
      <Link to="/countries/$code" params={{ code: row.original.country.code }}>
        {row.original.country.name}
      </Link>
    ),
    meta: { exportHeader: (t) => t('columns.country') },
  }),
  column.accessor('startDate', {
    header: () => <Header k="dates" />,
    cell: ({ row }) => <DateRange from={row.original.startDate} to={row.original.endDate} />,
    // An ISO 8601 interval: one cell that spreadsheets and people both read.
    meta: { exportHeader: (t) => t('columns.dates'), exportValue: (row) => `${row.startDate}/${row.endDate}` },
  }),
  column.accessor('budget', {
    header: () => <Header k="budget" />,
    cell: ({ row }) => <Money amount={row.original.budget} currency={row.original.currency} />,
    meta: { numeric: true, exportHeader: (t) => t('columns.budget') },
  }),
  // The screen writes the currency with the amount; a spreadsheet needs it beside the number.
  column.accessor('currency', {
    id: 'currency',
    meta: { exportOnly: true, exportHeader: (t) => t('columns.currency') },
  }),
  column.accessor('status', {
    header: () => <Header k="status" />,
    cell: ({ getValue }) => <StatusLabel status={getValue()} />,
    meta: { exportHeader: (t) => t('columns.status'), exportValue: (row, t) => statusText(row.status, t) },
  }),
];
