/**
 * What the undo and redo buttons offer after a change, as its receipt says, is what reading the
 * workshop again says: an autosave names them from the change it just logged instead of reading
 * the log back. Random sequences of edits (some merging into one step), step moves, undo and redo,
 * through the production IPC registration, from the suite's fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '@shared/sessions/schema';
import type { WorkshopReceipt, WorkshopSnapshot } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';

const startCore = useIpcCore(useTempDir());

type Op =
  | { kind: 'slider'; person: number; value: number }
  | { kind: 'note'; text: string }
  | { kind: 'step' }
  | { kind: 'undo' | 'redo' };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('slider' as const),
    person: fc.nat(1),
    value: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({ kind: fc.constant('note' as const), text: fc.constantFrom('a', 'ab', 'abc') }),
  fc.record({ kind: fc.constant('step' as const) }),
  fc.record({ kind: fc.constantFrom('undo' as const, 'redo' as const) }),
);

describe('the receipt of a change', () => {
  it('offers the undo and redo that reading the workshop offers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 30 }), async (ops) => {
        // A second a step: within the merge window, so a slider dragged on merges into one change.
        let clock = Date.parse('2026-03-12T09:00:00.000Z');
        const { ipc } = startCore({ now: () => new Date((clock += 1000)) });
        const session = await ok<SessionRecord>(ipc.call('sessions:create', draft()));
        let revision = 0;
        let steps = 0;
        for (const op of ops) {
          const sessionId = session.id;
          const action =
            op.kind === 'slider'
              ? {
                  type: 'setDirect',
                  participantId: session.participants[op.person]?.id,
                  criterionId: 'security',
                  value: op.value,
                }
              : op.kind === 'note'
                ? { type: 'setNotes', field: 'notes', text: op.text }
                : { type: 'setStep', step: (steps++ % 2 === 0 ? 'weighting' : 'compare') as string };
          const result =
            op.kind === 'undo' || op.kind === 'redo'
              ? await ipc.call(`workshop:${op.kind}`, { sessionId, baseRevision: revision })
              : await ipc.call('workshop:apply', { sessionId, baseRevision: revision, action });
          if (!result.ok) continue; // nothing to undo or redo
          const receipt = result.value as WorkshopReceipt;
          const read = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId }));
          expect({ undo: receipt.undo, redo: receipt.redo }).toEqual({ undo: read.undo, redo: read.redo });
          revision = receipt.revision;
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
