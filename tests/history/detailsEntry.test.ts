/**
 * A history entry for edits of the details holds the session before the burst and after its
 * latest edit, each with the workshop as it stood when stored: copied by the database, never read
 * into the app (db/history/mutations.ts), and read back through the same check as any entry.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SessionStateSchema } from '@shared/history/compare';
import type { SessionRecord } from '@shared/sessions/schema';
import { initialWorkshopState } from '@shared/workshop';
import { getWorkshop } from '../../src-main/db/workshops/queries';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, updateLatest } from '../helpers/writes';

const startCore = useIpcCore(useTempDir());

const EntrySchema = z.object({ before: z.string(), after: z.string() });

describe('an entry for edits of the details', () => {
  it('holds the details before and after the burst, each with the workshop as it stood', async () => {
    let clock = Date.parse('2026-03-12T09:00:00.000Z');
    const { core, ipc } = startCore({ now: () => new Date((clock += 1000)) });
    const created = await ok<SessionRecord>(ipc.call('sessions:create', draft()));
    const entries = () =>
      core.db
        .prepare(
          "SELECT before, after FROM session_events WHERE session_id = ? AND kind = 'details' ORDER BY id",
        )
        .all(created.id)
        .map((row) => {
          const { before, after } = EntrySchema.parse(row);
          return {
            before: SessionStateSchema.parse(JSON.parse(before)),
            after: SessionStateSchema.parse(JSON.parse(after)),
          };
        });

    // No workshop yet: the entry holds the one a new session starts with.
    await ok(updateLatest(ipc, created.id, { clientName: 'Contoso' }));
    expect(entries()[0]?.before.workshop).toEqual(initialWorkshopState());

    const priya = created.participants[0]?.id;
    await ok(
      applyLatest(ipc, created.id, {
        type: 'setDirect',
        participantId: priya,
        criterionId: 'security',
        value: 9,
      }),
    );
    await ok(updateLatest(ipc, created.id, { clientName: 'Contoso Ltd' }));
    await ok(updateLatest(ipc, created.id, { description: 'Typed on' }));

    const [entry] = entries();
    expect(entries()).toHaveLength(1);
    expect(entry?.before.session.clientName).toBe('Northwind Logistics');
    expect(entry?.after.session).toMatchObject({ clientName: 'Contoso Ltd', description: 'Typed on' });
    expect(entry?.after.workshop).toEqual(getWorkshop(core.db, created.id)?.state);
  });
});
