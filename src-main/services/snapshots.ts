/**
 * Snapshots of a session: saved by name, made on every report export, compared with each other or
 * with now, and restored (what a restore replaces is first kept as a snapshot of its own, and undo
 * cannot reach past it: the kept snapshot is the way back).
 */
import { compareStates } from '@shared/history/compare';
import type { Comparison } from '@shared/history/compare';
import { AppError } from '@shared/ipc/result';
import type { ComparedSide, Snapshot, SnapshotKind, SnapshotSummary } from '@shared/snapshots/schema';
import { evaluateWorkshop, inputsHidden } from '@shared/workshop';
import type { Db } from '../db/connection';
import { insertEvent, insertSnapshot } from '../db/history/mutations';
import { getSnapshot, listSnapshots } from '../db/history/queries';
import { replaceParticipants, updateSession } from '../db/sessions/mutations';
import { refreshListStanding, refreshListText } from '../db/sessions/listColumns';
import { getWorkshop } from '../db/workshops/queries';
import { discardUndoneChanges, saveWorkshop, sealChanges } from '../db/workshops/mutations';
import { captureSession } from './capture';
import type { EventBus } from './eventBus';
import { refuseWhileHidden, requireSession } from './lookups';

export type SnapshotServiceDeps = { db: Db; events: EventBus; now: () => Date; newId: () => string };
export type SnapshotService = ReturnType<typeof createSnapshotService>;

export function summarize(snapshot: Snapshot): SnapshotSummary {
  const { content, ...rest } = snapshot;
  const { evaluation, model } = evaluateWorkshop(content.workshop, content.session.participants);
  const leader = evaluation.recommendation.leader;
  return { ...rest, leader: leader === null ? 'A tie' : (model.candidates[leader]?.name ?? '—') };
}

export function createSnapshotService({ db, events, now, newId }: SnapshotServiceDeps) {
  const mustGet = (sessionId: string, snapshotId: string, field = 'snapshotId'): Snapshot => {
    requireSession(db, sessionId);
    const snapshot = getSnapshot(db, sessionId, snapshotId);
    if (!snapshot) throw new AppError('not_found', 'That snapshot no longer exists.', field);
    return snapshot;
  };

  /** Freezes the session as it is now. Runs inside the caller's transaction when there is one. */
  const freeze = (sessionId: string, name: string, kind: SnapshotKind): Snapshot => {
    const snapshot: Snapshot = {
      id: newId(),
      sessionId,
      name,
      kind,
      createdAt: now().toISOString(),
      content: { ...captureSession(db, sessionId), report: null },
    };
    insertSnapshot(db, snapshot);
    return snapshot;
  };

  const changed = (sessionId: string) => events.emit('sessions:changed', { id: sessionId });

  return {
    /** Newest first. */
    list(sessionId: string): SnapshotSummary[] {
      requireSession(db, sessionId);
      return listSnapshots(db, sessionId).reverse().map(summarize);
    },

    create(sessionId: string, name: string): SnapshotSummary {
      const snapshot = db.transaction(() => {
        requireSession(db, sessionId);
        const made = freeze(sessionId, name, 'manual');
        insertEvent(db, sessionId, {
          kind: 'snapshot',
          label: `Saved the snapshot “${name}”`,
          createdAt: made.createdAt,
        });
        return made;
      })();
      changed(sessionId);
      return summarize(snapshot);
    },

    compare(
      sessionId: string,
      from: string,
      to: string,
    ): { from: ComparedSide; to: ComparedSide; comparison: Comparison } {
      const side = (ref: string, field: string) => {
        if (ref === 'now') {
          const { session, workshop } = captureSession(db, sessionId);
          return { label: { name: 'Now', at: null }, state: { session, workshop } };
        }
        const snapshot = mustGet(sessionId, ref, field);
        return {
          label: { name: snapshot.name, at: snapshot.createdAt },
          state: { session: snapshot.content.session, workshop: snapshot.content.workshop },
        };
      };
      const a = side(from, 'from');
      const b = side(to, 'to');
      // A side frozen while this round is still hidden holds its inputs; an older, revealed one
      // shows only what the room has already seen.
      const current = captureSession(db, sessionId).workshop;
      if (current && inputsHidden(current)) {
        for (const state of [a.state.workshop, b.state.workshop]) refuseWhileHidden(state, 'this comparison');
      }
      return { from: a.label, to: b.label, comparison: compareStates(a.state, b.state) };
    },

    restore(sessionId: string, snapshotId: string): { kept: SnapshotSummary } {
      const { kept, revision } = db.transaction(() => {
        const snapshot = mustGet(sessionId, snapshotId);
        const keptAside = freeze(sessionId, `Before restoring “${snapshot.name}”`, 'restore');
        const at = keptAside.createdAt;
        const before = keptAside.content.session;
        const after = {
          ...snapshot.content.session,
          id: sessionId,
          createdAt: before.createdAt,
          updatedAt: at,
        };
        updateSession(db, after);
        replaceParticipants(db, sessionId, after.participants);
        const { workshop } = snapshot.content;
        const revision = (getWorkshop(db, sessionId)?.revision ?? 0) + 1;
        saveWorkshop(db, sessionId, workshop, revision, at);
        refreshListText(db, sessionId);
        refreshListStanding(db, sessionId, workshop);
        // Undo would otherwise step back into the state the restore replaced, piece by piece.
        discardUndoneChanges(db, sessionId);
        sealChanges(db, sessionId);
        insertEvent(db, sessionId, {
          kind: 'restore',
          label: `Restored the snapshot “${snapshot.name}”; what it replaced is kept as “${keptAside.name}”`,
          before: { session: before, workshop: keptAside.content.workshop },
          after: { session: after, workshop },
          createdAt: at,
        });
        return { kept: keptAside, revision };
      })();
      changed(sessionId);
      events.emit('workshop:changed', { sessionId, revision });
      return { kept: summarize(kept) };
    },
  };
}
