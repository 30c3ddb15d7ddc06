// The API's error body as the forms need it: besides the code and message `describeFailure` reads,
// the `details` that say which values conflict, which need a comment, or when to try again.
import { DetailedError } from 'hono/client';
import { type ApiFailure, describeFailure } from '../lib/api';

export interface ApiError extends ApiFailure {
  details: unknown;
}

export function readApiError(error: unknown): ApiError {
  const failure = describeFailure(error);
  let details: unknown = null;
  if (error instanceof DetailedError) {
    const detail: unknown = error.detail;
    const data = typeof detail === 'object' && detail !== null && 'data' in detail ? detail.data : null;
    if (typeof data === 'object' && data !== null && 'error' in data) {
      const body = data.error;
      if (typeof body === 'object' && body !== null && 'details' in body) details = body.details;
    }
  }
  return { ...failure, details };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
