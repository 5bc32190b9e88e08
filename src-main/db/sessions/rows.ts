/** Database rows for sessions, parsed with zod and mapped to the shared types in one place. */
import { z } from 'zod';
import type { Participant, Session, SessionSummary } from '@shared/sessions/schema';
import { ParticipantSchema, SessionSchema, SessionSummarySchema } from '@shared/sessions/schema';

export const SessionRowSchema = z.object({
  id: z.string(),
  client_name: z.string(),
  project_name: z.string(),
  facilitator: z.string(),
  workshop_date: z.string(),
  description: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SessionRow = z.infer<typeof SessionRowSchema>;

/** A list row: the session's own fields and the columns kept for the list. */
export const SummaryRowSchema = SessionRowSchema.omit({ description: true }).extend({
  participant_count: z.number().int(),
  status: z.string(),
  leader: z.string().nullable(),
  last_report_at: z.string().nullable(),
});
export type SummaryRow = z.infer<typeof SummaryRowSchema>;

export const ParticipantRowSchema = z.object({ id: z.string(), name: z.string() });

export function toParticipant(row: unknown): Participant {
  const parsed = ParticipantRowSchema.parse(row);
  return ParticipantSchema.parse({ id: parsed.id, name: parsed.name });
}

export function toSession(row: unknown, participants: Participant[]): Session {
  const r = SessionRowSchema.parse(row);
  return SessionSchema.parse({
    id: r.id,
    clientName: r.client_name,
    projectName: r.project_name,
    facilitator: r.facilitator,
    workshopDate: r.workshop_date,
    description: r.description,
    participants,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

export function toSummary(r: SummaryRow): SessionSummary {
  return SessionSummarySchema.parse({
    id: r.id,
    clientName: r.client_name,
    projectName: r.project_name,
    facilitator: r.facilitator,
    workshopDate: r.workshop_date,
    participantCount: r.participant_count,
    status: r.status,
    leader: r.leader,
    lastReportAt: r.last_report_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}
