// The review queue's URL state: `/review?status=submitted&period=2026Q3`. A missing status means
// "what this person usually acts on", decided by role once the user is known.
import type { Role } from '../auth/session';

export const QUEUE_STATUSES = ['submitted', 'approved', 'returned', 'draft', 'accepted'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type StatusFilter = QueueStatus | 'all';

export interface ReviewSearch {
  status?: StatusFilter;
  period?: string;
}

function isStatusFilter(value: unknown): value is StatusFilter {
  return value === 'all' || (QUEUE_STATUSES as readonly unknown[]).includes(value);
}

export function parseReviewSearch(search: Record<string, unknown>): ReviewSearch {
  const parsed: ReviewSearch = {};
  if (isStatusFilter(search.status)) parsed.status = search.status;
  if (typeof search.period === 'string' && /^\d{4}Q[1-4]$/.test(search.period)) parsed.period = search.period;
  return parsed;
}

/** Councils approve what municipalities submitted; the national level accepts what councils approved. */
export function defaultStatus(role: Role): QueueStatus {
  return role === 'national' ? 'approved' : 'submitted';
}

/** The list request for a filter: `all` asks for every status. */
export function toListQuery(status: StatusFilter, period: string | undefined): { status?: string; period?: string } {
  return {
    ...(status === 'all' ? {} : { status }),
    ...(period ? { period } : {}),
  };
}
