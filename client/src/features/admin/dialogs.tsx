// The steps an administrator takes on accounts, each in its own modal: create (then the password,
// once), edit, deactivate or reactivate, reset the password (then the new one, once).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../components/api-error';
import { useLocale } from '../../i18n/use-locale';
import { AccountForm } from './account-form';
import { Modal } from './modal';
import { OneTimePassword } from './one-time-password';
import { type Account, changeAccount, createAccount, resetAccountPassword, userKeys } from './queries';
import { type AccountValues, changesOf, currentUnit, type FieldProblems, problemsFromApi } from './roles';

/** Tells the page what was done, for its status line. */
export type Done = (message: string) => void;

interface Refusal {
  problems: FieldProblems;
  message: ReactNode;
}

const NO_REFUSAL: Refusal = { problems: {}, message: null };

/** A refused request: on its fields when it concerns them, otherwise in words for the whole form. */
function readRefusal(error: unknown, t: TFunction): Refusal {
  const failure = readApiError(error);
  if (failure.status === null) return { problems: {}, message: <p>{t('common.networkError')}</p> };
  const problems = problemsFromApi(failure.code, failure.details);
  if (Object.keys(problems).length > 0) return { problems, message: null };
  const known =
    failure.code === 'self_lockout'
      ? t('admin.errors.selfLockout')
      : failure.code === 'user_not_found'
        ? t('admin.errors.notFound')
        : null;
  return {
    problems: {},
    message: (
      <>
        <p>{known ?? t('admin.errors.failed')}</p>
        {!known && failure.message ? (
          <p className="notice-detail">{t('common.serverMessage', { message: failure.message })}</p>
        ) : null}
      </>
    ),
  };
}

function useRefreshAccounts() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: userKeys.all });
}

function ErrorBox({ children }: { children: ReactNode }) {
  return children ? (
    <div className="notice notice-error" role="alert">
      {children}
    </div>
  ) : null;
}

function DoneButton({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="action-dialog-buttons">
      <button type="button" className="button button-primary" onClick={onClose}>
        {t('admin.password.done')}
      </button>
    </div>
  );
}

function ConfirmButtons({
  label,
  pending,
  onConfirm,
  onCancel,
}: {
  label: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="action-dialog-buttons">
      <button type="button" className="button button-primary" disabled={pending} onClick={onConfirm}>
        {pending ? t('dialog.working') : label}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={pending}>
        {t('dialog.cancel')}
      </button>
    </div>
  );
}

export function CreateAccountDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefreshAccounts();
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const create = useMutation({
    mutationFn: (values: AccountValues) =>
      createAccount({
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        orgUnit: values.unit?.code ?? null,
        locale: values.locale,
      }),
    onMutate: () => setRefusal(NO_REFUSAL),
    onSuccess: refresh,
    onError: (error) => setRefusal(readRefusal(error, t)),
  });
  const created = create.data;

  return (
    <Modal
      title={created ? t('admin.password.createdTitle') : t('admin.actions.create')}
      busy={create.isPending}
      onClose={onClose}
    >
      {created ? (
        <>
          <p>{t('admin.password.createdBody', { name: created.user.name, email: created.user.email })}</p>
          {created.password ? <OneTimePassword password={created.password} /> : null}
          <DoneButton onClose={onClose} />
        </>
      ) : (
        <AccountForm
          mode="create"
          initial={{ email: '', name: '', role: 'local', unit: null, locale }}
          roleLocked={false}
          serverProblems={refusal.problems}
          formError={refusal.message}
          pending={create.isPending}
          submitLabel={t('admin.actions.create')}
          onSubmit={(values) => create.mutate(values)}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

export function EditAccountDialog({
  account,
  isSelf,
  onClose,
  onDone,
}: {
  account: Account;
  isSelf: boolean;
  onClose: () => void;
  onDone: Done;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshAccounts();
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const save = useMutation({
    mutationFn: (values: AccountValues) => changeAccount(account.id, changesOf(account, values)),
    onMutate: () => setRefusal(NO_REFUSAL),
    onSuccess: ({ user }) => {
      refresh();
      onDone(t('admin.saved', { name: user.name }));
      onClose();
    },
    onError: (error) => setRefusal(readRefusal(error, t)),
  });

  return (
    <Modal title={t('admin.form.editTitle', { name: account.name })} busy={save.isPending} onClose={onClose}>
      <p className="admin-dialog-email">{account.email}</p>
      <AccountForm
        mode="edit"
        initial={{
          email: account.email,
          name: account.name,
          role: account.role,
          unit: currentUnit(account.role, account.orgUnit),
          locale: account.locale,
        }}
        roleLocked={isSelf}
        serverProblems={refusal.problems}
        formError={refusal.message}
        pending={save.isPending}
        submitLabel={t('admin.form.save')}
        onSubmit={(values) => {
          if (Object.keys(changesOf(account, values)).length === 0) onClose();
          else save.mutate(values);
        }}
        onCancel={onClose}
      />
    </Modal>
  );
}

export function ActiveDialog({ account, onClose, onDone }: { account: Account; onClose: () => void; onDone: Done }) {
  const { t } = useTranslation();
  const refresh = useRefreshAccounts();
  const step = account.active ? 'deactivate' : 'reactivate';
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const toggle = useMutation({
    mutationFn: () => changeAccount(account.id, { active: !account.active }),
    onMutate: () => setRefusal(NO_REFUSAL),
    onSuccess: ({ user }) => {
      refresh();
      onDone(t('admin.saved', { name: user.name }));
      onClose();
    },
    onError: (error) => setRefusal(readRefusal(error, t)),
  });

  return (
    <Modal title={t(`admin.${step}.title`, { name: account.name })} busy={toggle.isPending} onClose={onClose}>
      <p className="admin-dialog-email">{account.email}</p>
      <p>{t(`admin.${step}.body`)}</p>
      <ErrorBox>{refusal.message}</ErrorBox>
      <ConfirmButtons
        label={t(`admin.actions.${step}`)}
        pending={toggle.isPending}
        onConfirm={() => toggle.mutate()}
        onCancel={onClose}
      />
    </Modal>
  );
}

export function ResetPasswordDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshAccounts();
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const reset = useMutation({
    mutationFn: () => resetAccountPassword(account.id),
    onMutate: () => setRefusal(NO_REFUSAL),
    onSuccess: refresh,
    onError: (error) => setRefusal(readRefusal(error, t)),
  });
  const password = reset.data?.password;

  return (
    <Modal
      title={t(password ? 'admin.reset.doneTitle' : 'admin.reset.title', { name: account.name })}
      busy={reset.isPending}
      onClose={onClose}
    >
      {password ? (
        <>
          <OneTimePassword password={password} />
          <DoneButton onClose={onClose} />
        </>
      ) : (
        <>
          <p className="admin-dialog-email">{account.email}</p>
          <p>{t('admin.reset.body')}</p>
          <ErrorBox>{refusal.message}</ErrorBox>
          <ConfirmButtons
            label={t('admin.actions.reset')}
            pending={reset.isPending}
            onConfirm={() => reset.mutate()}
            onCancel={onClose}
          />
        </>
      )}
    </Modal>
  );
}
