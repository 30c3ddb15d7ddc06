import { describe, expect, test } from 'vitest';
import { filterAccounts, parseAdminSearch, unitsOf } from './search';

describe('the accounts page URL', () => {
  test.each([
    [{}, {}],
    [
      { role: 'local', unit: 'PHL-naga-city', status: 'inactive', q: 'naga' },
      { role: 'local', unit: 'PHL-naga-city', status: 'inactive', q: 'naga' },
    ],
    [{ unit: 'none' }, { unit: 'none' }],
    [{ role: 'superuser', status: 'gone', unit: 'x y', q: '   ' }, {}],
    [{ role: 42, unit: ['PHL'], q: null }, {}],
  ])('%o → %o', (search, parsed) => {
    expect(parseAdminSearch(search)).toEqual(parsed);
  });
});

const naga = { code: 'PHL-naga-city', name: 'Naga City' };
const accounts = [
  { id: 1, role: 'admin', active: true, orgUnit: null },
  { id: 2, role: 'local', active: true, orgUnit: naga },
  { id: 3, role: 'local', active: false, orgUnit: naga },
  { id: 4, role: 'regional', active: true, orgUnit: { code: 'PH-05', name: 'Bicol Region' } },
  { id: 5, role: 'donor', active: false, orgUnit: null },
] as const;

describe('filtering the accounts', () => {
  test.each([
    [{}, [1, 2, 3, 4, 5]],
    [{ role: 'local' }, [2, 3]],
    [{ unit: 'PHL-naga-city' }, [2, 3]],
    [{ unit: 'none' }, [1, 5]],
    [{ status: 'active' }, [1, 2, 4]],
    [{ status: 'inactive' }, [3, 5]],
    [{ role: 'local', status: 'active' }, [2]],
    [{ role: 'national' }, []],
    // Free text is the table's own filter, not this one.
    [{ q: 'nobody' }, [1, 2, 3, 4, 5]],
  ] as const)('%o → %o', (filter, ids) => {
    expect(filterAccounts(accounts, filter).map((account) => account.id)).toEqual(ids);
  });

  test('offers each unit once, by name, with the code where two units share a name', () => {
    expect(unitsOf(accounts, 'en')).toEqual([
      { code: 'PH-05', label: 'Bicol Region' },
      { code: 'PHL-naga-city', label: 'Naga City' },
    ]);
    const alajuela = [
      { orgUnit: { code: 'CRI-alajuela', name: 'Alajuela' } },
      { orgUnit: { code: 'CR-A', name: 'Alajuela' } },
      { orgUnit: { code: 'CR-A', name: 'Alajuela' } },
    ];
    expect(unitsOf(alajuela, 'en')).toEqual([
      { code: 'CR-A', label: 'Alajuela (CR-A)' },
      { code: 'CRI-alajuela', label: 'Alajuela (CRI-alajuela)' },
    ]);
  });
});
