import { expect, test } from 'vitest';
import { sameExceptLocale } from './query';

test.each([
  [['programme', 'summary', 'en'], ['programme', 'summary', 'fr'], true],
  [['projects', 'detail', 'PHL-BICOL', 'en'], ['projects', 'detail', 'PHL-BICOL', 'es'], true],
  [['projects', 'detail', 'PHL-BICOL', 'en'], ['projects', 'detail', 'CRI-UPALA', 'es'], false],
  [['projects', 'list', { country: 'PHL' }, 'en'], ['projects', 'list', { country: 'PHL' }, 'fr'], true],
  [['projects', 'list', { country: 'PHL' }, 'en'], ['projects', 'list', {}, 'en'], false],
  [['org-units', 'detail', 'PHL', 'en'], ['org-units', 'detail', 'PHL', 'en', 'extra'], false],
])('%j → %j keeps data: %s', (previous, next, expected) => {
  expect(sameExceptLocale(previous, next)).toBe(expected);
});
