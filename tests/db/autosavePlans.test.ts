/**
 * What an autosave reads and writes besides the document finds its rows through an index that
 * holds only the rows it wants, so its cost does not grow with the session's history (migration
 * 80). The SQL is the code's own, caught as it is prepared, and its plan asked of SQLite.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import type { Db } from '../../src-main/db/connection';
import { markStandingDue, settleDueStandings } from '../../src-main/db/sessions/listColumns';
import { discardUndoneChanges, sealChanges } from '../../src-main/db/workshops/mutations';
import { firstUndoneChange, lastAppliedChange } from '../../src-main/db/workshops/queries';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

/** The statements `use` prepares, on a connection that remembers them. */
function preparedBy(db: Db, use: (db: Db) => void): string[] {
  const seen: string[] = [];
  const spy = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare')
        return (sql: string) => {
          seen.push(sql);
          return target.prepare(sql);
        };
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  use(spy);
  return seen;
}

function planOf(db: Db, sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  return db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((row) => (row as { detail: string }).detail)
    .join(' | ');
}

describe('an autosave’s look-ups', () => {
  it('read undo’s and redo’s next change, and the standings due, from partial indexes', () => {
    const db = openDatabase(join(tempDir(), 'plans.sqlite'));
    const cases: Array<[(db: Db) => void, string]> = [
      [(d) => lastAppliedChange(d, 'x'), 'workshop_changes_applied'],
      [(d) => firstUndoneChange(d, 'x'), 'workshop_changes_redoable'],
      [(d) => discardUndoneChanges(d, 'x'), 'workshop_changes_redoable'],
      [(d) => sealChanges(d, 'x'), 'workshop_changes_applied'],
      [(d) => settleDueStandings(d), 'sessions_standing_due'],
      [(d) => markStandingDue(d, 'x'), 'sqlite_autoindex_sessions_1'],
    ];
    for (const [use, index] of cases) {
      const statements = preparedBy(db, use);
      expect(statements).toHaveLength(1);
      const plan = planOf(db, statements[0] ?? '');
      expect(plan).toContain(index);
      // A scan of a partial index reads only its rows; a scan of the table would read them all.
      expect(plan).not.toMatch(/\bSCAN \w+\b(?! USING)/);
    }
    db.close();
  });
});
