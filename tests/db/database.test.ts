import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import type { Db } from '../../src-main/db/connection';
import {
  DatabaseTooNewError,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  migrate,
} from '../../src-main/db/migrations';
import type { Migration } from '../../src-main/db/migrations';
import { getSession, listSessionPage } from '../../src-main/db/sessions/queries';
import { refreshListEntry } from '../../src-main/db/sessions/listColumns';
import { deleteSession, insertSession, replaceParticipants } from '../../src-main/db/sessions/mutations';
import type { Session } from '@shared/sessions/schema';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

function schemaOf(db: Db): string[] {
  return db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all()
    .map((row) => JSON.stringify(row));
}

function session(overrides: Partial<Session> = {}): Session {
  return {
    id: '0b7f3e52-4c1e-4a8f-9d1e-3b1f9a6c2d10',
    clientName: 'Øresund Shipping',
    projectName: 'Fleet tracker',
    facilitator: 'Dana',
    workshopDate: '2026-04-01',
    description: 'Real-time positions for 300 vessels',
    participants: [
      { id: '5d2f1c8a-1b2c-4d3e-8f4a-5b6c7d8e9f01', name: 'Ingrid' },
      { id: '5d2f1c8a-1b2c-4d3e-8f4a-5b6c7d8e9f02', name: 'Lars' },
    ],
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: '2026-04-01T09:00:00.000Z',
    ...overrides,
  };
}

function store(db: Db, s: Session): void {
  db.transaction(() => {
    insertSession(db, s);
    replaceParticipants(db, s.id, s.participants);
    refreshListEntry(db, s.id);
  })();
}

describe('migrations', () => {
  it('are numbered in steps of 10, in order', () => {
    MIGRATIONS.forEach((migration, index) => expect(migration.version).toBe((index + 1) * 10));
  });

  it('build the whole schema from an empty file and record the version', () => {
    const db = openDatabase(join(tempDir(), 'fresh.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // Schema snapshot: a change here must come with a new migration, never an edit of a shipped one.
    expect(schemaOf(db)).toMatchSnapshot();
    db.close();
  });

  it('run step by step, each pending one once, in one transaction', () => {
    const file = join(tempDir(), 'steps.sqlite');
    const first = MIGRATIONS.slice(0, 1);
    const raw = new Database(file);
    migrate(raw, first);
    expect(raw.pragma('user_version', { simple: true })).toBe(10);

    const calls: number[] = [];
    const next: Migration = {
      version: 20,
      name: 'add-notes',
      up: (db) => {
        calls.push(20);
        db.exec('ALTER TABLE sessions ADD COLUMN notes TEXT');
      },
    };
    migrate(raw, [...first, next]);
    migrate(raw, [...first, next]);
    expect(calls).toEqual([20]);
    expect(raw.pragma('user_version', { simple: true })).toBe(20);
    raw.close();
  });

  it('leave the database unchanged when one of them fails', () => {
    const file = join(tempDir(), 'failing.sqlite');
    const raw = new Database(file);
    const broken: Migration = {
      version: 20,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id TEXT)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(raw, [...MIGRATIONS.slice(0, 1), broken])).toThrow('boom');
    expect(raw.pragma('user_version', { simple: true })).toBe(0);
    expect(
      raw.prepare("SELECT name FROM sqlite_schema WHERE name IN ('sessions', 'half_done')").all(),
    ).toEqual([]);
    raw.close();
  });

  it('refuse a database from a newer app and leave the file byte-for-byte untouched', () => {
    const file = join(tempDir(), 'future.sqlite');
    const db = openDatabase(file);
    store(db, session());
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of Stackwise/);

    const after = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(after).toBe(before);
  });
});

