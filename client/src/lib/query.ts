import type { Query, QueryKey } from '@tanstack/react-query';

/**
 * Every metadata query key ends with the locale, so switching language fetches names in the new
 * language. While that fetch runs, keep showing the same data in the old language rather than a
 * skeleton; but never show another project's or unit's data as a placeholder.
 */
export function sameExceptLocale(previous: QueryKey, next: QueryKey): boolean {
  if (previous.length !== next.length) return false;
  return previous.slice(0, -1).every((part, index) => JSON.stringify(part) === JSON.stringify(next[index]));
}

export function keepAcrossLocales<T, K extends QueryKey>(next: K) {
  return (previousData: T | undefined, previousQuery: Query<T, Error, T, K> | undefined): T | undefined =>
    previousQuery && sameExceptLocale(previousQuery.queryKey, next) ? previousData : undefined;
}
