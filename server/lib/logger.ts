import type { MiddlewareHandler } from 'hono';

export type LogLine = (line: string) => void;

/** One line per request: method, path, status, duration. Query strings are left out (they can be long). */
export function requestLogger(log: LogLine): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    log(`${new Date().toISOString()} ${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
  };
}
