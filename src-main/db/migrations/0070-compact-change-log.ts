import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { diff } from '@shared/history/patch';
import { ActionSchema } from '@shared/workshop';
import { describeChange } from '@shared/workshop/undoLabel';

/** Frozen here: the log this migration writes stores a whole state every this many changes. */
const CHECKPOINT_EVERY = 50;

const OldRow = z.object({
  id: z.number().int(),
  label: z.string(),
  action: z.string(),
  coalesce_key: z.string().nullable(),
  before: z.string(),
  after: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  undone: z.number().int(),
  discarded: z.number().int(),
  sealed: z.number().int(),
});

/** What the undo label reads of a state: the names of its criteria and candidates. */
const Named = z.object({ id: z.string(), name: z.string() });
const NamesSchema = z.object({ criteria: z.array(Named), candidates: z.array(Named) });

/**
 * The change log stores what changed instead of two whole workshops per change: a patch from
 * the state before to the state after, a link from the previous change's state after to this
 * change's state before (usually empty, or the step the room moved to), and the whole state
 * before every CHECKPOINT_EVERY changes of a session. The undo button's label is stored, so
 * showing it reads no state. Every change keeps its id, label, times and marks; the states are
 * diffed exactly as stored, so every state rebuilds to what was there. Sessions are converted one
 * at a time, a chunk of changes at a time, to keep memory flat on a large database.
 */
export function up(db: Database, progress: (done: number, total: number) => void): void {
  // Counted first, for the screen shown meanwhile: "changes converted so far, of all".
  const total = z.number().int().parse(db.prepare('SELECT COUNT(*) FROM workshop_changes').pluck().get());
  let converted = 0;
  progress(converted, total);
  db.exec(`
    ALTER TABLE workshop_changes RENAME TO workshop_changes_full;
    DROP INDEX workshop_changes_by_session;
    CREATE TABLE workshop_changes (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      label        TEXT NOT NULL,
      undo_label   TEXT NOT NULL,
      action       TEXT NOT NULL,
      coalesce_key TEXT,
      base         TEXT,
      link         TEXT,
      patch        TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      undone       INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
      discarded    INTEGER NOT NULL DEFAULT 0 CHECK (discarded IN (0, 1)),
      sealed       INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
      CHECK ((base IS NULL) <> (link IS NULL))
    ) STRICT;
  `);
  const sessions = z
    .array(z.object({ session_id: z.string() }))
    .parse(db.prepare('SELECT DISTINCT session_id FROM workshop_changes_full').all());
  const chunk = db.prepare(
    `SELECT id, label, action, coalesce_key, before, after, created_at, updated_at, undone, discarded, sealed
       FROM workshop_changes_full WHERE session_id = ? AND id > ? ORDER BY id LIMIT 200`,
  );
  const insert = db.prepare(
    `INSERT INTO workshop_changes
       (id, session_id, label, undo_label, action, coalesce_key, base, link, patch, created_at,
        updated_at, undone, discarded, sealed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { session_id: sessionId } of sessions) {
    let lastId = 0;
    let previousAfter: unknown = null;
    let since = CHECKPOINT_EVERY;
    for (;;) {
      const rows = z.array(OldRow).parse(chunk.all(sessionId, lastId));
      if (rows.length === 0) break;
      for (const row of rows) {
        const before: unknown = JSON.parse(row.before);
        const after: unknown = JSON.parse(row.after);
        const checkpoint = since >= CHECKPOINT_EVERY;
        insert.run(
          row.id,
          sessionId,
          row.label,
          describeChange(ActionSchema.parse(JSON.parse(row.action)), NamesSchema.parse(before)),
          row.action,
          row.coalesce_key,
          checkpoint ? row.before : null,
          checkpoint ? null : JSON.stringify(diff(previousAfter, before)),
          JSON.stringify(diff(before, after)),
          row.created_at,
          row.updated_at,
          row.undone,
          row.discarded,
          row.sealed,
        );
        since = checkpoint ? 1 : since + 1;
        previousAfter = after;
        lastId = row.id;
      }
      converted += rows.length;
      progress(converted, total);
    }
  }
  // Ids keep counting from where they were, as if the old table had never gone.
  const sequence = z
    .object({ seq: z.number().int() })
    .optional()
    .parse(db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'workshop_changes_full'").get());
  db.exec(`
    DROP TABLE workshop_changes_full;
    CREATE INDEX workshop_changes_by_session ON workshop_changes (session_id, id);
    CREATE INDEX workshop_changes_checkpoints ON workshop_changes (session_id, id) WHERE base IS NOT NULL;
  `);
  if (sequence) {
    db.prepare("DELETE FROM sqlite_sequence WHERE name = 'workshop_changes'").run();
    db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('workshop_changes', ?)").run(sequence.seq);
  }
}
