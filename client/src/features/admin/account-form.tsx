// The fields of an account, shared by "create" and "edit": email (create only), name, role, the org
// unit the role needs, and the account's language. Problems show under their field.
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../i18n';
import { LOCALES } from '../../lib/locale';
import type { Role } from '../auth/session';
import {
  type AccountValues,
  checkAccount,
  type FieldProblems,
  type FormField,
  ROLES,
  type UnitChoice,
  unitForRole,
} from './roles';
import { UnitPicker } from './unit-picker';

export function AccountForm({
  mode,
  initial,
  roleLocked,
  serverProblems,
  formError,
  pending,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  mode: 'create' | 'edit';
  initial: AccountValues;
  /** An admin editing their own account keeps the admin role (the server refuses otherwise). */
  roleLocked: boolean;
  /** Refusals from the server placed on their fields; replaced by each answer. */
  serverProblems: FieldProblems;
  /** A refusal that concerns no single field. */
  formError: ReactNode;
  pending: boolean;
  submitLabel: string;
  onSubmit: (values: AccountValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const id = (part: string) => `${baseId}-${part}`;
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AccountValues>(initial);
  const [ownProblems, setOwnProblems] = useState<FieldProblems>({});
  const [attempt, setAttempt] = useState(0);
  // A problem goes away once its field is edited; the next submission checks again.
  const [edited, setEdited] = useState<ReadonlySet<FormField>>(new Set());
  const problems: FieldProblems = { ...serverProblems, ...ownProblems };
  for (const field of edited) delete problems[field];

  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const change = (next: Partial<AccountValues>, ...fields: FormField[]) => {
    setValues((current) => ({ ...current, ...next }));
    setEdited((current) => new Set([...current, ...fields]));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkAccount(values, mode);
    setOwnProblems(found);
    setEdited(new Set());
    setAttempt((count) => count + 1);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  const message = (field: FormField) => {
    const problem = problems[field];
    return problem ? t(`admin.errors.${problem}`) : null;
  };
  const describedBy = (field: FormField, hint?: string) =>
    [problems[field] ? id(`${field}-problem`) : null, hint].filter(Boolean).join(' ') || undefined;
  const problemText = (field: FormField) =>
    problems[field] ? (
      <p id={id(`${field}-problem`)} className="field-error">
        {message(field)}
      </p>
    ) : null;

  return (
    <form ref={form} onSubmit={submit} noValidate className="account-form">
      {mode === 'create' ? (
        <div className="field">
          <label htmlFor={id('email')}>{t('auth.email')}</label>
          <input
            id={id('email')}
            type="email"
            autoComplete="off"
            value={values.email}
            required
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={describedBy('email')}
            onChange={(event) => change({ email: event.target.value }, 'email')}
          />
          {problemText('email')}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={id('name')}>{t('admin.columns.name')}</label>
        <input
          id={id('name')}
          type="text"
          autoComplete="off"
          value={values.name}
          required
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={describedBy('name')}
          onChange={(event) => change({ name: event.target.value }, 'name')}
        />
        {problemText('name')}
      </div>
      <div className="field">
        <label htmlFor={id('role')}>{t('admin.columns.role')}</label>
        <select
          id={id('role')}
          value={values.role}
          disabled={roleLocked}
          aria-invalid={problems.role ? true : undefined}
          aria-describedby={describedBy('role', roleLocked ? id('role-hint') : undefined)}
          onChange={(event) => {
            const role = ROLES.find((candidate) => candidate === event.target.value);
            if (role) change({ role, unit: unitForRole(role, values.unit) }, 'role', 'orgUnit');
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {roleLocked ? (
          <p id={id('role-hint')} className="field-hint">
            {t('admin.form.roleLocked')}
          </p>
        ) : null}
        {problemText('role')}
      </div>
      <UnitField
        role={values.role}
        unit={values.unit}
        problem={message('orgUnit')}
        onChange={(unit) => change({ unit }, 'orgUnit')}
      />
      <div className="field">
        <label htmlFor={id('locale')}>{t('admin.form.language')}</label>
        <select
          id={id('locale')}
          value={values.locale}
          onChange={(event) => {
            const locale = LOCALES.find((candidate) => candidate === event.target.value);
            if (locale) change({ locale }, 'locale');
          }}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {LANGUAGE_NAMES[locale]}
            </option>
          ))}
        </select>
      </div>
      {formError ? (
        <div className="notice notice-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="action-dialog-buttons">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('dialog.working') : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          {t('dialog.cancel')}
        </button>
      </div>
    </form>
  );
}

function UnitField({
  role,
  unit,
  problem,
  onChange,
}: {
  role: Role;
  unit: UnitChoice | null;
  problem: string | null;
  onChange: (unit: UnitChoice) => void;
}) {
  const { t } = useTranslation();
  if (role === 'donor' || role === 'admin') {
    return (
      <div className="field">
        <p className="field-label">{t('admin.form.unit')}</p>
        <p className="field-hint">{t('admin.unit.none')}</p>
        {problem ? <p className="field-error">{problem}</p> : null}
      </div>
    );
  }
  return <UnitPicker role={role} value={unit} onChange={onChange} problem={problem} />;
}
