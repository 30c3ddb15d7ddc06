import { describe, expect, test } from 'vitest';
import { chooseLocale, type LocaleSources, matchLocale } from './locale';

describe('matchLocale', () => {
  test.each([
    ['en', 'en'],
    ['es-419', 'es'],
    ['fr_CA', 'fr'],
    ['FR-be', 'fr'],
    [' es ', 'es'],
    ['pt-BR', null],
    ['english', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });
});

describe('chooseLocale', () => {
  const cases: [string, LocaleSources, string][] = [
    ['a stored choice wins over the browser', { stored: 'fr', preferred: ['es-ES', 'en'] }, 'fr'],
    ['an unsupported stored value is ignored', { stored: 'de', preferred: ['es-MX'] }, 'es'],
    ['a stored region tag is not a choice we wrote', { stored: 'fr-FR', preferred: ['en-GB'] }, 'en'],
    ['the first supported browser language wins', { stored: null, preferred: ['de-DE', 'fr-CA', 'es'] }, 'fr'],
    ['browser order is respected', { preferred: ['es', 'fr'] }, 'es'],
    ['nothing supported falls back to English', { stored: null, preferred: ['de', 'pt-BR'] }, 'en'],
    ['no information at all falls back to English', {}, 'en'],
    ['an empty preference list falls back to English', { stored: '', preferred: [] }, 'en'],
  ];
  test.each(cases)('%s', (_name, sources, expected) => {
    expect(chooseLocale(sources)).toBe(expected);
  });
});
