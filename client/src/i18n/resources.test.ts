import { describe, expect, test } from 'vitest';
import adminEn from './texts/admin/en.json';
import adminEs from './texts/admin/es.json';
import adminFr from './texts/admin/fr.json';
import coreEn from './texts/core/en.json';
import coreEs from './texts/core/es.json';
import coreFr from './texts/core/fr.json';
import dashboardsEn from './texts/dashboards/en.json';
import dashboardsEs from './texts/dashboards/es.json';
import dashboardsFr from './texts/dashboards/fr.json';
import exportsEn from './texts/exports/en.json';
import exportsEs from './texts/exports/es.json';
import exportsFr from './texts/exports/fr.json';
import importsEn from './texts/imports/en.json';
import importsEs from './texts/imports/es.json';
import importsFr from './texts/imports/fr.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// i18next suffixes plural forms (_one, _other, …); languages may need different sets of them.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}|<(\w+)>/g)].map((m) => m[1] ?? m[2]).sort();

describe.each([
  ['core', 'es', flatten(coreEn), flatten(coreEs)],
  ['core', 'fr', flatten(coreEn), flatten(coreFr)],
  ['dashboards', 'es', flatten(dashboardsEn), flatten(dashboardsEs)],
  ['dashboards', 'fr', flatten(dashboardsEn), flatten(dashboardsFr)],
  ['admin', 'es', flatten(adminEn), flatten(adminEs)],
  ['admin', 'fr', flatten(adminEn), flatten(adminFr)],
  ['imports', 'es', flatten(importsEn), flatten(importsEs)],
  ['imports', 'fr', flatten(importsEn), flatten(importsFr)],
  ['exports', 'es', flatten(exportsEn), flatten(exportsEs)],
  ['exports', 'fr', flatten(exportsEn), flatten(exportsFr)],
])('%s texts in %s', (_part, _locale, english, translated) => {
  test('has exactly the English keys', () => {
    expect(new Set([...translated.keys()].map(base))).toEqual(new Set([...english.keys()].map(base)));
  });

  test('keeps every placeholder and markup tag of the English text', () => {
    for (const [key, text] of translated) {
      const source = english.get(key) ?? english.get(`${base(key)}_other`);
      expect(placeholders(text), key).toEqual(placeholders(source ?? ''));
    }
  });

  test('has no empty text', () => {
    for (const [key, text] of translated) expect(text.trim(), key).not.toBe('');
  });
});
