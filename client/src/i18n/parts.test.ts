// The `dashboards`, `admin` and `imports` texts load with their pages (router.tsx). A page or component that
// renders without a part must not use its keys, or it would show raw keys to someone who opened,
// say, the entry form first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import admin from './texts/admin/en.json';
import core from './texts/core/en.json';
import dashboards from './texts/dashboards/en.json';
import exportTexts from './texts/exports/en.json';
import imports from './texts/imports/en.json';

const clientRoot = fileURLToPath(new URL('..', import.meta.url));

/** Each part that loads later, with the folders (or files) whose code only runs once it has. */
const LATER_PARTS = [
  {
    part: 'dashboards',
    groups: Object.keys(dashboards),
    loadedFor: [
      'features/programme',
      'features/countries',
      'features/projects',
      'features/region',
      'features/explorer',
      'features/analytics',
      'features/maps',
      'features/charts',
      'features/about',
      // The enumerations' labels; only dashboard pages import it.
      'i18n/use-labels.ts',
    ],
  },
  { part: 'admin', groups: Object.keys(admin), loadedFor: ['features/admin'] },
  { part: 'imports', groups: Object.keys(imports), loadedFor: ['features/imports'] },
  // ExportButtons loads them before it builds the "About" sheet.
  { part: 'exports', groups: Object.keys(exportTexts), loadedFor: ['components/export-about.ts'] },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('interface text parts', () => {
  test('have disjoint top-level groups, so merging them loses nothing', () => {
    const groups = [core, dashboards, admin, imports, exportTexts].flatMap((part) => Object.keys(part));
    expect(groups.filter((group, index) => groups.indexOf(group) !== index)).toEqual([]);
  });

  test.each(LATER_PARTS)('only the pages that load the $part texts use them', ({ groups, loadedFor }) => {
    // t('group.…'), t(`group.…`) and i18nKey="group.…"
    const use = new RegExp(String.raw`(?:\bt\(\s*|i18nKey=\{?)['"\`](${groups.join('|')})\.[\w.$\{\}]*`, 'g');
    const offenders = sourceFiles(clientRoot)
      .filter((file) => {
        const path = relative(clientRoot, file);
        return !loadedFor.some((place) => path === place || path.startsWith(`${place}/`));
      })
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(use)].map((match) => `${relative(clientRoot, file)}: ${match[0]}`),
      );
    expect(offenders).toEqual([]);
  });
});
