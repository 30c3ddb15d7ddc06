// The `dashboards` texts load with the first dashboard page (router.tsx). A page or component that
// renders without them (the shell, sign-in, entry, review, admin) must use only `core` keys, or it
// would show raw keys to someone who opened the entry form first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import core from './texts/core/en.json';
import dashboards from './texts/dashboards/en.json';

const clientRoot = fileURLToPath(new URL('..', import.meta.url));
const WITHOUT_DASHBOARD_TEXTS = [
  'app',
  'components',
  'lib',
  'features/entry',
  'features/review',
  'features/auth',
  'features/admin',
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
    const shared = Object.keys(core).filter((group) => Object.hasOwn(dashboards, group));
    expect(shared).toEqual([]);
  });

  test('pages that load without the dashboards part use none of its keys', () => {
    const groups = Object.keys(dashboards).join('|');
    // t('group.…'), t(`group.…`) and i18nKey="group.…"
    const use = new RegExp(String.raw`(?:\bt\(\s*|i18nKey=\{?)['"\`](${groups})\.[\w.$\{\}]*`, 'g');
    const offenders = WITHOUT_DASHBOARD_TEXTS.flatMap((dir) =>
      sourceFiles(join(clientRoot, dir)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(use)].map((match) => `${relative(clientRoot, file)}: ${match[0]}`),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
