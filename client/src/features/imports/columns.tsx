// The tables of an import's report: the rows the server refused and, once written, what changed.
// Codes are shown as the file wrote them, so a person finds the row in their spreadsheet.
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
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
