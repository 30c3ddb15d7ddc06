// Named prepared statements on PostgreSQL, per connection.
//
// Kysely sends every query as an unnamed statement, which PostgreSQL parses and plans on every run.
// For the queries a dashboard or a form save repeats all day that is most of their cost: in the bench's
// form save the server spent more time in parse and bind (where an unnamed statement is planned) than
// executing. A named statement is parsed once per connection, and after five runs PostgreSQL keeps a
// generic plan when it is no worse than the custom ones (plan_cache_mode = auto), so later runs skip
// planning too. The SQLite side has the same idea in db/dialect.ts (cachingStatements).
//
// Each connection names the statements it runs, up to `limit`; the least recently used one is then
// deallocated, since texts vary without end (an IN list of n parameters is a new text for every n).
// Only data statements are named: transaction control and utility statements go as they came.
import type pg from 'pg';

/** Prepared statements kept per connection. */
export const PG_STATEMENTS = 200;

const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

/** The connection under a pg client, where pg remembers which names it has prepared (internal, stable since pg 7). */
interface ParsedStatements {
  connection?: { parsedStatements?: Record<string, string> };
}

/**
 * Makes `client` run its data statements as named prepared statements, `limit` at most at a time.
 * Call once per client, when the pool creates it.
 */
export function prepareStatements(client: pg.ClientBase, limit = PG_STATEMENTS): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  /** Statement text → its name, the least recently used first. */
  const names = new Map<string, string>();
  let counter = 0;
  const forget = (name: string) => {
    delete (client as ParsedStatements).connection?.parsedStatements?.[name];
    // Queued behind whatever the client runs now; a failure only leaves the statement on the server.
    Promise.resolve(query(`deallocate ${name}`)).catch(() => {});
  };
  const named = (...args: unknown[]) => {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined || !DATA_STATEMENT.test(text)) {
      return query(...args);
    }
    let name = names.get(text);
    if (name === undefined) {
      name = `m4d_${++counter}`;
      for (const [oldest, oldName] of names) {
        if (names.size < limit) break;
        names.delete(oldest);
        forget(oldName);
      }
    } else {
      names.delete(text);
    }
    names.set(text, name);
    return query({ name, text, values });
  };
  client.query = named as typeof client.query;
}
