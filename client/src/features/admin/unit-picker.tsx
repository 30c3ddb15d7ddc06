// The org unit of an account: a search box over the units of the kinds its role allows, and the
// matches in a native list box (keyboard and screen-reader support come with the element). The
// server searches by name, so this works the same with 75 municipalities or 2,000.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../auth/session';
import { type OrgUnit, useParentNames, useUnitChoices } from './queries';
import { UNIT_KINDS_OF_ROLE, type UnitChoice } from './roles';

export type UnitRole = Exclude<Role, 'donor' | 'admin'>;

function useDebounced(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function optionLabel(unit: Pick<OrgUnit, 'code' | 'name' | 'parentCode'>, parents: Map<string, string> | undefined) {
  const parent = unit.parentCode ? (parents?.get(unit.parentCode) ?? unit.parentCode) : null;
  return parent ? `${unit.name} · ${parent} (${unit.code})` : `${unit.name} (${unit.code})`;
}

export function UnitPicker({
  role,
  value,
  onChange,
  problem,
}: {
  role: UnitRole;
  value: UnitChoice | null;
  onChange: (unit: UnitChoice) => void;
  /** Why the unit is missing or was refused, already in words. */
  problem: string | null;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const listId = useId();
  const countId = useId();
  const problemId = useId();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const choices = useUnitChoices(UNIT_KINDS_OF_ROLE[role], q);
  const parents = useParentNames();
  const matches = choices.data ?? [];
  // The chosen unit stays in the list while a search shows other matches.
  const chosenHidden = value !== null && !matches.some((unit) => unit.code === value.code);

  const status = choices.isError
    ? t('admin.unit.loadError')
    : choices.isPending
      ? t('common.loading')
      : matches.length === 0
        ? t('admin.unit.noMatch', { q })
        : t('admin.unit.matches', { count: matches.length });

  return (
    <div className="unit-picker">
      <div className="field">
        <label htmlFor={searchId}>{t(`admin.unit.search.${role}`)}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          autoComplete="off"
          aria-controls={listId}
          aria-describedby={countId}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={listId}>
          {role === 'regional'
            ? t('admin.unit.regionOrProvince')
            : t(role === 'local' ? 'unitKind.municipality' : 'unitKind.country')}
        </label>
        <select
          id={listId}
          size={6}
          value={value?.code ?? ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${problemId} ${countId}` : countId}
          onChange={(event) => {
            const unit = matches.find((candidate) => candidate.code === event.target.value);
            if (unit) onChange({ code: unit.code, name: unit.name, kinds: [unit.kind] });
          }}
        >
          {chosenHidden ? <option value={value.code}>{`${value.name} (${value.code})`}</option> : null}
          {matches.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {optionLabel(unit, parents.data)}
            </option>
          ))}
        </select>
        <p id={countId} className="field-hint" aria-live="polite">
          {status}
        </p>
        {problem ? (
          <p id={problemId} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
    </div>
  );
}
