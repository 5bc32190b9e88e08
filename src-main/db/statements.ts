/**
 * Statements on the write path, prepared once per connection instead of on every call: SQLite
 * compiles a statement each time it is prepared, which an autosave would otherwise pay a dozen
 * times. Only for fixed SQL text (never built from input), and only for statements run to the end
 * by `run`, `get` or `all`: a statement being iterated is busy and cannot be shared.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const prepared = new WeakMap<Db, Map<string, Statement>>();

export function statement(db: Db, sql: string): Statement {
  let statements = prepared.get(db);
  if (!statements) {
    statements = new Map();
    prepared.set(db, statements);
  }
  let found = statements.get(sql);
  if (!found) {
    found = db.prepare(sql);
    statements.set(sql, found);
  }
  return found;
}
