import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Count, Money } from '../../components/formatted';
import type { ProgrammeSummary } from './queries';

/** A summary country row, with the programme currency its budget is expressed in. */
export type CountryRow = ProgrammeSummary['countries'][number] & { currency: string };

const column = createColumnHelper<CountryRow>();

function Header({ k }: { k: 'country' | 'projects' | 'municipalities' | 'budget' }) {
  const { t } = useTranslation();
  return <>{t(`columns.${k}`)}</>;
}

export const countryColumns = [
  column.accessor('name', {
    header: () => <Header k="country" />,
    cell: ({ row }) => (
      <Link to="/countries/$code" params={{ code: row.original.code }}>
        {row.original.name}
      </Link>
    ),
    meta: { exportHeader: (t) => t('columns.country') },
  }),
  column.accessor('projects', {
    header: () => <Header k="projects" />,
    cell: ({ getValue }) => <Count value={getValue()} />,
    meta: { numeric: true, exportHeader: (t) => t('columns.projects') },
  }),
  column.accessor('municipalities', {
    header: () => <Header k="municipalities" />,
    cell: ({ getValue }) => <Count value={getValue()} />,
    meta: { numeric: true, exportHeader: (t) => t('columns.municipalities') },
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
];

export function toCountryRows(summary: ProgrammeSummary): CountryRow[] {
  return summary.countries.map((country) => ({ ...country, currency: summary.totals.currency }));
}
