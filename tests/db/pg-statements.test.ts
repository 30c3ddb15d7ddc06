// Named prepared statements on PostgreSQL (db/pg-statements.ts): a data statement is parsed once per
// connection and then run by name; past the limit the least recently used is deallocated on the server,
// and runs again (prepared anew) when it comes back.
import pg from 'pg';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { prepareStatements } from '../../db/pg-statements';
import { describePostgres } from '../helpers/database';

describePostgres('named prepared statements (PostgreSQL)', () => {
  let client: pg.Client;

  beforeEach(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
    await client.connect();
  });

  afterEach(async () => {
    await client.end();
  });

  /** The statements this connection has prepared, by their text. Asked without parameters: never named. */
  async function prepared(): Promise<string[]> {
    const result = await client.query<{ statement: string }>(
      "select statement from pg_prepared_statements where name like 'm4d\\_%' order by prepare_time, statement",
    );
    return result.rows.map((row) => row.statement);
  }

  test('a repeated data statement is prepared once and answers every time', async () => {
    prepareStatements(client, 10);
    const text = 'select $1::int * 2 as doubled';
    for (const n of [1, 2, 3]) {
      const result = await client.query<{ doubled: number }>(text, [n]);
      expect(result.rows).toEqual([{ doubled: n * 2 }]);
    }
    expect(await prepared()).toEqual([text]);
  });

  test('past the limit the least recently used statement is deallocated, and prepared again when used', async () => {
    prepareStatements(client, 2);
    const a = 'select $1::int + 1 as n';
    const b = 'select $1::int + 2 as n';
    const c = 'select $1::int + 3 as n';
    await client.query(a, [0]);
    await client.query(b, [0]);
    await client.query(a, [0]); // a is now the most recently used: b goes first
    await client.query(c, [0]);
    expect((await prepared()).sort()).toEqual([a, c].sort());
    const again = await client.query<{ n: number }>(b, [10]);
    expect(again.rows).toEqual([{ n: 12 }]);
    expect((await prepared()).sort()).toEqual([b, c].sort());
  });

  test('transaction control and statements without parameters go unnamed', async () => {
    prepareStatements(client, 10);
    await client.query('begin', []);
    await client.query('select 1 as one');
    await client.query('commit', []);
    expect(await prepared()).toEqual([]);
  });

  test('a statement that fails to parse is not remembered as prepared', async () => {
    prepareStatements(client, 10);
    const text = 'select n from no_such_table where n = $1';
    await expect(client.query(text, [7])).rejects.toThrow(/no_such_table/);
    await client.query('create temporary table no_such_table (n int)');
    await client.query('insert into no_such_table (n) values ($1)', [7]);
    const result = await client.query<{ n: number }>(text, [7]);
    expect(result.rows).toEqual([{ n: 7 }]);
  });
});
