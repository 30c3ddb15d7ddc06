import { createColumnHelper } from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../entry/format';
import type { Account } from './queries';

export type AccountStep = 'edit' | 'reset' | 'active';

/** Who is looking (their own row offers no lock-out) and how a row opens a step. */
export interface RowActions {
  selfId: number | null;
  open: (step: AccountStep, account: Account) => void;
}

/** The columns are declared once, at module scope, so the row buttons read the page's handlers here. */
export const RowActionsContext = createContext<RowActions>({ selfId: null, open: () => {} });

type HeaderKey = 'name' | 'role' | 'unit' | 'status' | 'lastSignIn' | 'actions';

function Header({ k }: { k: HeaderKey }) {
  const { t } = useTranslation();
  return <>{t(`admin.columns.${k}`)}</>;
}

function Name({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { selfId } = useContext(RowActionsContext);
  return (
    <>
      <span className="account-name">
        {account.name}
        {account.id === selfId ? <span className="muted"> {t('admin.you')}</span> : null}
      </span>
      <span className="account-email">{account.email}</span>
    </>
  );
}

function RoleText({ role }: { role: Account['role'] }) {
  const { t } = useTranslation();
  return <>{t(`roles.${role}`)}</>;
}

function UnitText({ unit }: { unit: Account['orgUnit'] }) {
  const { t } = useTranslation();
  return unit ? unit.name : <span className="muted">{t('admin.programmeWide')}</span>;
}

function Status({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <span className="account-status">
      <span className={`badge ${account.active ? 'badge-account-active' : 'badge-account-inactive'}`}>
        {account.active ? t('admin.status.active') : t('admin.status.inactive')}
      </span>
      {account.canSignIn ? null : <span className="muted">{t('admin.status.noPassword')}</span>}
    </span>
  );
}

function LastSignIn({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return at ? formatDateTime(at, locale) : <span className="muted">{t('admin.never')}</span>;
}

/** A row's button: its word on screen, and whose row it is for assistive technology ("Edit Upala"). */
function RowButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-small" onClick={onClick}>
      {label}
      <span className="visually-hidden"> {name}</span>
    </button>
  );
}

function Actions({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { selfId, open } = useContext(RowActionsContext);
  return (
    <div className="row-actions">
      <RowButton label={t('admin.actions.edit')} name={account.name} onClick={() => open('edit', account)} />
      {/* Resetting one's own password would end one's own session; deactivating oneself is refused. */}
      {account.id === selfId ? null : (
        <>
          <RowButton label={t('admin.actions.reset')} name={account.name} onClick={() => open('reset', account)} />
          <RowButton
            label={account.active ? t('admin.actions.deactivate') : t('admin.actions.reactivate')}
            name={account.name}
            onClick={() => open('active', account)}
          />
        </>
      )}
    </div>
  );
}

const column = createColumnHelper<Account>();

export const accountColumns = [
  // Name and email share a column (the table fits a laptop screen); it sorts by name, and the
  // table's filter box finds either.
  column.accessor((account) => `${account.name} ${account.email}`, {
    id: 'name',
    header: () => <Header k="name" />,
    cell: ({ row }) => <Name account={row.original} />,
    // One cell as a mail program writes it: "Ana Cruz <ana@example.org>".
    meta: { exportHeader: (t) => t('admin.columns.name'), exportValue: (row) => `${row.name} <${row.email}>` },
  }),
  column.accessor('role', {
    header: () => <Header k="role" />,
    cell: ({ getValue }) => <RoleText role={getValue()} />,
    enableGlobalFilter: false,
    meta: { exportHeader: (t) => t('admin.columns.role'), exportValue: (row, t) => t(`roles.${row.role}`) },
  }),
  column.accessor((account) => account.orgUnit?.name ?? '', {
    id: 'unit',
    header: () => <Header k="unit" />,
    cell: ({ row }) => <UnitText unit={row.original.orgUnit} />,
    meta: {
      exportHeader: (t) => t('admin.columns.unit'),
      exportValue: (row, t) => row.orgUnit?.name ?? t('admin.programmeWide'),
    },
  }),
  column.accessor('active', {
    header: () => <Header k="status" />,
    cell: ({ row }) => <Status account={row.original} />,
    enableGlobalFilter: false,
    meta: {
      exportHeader: (t) => t('admin.columns.status'),
      exportValue: (row, t) =>
        [
          row.active ? t('admin.status.active') : t('admin.status.inactive'),
          row.canSignIn ? null : t('admin.status.noPassword'),
        ]
          .filter((part) => part !== null)
          .join(', '),
    },
  }),
  column.accessor((account) => account.lastLoginAt ?? undefined, {
    id: 'lastSignIn',
    header: () => <Header k="lastSignIn" />,
    cell: ({ row }) => <LastSignIn at={row.original.lastLoginAt} />,
    enableGlobalFilter: false,
    // Never signed in sorts after everyone who has, whichever the direction.
    sortUndefined: 'last',
    // ISO 8601 (UTC), which spreadsheets sort and convert; empty for never.
    meta: { exportHeader: (t) => t('admin.columns.lastSignIn'), exportValue: (row) => row.lastLoginAt },
  }),
  column.display({
    id: 'actions',
    header: () => <Header k="actions" />,
    cell: ({ row }) => <Actions account={row.original} />,
  }),
];
