// The one typed RPC client. Response types come from the server's routes by inference; the import
// is type-only, so no server code reaches the browser bundle.
import { DetailedError, hc } from 'hono/client';
import type { AppType } from '../../../server/app';

export const api = hc<AppType>('/');

export { parseResponse } from 'hono/client';

/** What the interface needs to know about a failed request. */
export interface ApiFailure {
  /** HTTP status, or null when the server could not be reached at all. */
  status: number | null;
  /** The API's machine-readable error code (`project_not_found`), when it sent one. */
  code: string | null;
  /** The API's human-readable message, when it sent one. */
  message: string | null;
}

function readErrorBody(data: unknown): { code: string | null; message: string | null } {
  if (typeof data !== 'object' || data === null || !('error' in data)) return { code: null, message: null };
  const error = data.error;
  if (typeof error !== 'object' || error === null) return { code: null, message: null };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : null;
  return { code, message };
}

/**
 * Reads any error thrown by `parseResponse` (an HTTP error with the API's `{ error: { code,
 * message } }` body) or by fetch itself (network failure) into one shape.
 */
export function describeFailure(error: unknown): ApiFailure {
  if (error instanceof DetailedError) {
    const status = typeof error.statusCode === 'number' ? error.statusCode : null;
    const detail: unknown = error.detail;
    const data = typeof detail === 'object' && detail !== null && 'data' in detail ? detail.data : null;
    return { status, ...readErrorBody(data) };
  }
  return { status: null, code: null, message: null };
}

export function isNotFound(error: unknown): boolean {
  return describeFailure(error).status === 404;
}

/** Client errors will not heal by themselves; network and server errors might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const { status } = describeFailure(error);
  if (status !== null && status >= 400 && status < 500) return false;
  return failureCount < 2;
}
