/**
 * The sessions list in SQL: every sort with every filter reads an index in order, search is the
 * full-text index with the app's accent folding, pages hold each session once, and a database made
 * before migration 0060 has its kept columns filled when opened.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import type { Db } from '../../src-main/db/connection';
import { MIGRATIONS, migrate } from '../../src-main/db/migrations';
import { refreshListEntry } from '../../src-main/db/sessions/listColumns';
import { deleteSession, insertSession, replaceParticipants } from '../../src-main/db/sessions/mutations';
import { BROAD_SEARCH, listPageSql, listSessionPage } from '../../src-main/db/sessions/queries';
import type { ListQuery } from '../../src-main/db/sessions/queries';
import { sessionStanding } from '@shared/sessions/listing';
import { SESSION_SORTS, searchKey } from '@shared/sessions/schema';
import type { Session } from '@shared/sessions/schema';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

const id = (n: number) => `0b7f3e52-4c1e-4a8f-9d1e-${String(n).padStart(12, '0')}`;
const personId = (n: number) => `5d2f1c8a-1b2c-4d3e-8f4a-${String(n).padStart(12, '0')}`;

function session(n: number, overrides: Partial<Session> = {}): Session {
  return {
    id: id(n),
    clientName: 'Northwind',
    projectName: `Project ${n}`,
    facilitator: 'Dana',
    workshopDate: `2026-0${(n % 9) + 1}-1${n % 10}`,
    description: '',
    participants: [],
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: `2026-05-01T09:${String(n % 60).padStart(2, '0')}:00.000Z`,
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

const query = (overrides: Partial<ListQuery> = {}): ListQuery => ({
  search: '',
  sort: 'updated',
  status: 'all',
  client: '',
  limit: 50,
  offset: 0,
  ...overrides,
});

describe('the sessions list query', () => {
  it('reads every sort, alone and after the status and client filters, in order from an index', () => {
    const db = openDatabase(join(tempDir(), 'plans.sqlite'));
    for (let n = 0; n < 30; n++) store(db, session(n, { clientName: n % 2 ? 'Łódź' : 'Northwind' }));
    db.exec('ANALYZE');
    for (const sort of SESSION_SORTS) {
      for (const filters of [
        {},
        { status: 'workshop' as const },
        { client: 'Łódź' },
        { status: 'draft' as const, client: 'lodz' },
      ]) {
        const page = listPageSql(query({ sort, ...filters }));
        if (page === null) throw new Error('a plain query always has SQL');
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${page.sql}`)
          .all(...page.params)
          .map((row) => (row as { detail: string }).detail)
          .join(' | ');
        const label = `${sort} ${JSON.stringify(filters)}: ${plan}`;
        expect(plan, label).toMatch(/USING (COVERING )?INDEX sessions_/);
        expect(plan, label).not.toMatch(/SCAN s\b(?! USING)/);
        expect(plan, label).not.toContain('TEMP B-TREE');
      }
    }
    const searchPlan = (broad: boolean) => {
      const page = listPageSql(query({ search: 'lodz' }), broad);
      if (page === null) throw new Error('a word to search always has SQL');
      return db
        .prepare(`EXPLAIN QUERY PLAN ${page.sql}`)
        .all(...page.params)
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    };
    // Both read the full-text index; a broad search walks the sort's index and stops at the page's end.
    expect(searchPlan(false)).toMatch(/SCAN session_search VIRTUAL TABLE INDEX \d+:M/);
    expect(searchPlan(false)).toMatch(/USING (COVERING )?INDEX sessions_/);
    expect(searchPlan(true)).toMatch(/SCAN session_search VIRTUAL TABLE INDEX \d+:M/);
    expect(searchPlan(true)).toContain('USING INDEX sessions_by_updated');
    expect(searchPlan(true)).not.toContain('TEMP B-TREE');
    db.close();
  });

  it('finds accent-folded client, project, facilitator and participant names through the full-text index', () => {
    const db = openDatabase(join(tempDir(), 'search.sqlite'));
    store(
      db,
      session(1, {
        clientName: 'Łódź Transit',
        projectName: 'Fahrplan für Köln',
        facilitator: 'Zoë Brontë',
        participants: [{ id: personId(1), name: 'Jürgen Müller' }],
      }),
    );
    store(db, session(2, { clientName: 'São Paulo Bank', participants: [{ id: personId(2), name: 'Ana' }] }));
    const found = (search: string) => listSessionPage(db, query({ search })).rows.map((r) => r.id);
    expect(found('lodz')).toEqual([id(1)]);
    expect(found('ŁÓDŹ')).toEqual([id(1)]);
    expect(found('koln fahrplan')).toEqual([id(1)]);
    expect(found('zoe')).toEqual([id(1)]);
    expect(found('muller')).toEqual([id(1)]);
    expect(found('jurg')).toEqual([id(1)]);
    expect(found('sao paulo')).toEqual([id(2)]);
    expect(found('ana')).toEqual([id(2)]);
    expect(found('muller ana')).toEqual([]);
    expect(listSessionPage(db, query({ search: 'muller' })).total).toBe(1);
    db.close();
  });

  it('treats quotes and full-text syntax as text, never as a query error', () => {
    const db = openDatabase(join(tempDir(), 'syntax.sqlite'));
    store(db, session(1, { clientName: 'Smith "OR" Partners', projectName: 'NEAR(term) study' }));
    store(db, session(2, { clientName: 'Other' }));
    const found = (search: string) => listSessionPage(db, query({ search })).rows.map((r) => r.id);
    for (const search of [
      '"',
      '""',
      '*',
      'OR',
      'AND',
      'NOT',
      'NEAR(',
      'NEAR(a b)',
      '"smith',
      'smith*',
      '-',
      '^',
      ':',
      'a:b',
      '(',
    ]) {
      expect(() => found(search), search).not.toThrow();
    }
    expect(found('"smith')).toEqual([id(1)]);
    expect(found('or')).toEqual([id(1)]);
    expect(found('NEAR(')).toEqual([id(1)]);
    expect(found('*')).toEqual([]);
    db.close();
  });

  it('pages hold every session exactly once, in order, for every sort and filter', () => {
    const db = openDatabase(join(tempDir(), 'pages.sqlite'));
    // Ties on every sort key, so only the last key (the id) tells rows apart.
    // More than BROAD_SEARCH sessions, so a search for all of them takes the broad plan.
    for (let n = 0; n < 230; n++)
      store(
        db,
        session(n, {
          clientName: n % 3 ? 'Acme' : 'Øresund',
          workshopDate: '2026-01-01',
          updatedAt:
            n % 2 ? '2026-05-01T09:00:00.000Z' : `2026-05-01T10:${String(n % 60).padStart(2, '0')}:00.000Z`,
        }),
      );
    for (const sort of SESSION_SORTS) {
      for (const filters of [{}, { client: 'oresund' }, { search: 'project' }, { search: 'oresund' }]) {
        const whole = listSessionPage(db, query({ sort, ...filters, limit: 500 }));
        const seen: string[] = [];
        for (let offset = 0; offset < whole.total; offset += 37) {
          const page = listSessionPage(db, query({ sort, ...filters, limit: 37, offset }));
          expect(page.total).toBe(whole.total);
          seen.push(...page.rows.map((r) => r.id));
        }
        expect(seen).toEqual(whole.rows.map((r) => r.id));
        expect(new Set(seen).size).toBe(whole.total);
      }
    }
    expect(listSessionPage(db, query({ limit: 500 })).total).toBe(230);
    expect(listSessionPage(db, query({ search: 'project' })).total).toBeGreaterThan(BROAD_SEARCH);
    expect(listSessionPage(db, query({ search: 'oresund' })).total).toBe(77);
    expect(listSessionPage(db, query({ client: 'oresund' })).total).toBe(77);
    db.close();
  });

  it('keeps no full-text row of a deleted session', () => {
    const db = openDatabase(join(tempDir(), 'delete.sqlite'));
    store(db, session(1, { clientName: 'Gone' }));
    store(db, session(2, { clientName: 'Kept' }));
    deleteSession(db, id(1));
    expect(db.prepare('SELECT COUNT(*) FROM session_search').pluck().get()).toBe(1);
    expect(listSessionPage(db, query({ search: 'gone' })).rows).toEqual([]);
    db.close();
  });
});

describe('a database made before migration 0060', () => {
  it('lists status, leader, last report and participant count, and searches, once opened', () => {
    const file = join(tempDir(), 'before.sqlite');
    const raw = new Database(file);
    migrate(
      raw,
      MIGRATIONS.filter((m) => m.version <= 50),
    );
    const insert = raw.prepare(
      `INSERT INTO sessions (id, client_name, project_name, facilitator, workshop_date, description,
                             search_text, client_key, created_at, updated_at)
       VALUES (?, ?, 'Portal', 'Dana', '2026-03-12', '', '', ?, '2026-03-12T09:00:00.000Z', ?)`,
    );
    const people = [
      { id: personId(1), name: 'Jürgen' },
      { id: personId(2), name: 'Ana' },
    ];
    insert.run(id(1), 'Łódź Transit', searchKey('Łódź Transit'), '2026-03-12T09:00:00.000Z');
    insert.run(id(2), 'Müller GmbH', searchKey('Müller GmbH'), '2026-03-12T10:00:00.000Z');
    insert.run(id(3), 'Northwind', searchKey('Northwind'), '2026-03-12T11:00:00.000Z');
    people.forEach((p, i) =>
      raw
        .prepare('INSERT INTO participants (id, session_id, position, name) VALUES (?, ?, ?, ?)')
        .run(p.id, id(1), i, p.name),
    );
    let state = applyAction(initialWorkshopState(), { type: 'setStep', step: 'recommendation' });
    state = applyAction(state, {
      type: 'setDirect',
      participantId: personId(1),
      criterionId: 'security',
      value: 10,
    });
    raw
      .prepare(
        "INSERT INTO workshops (session_id, state, revision, updated_at) VALUES (?, ?, 3, '2026-03-12T09:00:00.000Z')",
      )
      .run(id(1), JSON.stringify(state));
    raw
      .prepare(
        "INSERT INTO session_reports (session_id, last_exported_at, last_file_name) VALUES (?, ?, 'r.pdf')",
      )
      .run(id(2), '2026-03-13T09:00:00.000Z');
    raw.close();

    const db = openDatabase(file);
    const rows = listSessionPage(db, query({ sort: 'client' })).rows;
    const expected = sessionStanding(state, people, null);
    expect(expected.status).toBe('recommended');
    expect(
      rows.map((r) => [r.client_name, r.status, r.leader, r.last_report_at, r.participant_count]),
    ).toEqual([
      ['Łódź Transit', expected.status, expected.leader, null, 2],
      ['Müller GmbH', 'reported', null, '2026-03-13T09:00:00.000Z', 0],
      ['Northwind', 'draft', null, null, 0],
    ]);
    const found = (search: string) => listSessionPage(db, query({ search })).rows.map((r) => r.id);
    expect(found('lodz jurgen')).toEqual([id(1)]);
    expect(found('muller')).toEqual([id(2)]);
    expect(listSessionPage(db, query({ status: 'reported' })).rows.map((r) => r.id)).toEqual([id(2)]);
    db.close();
  });
});
