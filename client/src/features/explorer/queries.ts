// The explorer reads raw data values (GET /api/data-values), page by page, for one indicator, a
// subtree and a range of quarters: approved ones, plus unapproved ones within a staff member's scope.
import { useQuery } from '@tanstack/react-query';
import { api, parseResponse } from '../../lib/api';
import { quartersBetween } from '../../lib/quarters';
import type { Me } from '../auth/session';

/** The API's largest page. */
const PAGE_SIZE = 10_000;
/** Past this the browser would struggle to group and sort; the page says the table is cut. */
export const MAX_ROWS = 100_000;

export interface ValuesRequest {
  indicator: string;
  unit: string | null;
  from: string;
  to: string;
}

/** The query string of one page: every quarter of the range named, the subtree included. */
export function valuesQuery(request: ValuesRequest, offset: number) {
  return {
    indicator: request.indicator,
    periods: quartersBetween(request.from, request.to).join(','),
    limit: String(PAGE_SIZE),
    offset: String(offset),
    ...(request.unit ? { orgUnit: request.unit, children: 'true' as const } : {}),
  };
}

async function fetchAllValues(request: ValuesRequest) {
  const first = await parseResponse(api.api['data-values'].$get({ query: valuesQuery(request, 0) }));
  const items = [...first.items];
  const wanted = Math.min(first.total, MAX_ROWS);
  while (items.length < wanted) {
    const page = await parseResponse(api.api['data-values'].$get({ query: valuesQuery(request, items.length) }));
    if (page.items.length === 0) break;
    items.push(...page.items);
  }
  return { items: items.slice(0, MAX_ROWS), total: first.total };
}

export type ValuesAnswer = Awaited<ReturnType<typeof fetchAllValues>>;

export function useExplorerValues(request: ValuesRequest | null) {
  return useQuery({
    queryKey: ['explorer', 'values', request] as const,
    queryFn: () => fetchAllValues(request ?? { indicator: '', unit: null, from: '', to: '' }),
    enabled: request !== null,
  });
}

/**
 * Whether the values this reader gets are approved ones only. The answer does not say, so this is
 * the server's rule (visibilityOf): donors and anonymous readers see approved values only, staff
 * attached to a unit also its unapproved ones, admins everything.
 */
export function seesApprovedOnly(user: Pick<Me, 'role' | 'orgUnit'> | null): boolean {
  if (user === null || user.role === 'donor') return true;
  return user.role !== 'admin' && user.orgUnit === null;
}