describe('connection', () => {
  it('has WAL, full sync, foreign keys and a busy timeout, also after a reopen', () => {
    const file = join(tempDir(), 'pragmas.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'fk.sqlite'));
    expect(() =>
      db
        .prepare('INSERT INTO participants (id, session_id, position, name) VALUES (?, ?, 0, ?)')
        .run('p1', 'no-such-session', 'Ghost'),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('sessions repository', () => {
  it('round-trips a session with its participants in order', () => {
    const file = join(tempDir(), 'roundtrip.sqlite');
    const db = openDatabase(file);
    const original = session();
    store(db, original);
    db.close();

    const reopened = openDatabase(file);
    expect(getSession(reopened, original.id)).toEqual(original);
    reopened.close();
  });

  it('deletes participants with their session', () => {
    const db = openDatabase(join(tempDir(), 'cascade.sqlite'));
    store(db, session());
    expect(deleteSession(db, session().id)).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM participants').get()).toEqual({ n: 0 });
    db.close();
  });

  it('searches every word across client, project, facilitator and description, ignoring accents', () => {
    const db = openDatabase(join(tempDir(), 'search.sqlite'));
    store(db, session());
    store(
      db,
      session({
        id: '0b7f3e52-4c1e-4a8f-9d1e-3b1f9a6c2d11',
        clientName: 'Müller GmbH',
        projectName: '50% faster checkout',
        participants: [],
      }),
    );
    const names = (search: string) =>
      listSessionPage(db, {
        search,
        sort: 'client',
        status: 'all',
        client: '',
        limit: 50,
        offset: 0,
      }).rows.map((s) => s.client_name);
    expect(names('')).toEqual(['Müller GmbH', 'Øresund Shipping']);
    expect(names('oresund')).toEqual(['Øresund Shipping']);
    expect(names('muller')).toEqual(['Müller GmbH']);
    expect(names('fleet vessels')).toEqual(['Øresund Shipping']);
    expect(names('fleet checkout')).toEqual([]);
    expect(names('50%')).toEqual(['Müller GmbH']);
    expect(names('lar')).toEqual(['Øresund Shipping']);
    // Punctuation alone is no word to look for: it matches nothing rather than everything.
    expect(names('%')).toEqual([]);
    expect(names('_')).toEqual([]);
    db.close();
  });

  it('sorts by client, by workshop date and by last edit', () => {
    const db = openDatabase(join(tempDir(), 'sort.sqlite'));
    const ids = ['1', '2', '3'].map((n) => `0b7f3e52-4c1e-4a8f-9d1e-3b1f9a6c2d2${n}`);
    store(
      db,
      session({
        id: ids[0],
        clientName: 'beta',
        workshopDate: '2026-01-01',
        updatedAt: '2026-05-03T00:00:00.000Z',
        participants: [],
      }),
    );
    store(
      db,
      session({
        id: ids[1],
        clientName: 'Alpha',
        workshopDate: '2026-03-01',
        updatedAt: '2026-05-01T00:00:00.000Z',
        participants: [],
      }),
    );
    store(
      db,
      session({
        id: ids[2],
        clientName: 'Łódź',
        workshopDate: '2026-02-01',
        updatedAt: '2026-05-02T00:00:00.000Z',
        participants: [],
      }),
    );
    const order = (sort: 'client' | 'date' | 'updated') =>
      listSessionPage(db, { search: '', sort, status: 'all', client: '', limit: 50, offset: 0 }).rows.map(
        (s) => s.client_name,
      );
    // Folded, not by code point: "Łódź" sorts with the Ls, not after Z.
    expect(order('client')).toEqual(['Alpha', 'beta', 'Łódź']);
    expect(order('date')).toEqual(['Alpha', 'Łódź', 'beta']);
    expect(order('updated')).toEqual(['beta', 'Łódź', 'Alpha']);
    db.close();
  });

  it('uses an index for participant look-ups', () => {
    const db = openDatabase(join(tempDir(), 'plan.sqlite'));
    const plan = (sql: string, ...params: string[]) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    expect(plan('SELECT id FROM participants WHERE session_id = ? ORDER BY position', 'x')).toContain(
      'participants_by_session',
    );
    db.close();
  });

  it('rejects a corrupted row instead of passing it on', () => {
    const db = openDatabase(join(tempDir(), 'badrow.sqlite'));
    store(db, session({ participants: [] }));
    db.prepare("UPDATE sessions SET workshop_date = 'someday'").run();
    expect(() => getSession(db, session().id)).toThrow();
    db.close();
  });
});
