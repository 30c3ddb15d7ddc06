// The table of units that goes with every map and unit chart: name (a link one level down), the
// figure, its class on the map, target and progress. Rows carry their formatted texts, so the
// columns stay declared once, here, at module scope.
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { unitKindLabel, useLabels } from '../../i18n/use-labels';
import type { CountrySearch } from '../countries/search';
import { ProgressBadge, UnapprovedMark } from './figures';

export interface UnitFigureRow {
  code: string;
  name: string;
  kind: string | null;
  /** The unit's own reports (a council's), apart from the units below it. */
  own: boolean;
  value: number | null;
  valueText: string;
  target: number | null;
  targetText: string;
  progress: number | null;
  unitsReporting: number;
  /** The map class ("120 – 450") and its colour; null off the map or without a value. */
  classText: string | null;
  colour: string | null;
  includesUnapproved: boolean;
  unapprovedValues: number;
  /** Where the name links: the unit's page with the same view; no link for the unit's own row. */
  linkSearch: CountrySearch | null;
}

const column = createColumnHelper<UnitFigureRow>();

type HeaderKey = 'name' | 'kind' | 'value' | 'mapClass' | 'target' | 'progress' | 'unitsReporting';

function Header({ k }: { k: HeaderKey }) {
  const { t } = useTranslation();
  return <>{t(`unitTable.${k}`)}</>;
}

function KindLabel({ kind }: { kind: string | null }) {
  const labels = useLabels();
  return <>{kind ? labels.unitKind(kind) : ''}</>;
}

function OwnReports({ name }: { name: string }) {
  const { t } = useTranslation();
  return <>{t('unitTable.ownReports', { name })}</>;
}

const undefinedIfNull = (value: number | null) => value ?? undefined;

export const unitFigureColumns = [
  column.accessor('name', {
    header: () => <Header k="name" />,
    cell: ({ row }) =>
      row.original.own || !row.original.linkSearch ? (
        row.original.own ? (
          <OwnReports name={row.original.name} />
        ) : (
          row.original.name
        )
      ) : (
        <Link to="/countries/$code" params={{ code: row.original.code }} search={row.original.linkSearch}>
          {row.original.name}
        </Link>
      ),
    meta: {
      exportHeader: (t) => t('unitTable.name'),
      exportValue: (row, t) => (row.own ? t('unitTable.ownReports', { name: row.name }) : row.name),
    },
  }),
  column.accessor('kind', {
    header: () => <Header k="kind" />,
    cell: ({ getValue }) => <KindLabel kind={getValue()} />,
    meta: {
      exportHeader: (t) => t('unitTable.kind'),
      exportValue: (row, t) => (row.kind ? unitKindLabel(row.kind, t) : null),
    },
  }),
  column.accessor((row) => undefinedIfNull(row.value), {
    id: 'value',
    header: () => <Header k="value" />,
    cell: ({ row }) => (
      <>
        {row.original.valueText}
        <UnapprovedMark figure={row.original} />
      </>
    ),
    sortUndefined: 'last',
    meta: { numeric: true, exportHeader: (t) => t('unitTable.value'), exportValue: (row) => row.value },
  }),
  column.accessor('classText', {
    id: 'mapClass',
    header: () => <Header k="mapClass" />,
    enableSorting: false,
    cell: ({ row }) =>
      row.original.classText ? (
        <span className="class-cell">
          <span className="swatch" style={{ background: row.original.colour ?? undefined }} aria-hidden="true" />
          {row.original.classText}
        </span>
      ) : (
        '–'
      ),
    meta: { exportHeader: (t) => t('unitTable.mapClass') },
  }),
  column.accessor((row) => undefinedIfNull(row.target), {
    id: 'target',
    header: () => <Header k="target" />,
    cell: ({ row }) => row.original.targetText,
    sortUndefined: 'last',
    meta: { numeric: true, exportHeader: (t) => t('unitTable.target'), exportValue: (row) => row.target },
  }),
  column.accessor((row) => undefinedIfNull(row.progress), {
    id: 'progress',
    header: () => <Header k="progress" />,
    cell: ({ row }) => <ProgressBadge progress={row.original.progress} />,
    sortUndefined: 'last',
    meta: {
      numeric: true,
      exportHeader: (t) => t('unitTable.progress'),
      exportValue: (row) => (row.progress === null ? null : Math.round(row.progress * 10) / 10),
    },
  }),
  column.accessor('unitsReporting', {
    header: () => <Header k="unitsReporting" />,
    meta: { numeric: true, exportHeader: (t) => t('unitTable.unitsReporting') },
  }),
];
