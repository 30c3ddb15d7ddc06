import { describe, expect, test } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

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

const english = flatten(en);

describe.each([
  ['es', flatten(es)],
  ['fr', flatten(fr)],
])('%s translation', (_locale, translated) => {
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
