import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isConnectionError, isLockError } from '../../db/dialect';
import { DatabaseBusyError } from '../../db/transaction';

/** An expected failure with a status, a stable code clients can branch on, and a message for people. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error', {
    example: { error: { code: 'org_unit_not_found', message: 'No org unit has the code "XX-99".' } },
  });

export type ErrorBody = z.infer<typeof ErrorSchema>;

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter or the body is malformed; `details` names each field and what was expected.',
  401: 'Not signed in.',
  403: 'Signed in, but this is outside your role or org-unit scope.',
  404: 'The thing named in the path does not exist.',
  409: 'The request conflicts with the current state.',
  413: 'The upload is larger than the configured limit.',
  429: 'Too many attempts; `details.retryAfterSeconds` says when to try again.',
  503:
    'The database is unreachable (`database_unavailable`) or locked by another process (`database_busy`); ' +
    'the `Retry-After` header says when to try again.',
};

/**
 * The `responses` entries of the error statuses a route can answer with; every route may also
 * answer 503 when its database is unreachable or busy.
 */
export function errorResponses<S extends 400 | 401 | 403 | 404 | 409 | 413 | 429>(...statuses: S[]) {
  return Object.fromEntries(
    [...statuses, 503 as const].map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } },
    ]),
  ) as Record<S | 503, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

/** Turns zod issues into `[{ field: 'level', message: 'Expected number, received "x"' }]`. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
}

type ValidationResult = { success: true } | { success: false; error: z.ZodError; target: string };

/** The default validation hook of every router: one 400 in the one error shape. */
export function validationHook(result: ValidationResult, c: Context) {
  if (!result.success) {
    const issues = describeIssues(result.error);
    const summary = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    return c.json(errorBody('invalid_request', `Invalid ${result.target}: ${summary}`, issues), 400);
  }
}

interface DatabaseFault {
  code: 'database_busy' | 'database_unavailable';
  message: string;
  retryAfterSeconds: number;
}

/**
 * A database that is there but cannot serve the request now: SQLite locked by another process past
 * every retry (db/transaction.ts), or a PostgreSQL server that refuses, drops or ends connections.
 * Each is a 503 the client may retry, not a bug; anything else is not one.
 */
export function databaseFaultOf(error: unknown): DatabaseFault | null {
  if (error instanceof DatabaseBusyError || isLockError(error)) {
    return {
      code: 'database_busy',
      message:
        'The database is locked by another program writing to it, so this request could not be completed. ' +
        'Try again in a moment.',
      retryAfterSeconds: 2,
    };
  }
  if (isConnectionError(error)) {
    return {
      code: 'database_unavailable',
      message:
        'The database cannot be reached right now, so this request could not be completed. ' +
        'Try again in a few seconds; if it persists, the database server needs attention.',
      retryAfterSeconds: 5,
    };
  }
  return null;
}

/** The app's `onError`: expected errors keep their status; anything else is a logged 500 without internals. */
export function handleError(error: Error, c: Context) {
  if (error instanceof AppError) {
    // An answer that says when to try again says it in the header clients and proxies read, too.
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  const fault = databaseFaultOf(error);
  if (fault) {
    // One line, not a stack: the operator needs to know the database is in trouble, not where we were.
    console.error(`${fault.code} on ${c.req.method} ${c.req.path}: ${error.message || error.name}`);
    c.header('Retry-After', String(fault.retryAfterSeconds));
    return c.json(errorBody(fault.code, fault.message, { retryAfterSeconds: fault.retryAfterSeconds }), 503);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'http_error';
    return c.json(errorBody(code, error.message || 'Request rejected.'), status);
  }
  if (error instanceof SyntaxError)
    return c.json(errorBody('malformed_json', 'The request body is not valid JSON.'), 400);
  console.error(`unhandled error on ${c.req.method} ${c.req.path}:`, error);
  return c.json(errorBody('internal_error', 'Something went wrong on the server. It has been logged.'), 500);
}
