import { describe, expect, test } from 'vitest';
import { ROLES as SERVER_ROLES } from '../../../../db/schema';
import { UNIT_KINDS_OF_ROLE as SERVER_UNIT_KINDS } from '../../../../server/services/users';
import {
  type AccountValues,
  changesOf,
  checkAccount,
  currentUnit,
  needsUnit,
  problemsFromApi,
  ROLES,
  UNIT_KINDS_OF_ROLE,
  type UnitChoice,
  unitForRole,
} from './roles';

const pili: UnitChoice = { code: 'PHL-pili', name: 'Pili', kinds: ['municipality'] };
const albay: UnitChoice = { code: 'PH-ALB', name: 'Albay', kinds: ['province'] };
const philippines: UnitChoice = { code: 'PHL', name: 'Philippines', kinds: ['country'] };

describe('the role ↔ unit-kind rule', () => {
  test('is the server’s, for every role the server knows', () => {
    expect([...ROLES].sort()).toEqual([...SERVER_ROLES].sort());
    expect(UNIT_KINDS_OF_ROLE).toEqual(SERVER_UNIT_KINDS);
  });

  test.each([
    ['local', true],
    ['regional', true],
    ['national', true],
    ['donor', false],
    ['admin', false],
  ] as const)('%s needs a unit: %s', (role, expected) => {
    expect(needsUnit(role)).toBe(expected);
  });

  test.each([
    ['local', pili, pili],
    ['regional', pili, null],
    ['regional', albay, albay],
    ['national', albay, null],
    ['national', philippines, philippines],
    ['donor', pili, null],
    ['admin', philippines, null],
    ['local', null, null],
  ] as const)('switching to %s keeps %o → %o', (role, unit, kept) => {
    expect(unitForRole(role, unit)).toEqual(kept);
  });

  test('an existing account’s unit may be any kind its role allows, and fits only that role', () => {
    const council = currentUnit('regional', { code: 'PH-05', name: 'Bicol Region' });
    expect(council?.kinds).toEqual(['region', 'province']);
    expect(unitForRole('regional', council)).toBe(council);
    expect(unitForRole('local', council)).toBeNull();
    expect(currentUnit('donor', null)).toBeNull();
  });
});

const valid: AccountValues = {
  email: 'officer.pili@example.org',
  name: 'Pili officer',
  role: 'local',
  unit: pili,
  locale: 'en',
};

describe('checking a form before sending it', () => {
  test.each([
    [{}, {}],
    [{ email: '  ' }, { email: 'emailInvalid' }],
    [{ email: 'officer.pili' }, { email: 'emailInvalid' }],
    [{ email: 'officer @example.org' }, { email: 'emailInvalid' }],
    [{ name: ' ' }, { name: 'nameRequired' }],
    [{ unit: null }, { orgUnit: 'unitRequired' }],
    [{ role: 'regional' }, { orgUnit: 'unitRequired' }],
    [{ role: 'donor' }, {}],
    [{ role: 'admin', unit: null }, {}],
  ] as const)('create %o → %o', (change, problems) => {
    expect(checkAccount({ ...valid, ...change }, 'create')).toEqual(problems);
  });

  test('an edit has no email field to check', () => {
    expect(checkAccount({ ...valid, email: '' }, 'edit')).toEqual({});
  });
});

describe('the changes an edit sends', () => {
  const account = { name: 'Pili officer', role: 'local', locale: 'en', orgUnit: { code: 'PHL-pili' } } as const;

  test.each([
    [{}, {}],
    [{ name: ' Pili desk ' }, { name: 'Pili desk' }],
    [{ locale: 'es' }, { locale: 'es' }],
    [
      { unit: { code: 'PHL-iriga-city', name: 'Iriga City', kinds: ['municipality'] } },
      { role: 'local', orgUnit: 'PHL-iriga-city' },
    ],
    // Role and unit travel together: the server checks the pair.
    [
      { role: 'regional', unit: albay },
      { role: 'regional', orgUnit: 'PH-ALB' },
    ],
    [{ role: 'donor' }, { role: 'donor', orgUnit: null }],
  ] as const)('%o → %o', (change, expected) => {
    expect(changesOf(account, { ...valid, ...change })).toEqual(expected);
  });
});

describe('refusals from the server land on their field', () => {
  test.each([
    ['email_taken', null, { email: 'emailTaken' }],
    ['unit_required', null, { orgUnit: 'unitRequired' }],
    ['unit_kind_mismatch', null, { orgUnit: 'unitRefused' }],
    ['org_unit_not_found', null, { orgUnit: 'unitRefused' }],
    ['unit_not_allowed', null, { orgUnit: 'unitRefused' }],
    [
      'invalid_request',
      [
        { field: 'email', message: 'Invalid email address' },
        { field: 'name', message: 'Too small' },
      ],
      { email: 'emailInvalid', name: 'nameRequired' },
    ],
    // Nothing the form can point at: the form shows the server's own message instead.
    ['invalid_request', [{ field: 'password', message: 'Too big' }], {}],
    ['invalid_request', 'not a list', {}],
    ['self_lockout', null, {}],
    [null, null, {}],
  ] as const)('%s %o → %o', (code, details, problems) => {
    expect(problemsFromApi(code, details)).toEqual(problems);
  });
});
