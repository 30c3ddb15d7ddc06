import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
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
  }),
  column.accessor((project) => project.country.name, {
    id: 'country',
    header: () => <Header k="country" />,
    cell: ({ row }) => (
      <Link to="/countries/$code" params={{ code: row.original.country.code }}>
        {row.original.country.name}
      </Link>
    ),
  }),
  column.accessor('startDate', {
    header: () => <Header k="dates" />,
    cell: ({ row }) => <DateRange from={row.original.startDate} to={row.original.endDate} />,
  }),
  column.accessor('budget', {
    header: () => <Header k="budget" />,
    cell: ({ row }) => <Money amount={row.original.budget} currency={row.original.currency} />,
    meta: { numeric: true },
  }),
  column.accessor('status', {
    header: () => <Header k="status" />,
    cell: ({ getValue }) => <StatusLabel status={getValue()} />,
  }),
];
