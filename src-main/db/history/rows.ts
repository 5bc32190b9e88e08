/** History and snapshot rows, parsed with zod; JSON columns are validated against shared schemas. */
import { z } from 'zod';
import { HistoryKindSchema } from '@shared/history/contract';
import { SnapshotContentSchema, SnapshotKindSchema } from '@shared/snapshots/schema';
import type { Snapshot } from '@shared/snapshots/schema';
import { SessionStateSchema } from '@shared/history/compare';
import type { SessionState } from '@shared/history/compare';
import type { HistoryKind } from '@shared/history/contract';

const EventRowSchema = z.object({
  id: z.number().int(),
  kind: HistoryKindSchema,
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  created_at: z.string(),
});

/** Something that happened to a session outside its workshop document. */
export type SessionEvent = {
  id: number;
  kind: HistoryKind;
  label: string;
  /** The session before and after, for edits and restores. */
  before: SessionState | null;
  after: SessionState | null;
  createdAt: string;
};

const stateOrNull = (text: string | null): SessionState | null =>
  text === null ? null : SessionStateSchema.parse(JSON.parse(text));

export function toEvent(row: unknown): SessionEvent {
  const r = EventRowSchema.parse(row);
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    before: stateOrNull(r.before),
    after: stateOrNull(r.after),
    createdAt: r.created_at,
  };
}

const SnapshotRowSchema = z.object({
  id: z.string(),
  session_id: z.string(),
  name: z.string(),
  kind: SnapshotKindSchema,
  content: z.string(),
  created_at: z.string(),
});

export function toSnapshot(row: unknown): Snapshot {
  const r = SnapshotRowSchema.parse(row);
  return {
    id: r.id,
    sessionId: r.session_id,
    name: r.name,
    kind: r.kind,
    createdAt: r.created_at,
    content: SnapshotContentSchema.parse(JSON.parse(r.content)),
  };
}
