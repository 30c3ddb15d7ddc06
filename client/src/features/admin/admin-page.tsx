// `/admin`: the accounts of the programme, for administrators. Filters live in the URL; each step
// on an account opens its own modal (dialogs.tsx). The server refuses everyone else regardless.
import { getRouteApi, Link } from '@tanstack/react-router';
import type { SortingState } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState, SkeletonTable } from '../../components/query-state';
import { useLocale } from '../../i18n/use-locale';
import { RequireUser } from '../auth/require-user';
import type { Me } from '../auth/session';
import { type AccountStep, accountColumns, type RowActions, RowActionsContext } from './columns';
import { ActiveDialog, CreateAccountDialog, EditAccountDialog, ResetPasswordDialog } from './dialogs';
import { type Account, useUsers } from './queries';
import { ROLES } from './roles';
import { ACCOUNT_STATUSES, type AdminSearch, filterAccounts, NO_UNIT, unitsOf } from './search';
import './admin.css';

const route = getRouteApi('/admin');

export function AdminPage() {
  return (
    <RequireUser>{(user) => (user.role === 'admin' ? <Accounts me={user} /> : <NotAllowed me={user} />)}</RequireUser>
  );
}

function NotAllowed({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <div className="notice notice-info">
        <p>{t('admin.notAllowed', { role: t(`roles.${me.role}`) })}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </div>
    </>
  );
}

type OpenStep = { step: AccountStep; account: Account } | { step: 'create' };

function Accounts({ me }: { me: Me }) {
  const { t } = useTranslation();
  const users = useUsers();
  const [open, setOpen] = useState<OpenStep | null>(null);
  const [done, setDone] = useState('');
  const actions = useMemo<RowActions>(
    () => ({
      selfId: me.id,
      open: (step, account) => {
        setDone('');
        setOpen({ step, account });
      },
    }),
    [me.id],
  );
  const close = () => setOpen(null);

  return (
    <RowActionsContext.Provider value={actions}>
      <PageHeader title={t('admin.title')}>
        <p className="lede">{t('admin.intro')}</p>
      </PageHeader>
      <p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setDone('');
            setOpen({ step: 'create' });
          }}
        >
          {t('admin.actions.create')}
        </button>
      </p>
      <p role="status" className={done ? 'notice notice-success' : 'visually-hidden'}>
        {done}
      </p>
      <section className="panel" aria-label={t('admin.title')}>
        <QueryState query={users} what={t('admin.what')} skeleton={<SkeletonTable rows={8} />}>
          {(data) => <AccountList accounts={data.items} />}
        </QueryState>
      </section>
      {open?.step === 'create' ? <CreateAccountDialog onClose={close} /> : null}
      {open?.step === 'edit' ? (
        <EditAccountDialog account={open.account} isSelf={open.account.id === me.id} onClose={close} onDone={setDone} />
      ) : null}
      {open?.step === 'active' ? <ActiveDialog account={open.account} onClose={close} onDone={setDone} /> : null}
      {open?.step === 'reset' ? <ResetPasswordDialog account={open.account} onClose={close} /> : null}
    </RowActionsContext.Provider>
  );
}

function AccountList({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const shown = filterAccounts(accounts, search);
  const setSearch = (change: Partial<AdminSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...change }), replace: true });
  const filtered = Boolean(search.role || search.unit || search.status || search.q);
  const unitName = (code: string) =>
    code === NO_UNIT
      ? t('admin.filters.noUnit')
      : (unitsOf(accounts, locale).find((unit) => unit.code === code)?.label ?? code);

  return (
    <>
      <Filters accounts={accounts} search={search} onChange={setSearch} />
      {shown.length === 0 ? (
        <EmptyState>{t('admin.empty')}</EmptyState>
      ) : (
        <DataTable
          data={shown}
          columns={accountColumns}
          caption={t('admin.title')}
          getRowId={(account) => String(account.id)}
          sorting={sorting}
          onSortingChange={setSorting}
          filter={{ value: search.q ?? '', onChange: (q) => setSearch({ q: q || undefined }) }}
          exportContext={{
            title: t('admin.title'),
            filters: [
              [t('admin.columns.role'), search.role ? t(`roles.${search.role}`) : t('admin.filters.allRoles')],
              [t('admin.columns.unit'), search.unit ? unitName(search.unit) : t('admin.filters.allUnits')],
              [
                t('admin.columns.status'),
                search.status ? t(`admin.status.${search.status}`) : t('admin.filters.allStatuses'),
              ],
            ],
          }}
        />
      )}
      {filtered ? (
        <p>
          <button type="button" className="link-button" onClick={() => void navigate({ search: {}, replace: true })}>
            {t('admin.filters.clear')}
          </button>
        </p>
      ) : null}
    </>
  );
}

function Filters({
  accounts,
  search,
  onChange,
}: {
  accounts: Account[];
  search: AdminSearch;
  onChange: (change: Partial<AdminSearch>) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleId = useId();
  const unitId = useId();
  const statusId = useId();
  const units = unitsOf(accounts, locale);
  // A shared link may name a unit no account belongs to any more: keep it choosable.
  if (search.unit && search.unit !== NO_UNIT && !units.some((unit) => unit.code === search.unit)) {
    units.unshift({ code: search.unit, label: search.unit });
  }
  return (
    <div className="toolbar">
      <div className="toolbar-filters">
        <div className="field">
          <label htmlFor={roleId}>{t('admin.columns.role')}</label>
          <select
            id={roleId}
            value={search.role ?? ''}
            onChange={(event) => onChange({ role: ROLES.find((role) => role === event.target.value) })}
          >
            <option value="">{t('admin.filters.allRoles')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={unitId}>{t('admin.columns.unit')}</label>
          <select
            id={unitId}
            value={search.unit ?? ''}
            onChange={(event) => onChange({ unit: event.target.value || undefined })}
          >
            <option value="">{t('admin.filters.allUnits')}</option>
            <option value={NO_UNIT}>{t('admin.filters.noUnit')}</option>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={statusId}>{t('admin.columns.status')}</label>
          <select
            id={statusId}
            value={search.status ?? ''}
            onChange={(event) => onChange({ status: ACCOUNT_STATUSES.find((status) => status === event.target.value) })}
          >
            <option value="">{t('admin.filters.allStatuses')}</option>
            {ACCOUNT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`admin.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
