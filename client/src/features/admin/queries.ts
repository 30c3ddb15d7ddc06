// Requests of the accounts page. Types come from the server routes by inference.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale } from '../../i18n/use-locale';
import { api, parseResponse } from '../../lib/api';
import type { Locale } from '../../lib/locale';

export const userKeys = {
  all: ['users'] as const,
  list: ['users', 'list'] as const,
};

const unitKeys = {
  choices: (kinds: readonly string[], q: string, locale: Locale) =>
    ['org-units', 'choices', kinds.join(','), q, locale] as const,
  parents: (locale: Locale) => ['org-units', 'parents', locale] as const,
};

function fetchUsers() {
  return parseResponse(api.api.users.$get({ query: {} }));
}

export type Account = Awaited<ReturnType<typeof fetchUsers>>['items'][number];

export function useUsers() {
  return useQuery({ queryKey: userKeys.list, queryFn: fetchUsers });
}

type NewAccount = Parameters<typeof api.api.users.$post>[0]['json'];
type AccountPatch = Parameters<(typeof api.api.users)[':id']['$patch']>[0]['json'];

export function createAccount(account: NewAccount) {
  return parseResponse(api.api.users.$post({ json: account }));
}

export function changeAccount(id: number, changes: AccountPatch) {
  return parseResponse(api.api.users[':id'].$patch({ param: { id: String(id) }, json: changes }));
}

export function resetAccountPassword(id: number) {
  return parseResponse(api.api.users[':id']['reset-password'].$post({ param: { id: String(id) } }));
}

export type UnitKind = NonNullable<Parameters<(typeof api.api)['org-units']['$get']>[0]['query']['kind']>;

function fetchUnits(kind: UnitKind, q: string, locale: Locale) {
  return parseResponse(api.api['org-units'].$get({ query: { kind, ...(q ? { q } : {}), locale } }));
}

export type OrgUnit = Awaited<ReturnType<typeof fetchUnits>>['items'][number];

/**
 * Units of the given kinds whose name contains `q`, by name. The server searches, so the list
 * stays right however many municipalities a programme has.
 */
export function useUnitChoices(kinds: readonly UnitKind[], q: string) {
  const locale = useLocale();
  return useQuery({
    queryKey: unitKeys.choices(kinds, q, locale),
    queryFn: async () => {
      const answers = await Promise.all(kinds.map((kind) => fetchUnits(kind, q, locale)));
      return answers.flatMap((answer) => answer.items).sort((a, b) => a.name.localeCompare(b.name, locale));
    },
    enabled: kinds.length > 0,
    // Typing narrows the list: keep the previous matches on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** Names of the units above municipalities, to tell apart two units of the same name. */
export function useParentNames() {
  const locale = useLocale();
  return useQuery({
    queryKey: unitKeys.parents(locale),
    queryFn: async () => {
      const answers = await Promise.all(
        (['country', 'region', 'province'] as const).map((kind) => fetchUnits(kind, '', locale)),
      );
      return new Map(answers.flatMap((answer) => answer.items.map((unit) => [unit.code, unit.name] as const)));
    },
    staleTime: 60 * 60_000,
  });
}
