/**
 * Names saved by an earlier version, before the character rules covered them (a tab in a
 * criterion name, a direction control in a client's or a brand's name, a line break in a
 * description), still open, list and export. The rules refuse such text when it is typed now;
 * they never make a saved session unreadable.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brand } from '@shared/brands/schema';
import type { ExportOutcome } from '@shared/report/contract';
import type { Session, SessionSummary } from '@shared/sessions/schema';
import type { WorkshopSnapshot } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest } from '../helpers/writes';

const tempDir = useTempDir();
const start = useIpcCore(tempDir);

describe('names saved before the character rules', () => {
  it('still list, open, export and compare, while typing the same text is refused', async () => {
    const databasePath = join(tempDir(), 'stackwise.sqlite');
    const first = start({ databasePath });
    const session = await ok<Session>(first.ipc.call('sessions:create', draft()));
    await ok(
      applyLatest(first.ipc, session.id, {
        type: 'addCriterion',
        id: 'hosting',
        name: 'Hosting',
        description: 'Where it runs.',
      }),
    );
    await ok(
      first.ipc.call('brands:save', {
        profileName: 'House style',
        companyName: 'Harbour & Vale',
        primaryColor: '#1F4E79',
        accentColor: '#C9733A',
        contactLine: '',
        footerText: '',
        disclaimer: '',
        logo: null,
      }),
    );

    // What an earlier version could store, written as it would have been.
    const db = first.core.db;
    db.prepare('UPDATE sessions SET client_name = ? WHERE id = ?').run('North\u202Ewind', session.id);
    db.prepare('UPDATE brands SET company_name = ?').run('Harbour\u2066 & Vale');
    const stored = db.prepare('SELECT state FROM workshops WHERE session_id = ?').pluck().get(session.id);
    const state = JSON.parse(String(stored)) as {
      criteria: { id: string; name: string; description: string }[];
    };
    for (const criterion of state.criteria) {
      if (criterion.id === 'hosting') {
        criterion.name = 'Hosting\tand\u0085ops';
        criterion.description = 'Where it runs.\nWho runs it.';
      }
    }
    db.prepare('UPDATE workshops SET state = ? WHERE session_id = ?').run(JSON.stringify(state), session.id);
    first.core.close();

    const { ipc } = start({ databasePath });
    const list = (await ok<{ sessions: SessionSummary[] }>(ipc.call('sessions:list', {}))).sessions;
    expect(list.map((s) => s.clientName)).toEqual(['North\u202Ewind']);
    await ok(ipc.call('sessions:get', { id: session.id }));
    const workshop = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
    expect(workshop.state.criteria.find((c) => c.id === 'hosting')?.name).toBe('Hosting\tand\u0085ops');
    const brands = await ok<Brand[]>(ipc.call('brands:list', {}));
    expect(brands[0]?.companyName).toBe('Harbour\u2066 & Vale');
    const report = await ok<ExportOutcome>(ipc.call('report:export', { sessionId: session.id }));
    expect(report.outcome).toBe('download');
    await ok(ipc.call('portable:csv', { sessionId: session.id }));
    await ok(ipc.call('snapshots:create', { sessionId: session.id, name: 'After the upgrade' }));

    // The same text, typed now, is refused and names the field.
    const typed = await applyLatest(ipc, session.id, {
      type: 'updateCriterion',
      id: 'hosting',
      name: 'Hosting\there',
      description: 'Where it runs.',
    });
    expect(typed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
