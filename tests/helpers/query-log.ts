// Counts the SQL statements a database handle executes, so a test can pin how many queries a request
// costs and an N+1 (one query per unit or per indicator) cannot creep back in unnoticed.
import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import type { TestDatabase } from './database';

export interface QueryLog {
  /** The same database, every statement it executes recorded. */
  handle: TestDatabase;
  /** The statements executed since the last reset, as SQL. */
  statements: () => string[];
  reset: () => void;
}

/**
 * A plugin sees each executed statement's result once (transformResult), but every subquery's node too
 * (transformQuery), so statements are counted by their results and described by their root node.
 */
export function logQueries(handle: TestDatabase): QueryLog {
  const nodes = new WeakMap<QueryId, RootOperationNode>();
  let statements: string[] = [];
  const executor = handle.db.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      nodes.set(queryId, node);
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      const node = nodes.get(queryId);
      statements.push(node ? executor.compileQuery(node, queryId).sql : '(unknown statement)');
      return result;
    },
  };
  return {
    handle: { ...handle, db: handle.db.withPlugin(plugin) },
    statements: () => [...statements],
    reset: () => {
      statements = [];
    },
  };
}
