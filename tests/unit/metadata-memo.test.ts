// The metadata memo's own rules: one value per key and generation, a new generation empties it, a
// bounded number of entries, failed reads forgotten, no memo inside a transaction.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bumpGeneration } from '../../db/queries/generation';
import { createMetadataMemo } from '../../server/lib/metadata-memo';
import { createMigratedDatabase, type TestDatabase } from '../helpers/database';

describe('metadata memo', () => {
  let handle: TestDatabase;
  beforeEach(async () => {
    handle = await createMigratedDatabase('sqlite');
  });
  afterEach(async () => handle.dispose());

  /** A read that counts its calls and answers with the count. */
  const counter = () => {
    let calls = 0;
    const read = async () => ++calls;
    return { read, calls: () => calls };
  };

  test('reads a key once per generation, concurrent readers included', async () => {
    const memo = createMetadataMemo();
    const { read, calls } = counter();
    const view = await memo.view(handle.db);
    expect(await Promise.all([view.get('k', read), view.get('k', read)])).toEqual([1, 1]);
    expect(await (await memo.view(handle.db)).get('k', read)).toBe(1);
    expect(calls()).toBe(1);

    await bumpGeneration(handle.db);
    expect(await (await memo.view(handle.db)).get('k', read)).toBe(2);
  });

  test('keeps at most maxEntries, the least recently used going first', async () => {
    const memo = createMetadataMemo({ maxEntries: 2 });
    const view = await memo.view(handle.db);
    await view.get('a', async () => 'a');
    await view.get('b', async () => 'b');
    await view.get('a', async () => 'a again');
    await view.get('c', async () => 'c');
    expect(await view.get('a', async () => 'a again')).toBe('a');
    expect(await view.get('b', async () => 'b again')).toBe('b again');
  });

  test('forgets a failed read', async () => {
    const view = await createMetadataMemo().view(handle.db);
    await expect(view.get('k', async () => Promise.reject(new Error('lost connection')))).rejects.toThrow();
    expect(await view.get('k', async () => 'read')).toBe('read');
  });

  test('reads afresh inside a transaction, where PostgreSQL has not moved the generation yet', async () => {
    const memo = createMetadataMemo();
    await (await memo.view(handle.db)).get('k', async () => 'outside');
    const inside = await handle.db
      .transaction()
      .execute(async (trx) => (await memo.view(trx)).get('k', async () => 'inside'));
    expect(inside).toBe('inside');
  });
});
