// The tables of an import's report: the rows the server refused and, once written, what changed.
// Codes are shown as the file wrote them, so a person finds the row in their spreadsheet.
import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConflictRow, Places } from './dhis2';
import type { DataValueRow, MetadataRow } from './kinds';

type HeaderKey = 'row' | 'orgUnit' | 'indicator' | 'period' | 'option' | 'reason' | 'key' | 'action' | 'value';

function Header({ k }: { k: HeaderKey }) {
  const { t } = useTranslation();
  return <>{t(`imports.columns.${k}`)}</>;
}

function ActionText({ action }: { action: DataValueRow['action'] }) {
  const { t } = useTranslation();
  return <>{t(`imports.action.${action}`)}</>;
}

const dataValue = createColumnHelper<DataValueRow>();

const rowColumn = dataValue.accessor('row', {
  header: () => <Header k="row" />,
  meta: { numeric: true, exportHeader: (t) => t('imports.columns.row') },
});

const placeColumns = [
  dataValue.accessor('orgUnit', {
    header: () => <Header k="orgUnit" />,
    meta: { exportHeader: (t) => t('imports.columns.orgUnit') },
  }),
  dataValue.accessor('indicator', {
    header: () => <Header k="indicator" />,
    meta: { exportHeader: (t) => t('imports.columns.indicator') },
  }),
  dataValue.accessor('period', {
    header: () => <Header k="period" />,
    meta: { exportHeader: (t) => t('imports.columns.period') },
  }),
  dataValue.accessor('option', {
    header: () => <Header k="option" />,
    meta: { exportHeader: (t) => t('imports.columns.option') },
  }),
];

export const rejectedValueColumns = [
  rowColumn,
  ...placeColumns,
  dataValue.accessor((row) => row.reason ?? '', {
    id: 'reason',
    header: () => <Header k="reason" />,
    meta: { exportHeader: (t) => t('imports.columns.reason') },
  }),
];

export const writtenValueColumns = [
  rowColumn,
  ...placeColumns,
  dataValue.accessor((row) => row.value?.value ?? null, {
    id: 'value',
    header: () => <Header k="value" />,
    meta: { numeric: true, exportHeader: (t) => t('imports.columns.value') },
  }),
  dataValue.accessor('action', {
    header: () => <Header k="action" />,
    cell: ({ getValue }) => <ActionText action={getValue()} />,
    meta: {
      exportHeader: (t) => t('imports.columns.action'),
      exportValue: (row, t) => t(`imports.action.${row.action}`),
    },
  }),
];

const metadata = createColumnHelper<MetadataRow>();

export const metadataColumns = [
  metadata.accessor('row', {
    header: () => <Header k="row" />,
    meta: { numeric: true, exportHeader: (t) => t('imports.columns.row') },
  }),
  metadata.accessor('key', {
    header: () => <Header k="key" />,
    meta: { exportHeader: (t) => t('imports.columns.key') },
  }),
  metadata.accessor('action', {
    header: () => <Header k="action" />,
    cell: ({ getValue }) => <ActionText action={getValue()} />,
    meta: {
      exportHeader: (t) => t('imports.columns.action'),
      exportValue: (row, t) => t(`imports.action.${row.action}`),
    },
  }),
  metadata.accessor((row) => row.reason ?? '', {
    id: 'reason',
    header: () => <Header k="reason" />,
    meta: { exportHeader: (t) => t('imports.columns.reason') },
  }),
];

// DHIS2's conflicts, in DHIS2's words (data element, org unit, category option combo), so a person
// finds them in the DHIS2 export; the advice says what to change.
type Dhis2HeaderKey = 'where' | 'dataElement' | 'period' | 'orgUnit' | 'categoryOptionCombo' | 'problem' | 'advice';

function Dhis2Header({ k }: { k: Dhis2HeaderKey }) {
  const { t } = useTranslation();
  return <>{t(`imports.dhis2.columns.${k}`)}</>;
}

/** "values 1, 4 and 7 more", "lines 2, 5". */
export function describePlaces(places: Places, t: TFunction): string {
  const list = places.numbers.join(', ');
  const where = t(`imports.dhis2.where.${places.format}`, { count: places.numbers.length, list });
  return places.more > 0 ? `${where} ${t('imports.dhis2.where.more', { count: places.more })}` : where;
}

function PlacesText({ places }: { places: Places }) {
  const { t } = useTranslation();
  return <>{describePlaces(places, t)}</>;
}

function adviceText(row: ConflictRow, t: TFunction): string {
  return t(`imports.dhis2.advice.${row.advice}`, { code: row.code });
}

function AdviceText({ row }: { row: ConflictRow }) {
  const { t } = useTranslation();
  return <>{adviceText(row, t)}</>;
}

const conflict = createColumnHelper<ConflictRow>();

const dhis2Column = (key: 'dataElement' | 'period' | 'orgUnit' | 'categoryOptionCombo') =>
  conflict.accessor(key, {
    header: () => <Dhis2Header k={key} />,
    meta: { exportHeader: (t) => t(`imports.dhis2.columns.${key}`) },
  });

export const dhis2ConflictColumns = [
  conflict.accessor((row) => row.places.numbers[0] ?? 0, {
    id: 'where',
    header: () => <Dhis2Header k="where" />,
    cell: ({ row }) => <PlacesText places={row.original.places} />,
    meta: {
      exportHeader: (t) => t('imports.dhis2.columns.where'),
      exportValue: (row, t) => describePlaces(row.places, t),
    },
  }),
  dhis2Column('dataElement'),
  dhis2Column('period'),
  dhis2Column('orgUnit'),
  dhis2Column('categoryOptionCombo'),
  conflict.accessor('problem', {
    header: () => <Dhis2Header k="problem" />,
    meta: { exportHeader: (t) => t('imports.dhis2.columns.problem') },
  }),
  conflict.accessor('advice', {
    header: () => <Dhis2Header k="advice" />,
    cell: ({ row }) => <AdviceText row={row.original} />,
    meta: {
      exportHeader: (t) => t('imports.dhis2.columns.advice'),
      exportValue: (row, t) => adviceText(row, t),
    },
  }),
];
