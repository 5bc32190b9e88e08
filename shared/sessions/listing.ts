/**
 * What the sessions list shows for one session, worked out from what is stored: its status, the
 * stack in first place and the text its search matches. Pure, so the database keeps these values
 * up to date on every write and a test can recompute them from the stored documents.
 */
import { DecisionInputError } from '../decision';
import { evaluateWorkshop } from '../workshop/evaluate';
import type { WorkshopParticipant } from '../workshop/evaluate';
import { inputsHidden } from '../workshop/presentable';
import type { WorkshopState } from '../workshop/schema';
import { searchKey } from './schema';
import type { SessionStatus } from './schema';

export type Standing = { status: SessionStatus; leader: string | null };

/**
 * Where a session stands. `workshop` is null before any workshop change (a duplicated session's
 * copied workshop, at revision 0, has not been worked on yet); a report exported outranks all.
 */
export function sessionStanding(
  workshop: WorkshopState | null,
  participants: readonly WorkshopParticipant[],
  lastReportAt: string | null,
): Standing {
  if (workshop === null) return { status: lastReportAt ? 'reported' : 'draft', leader: null };
  // The list names a leader only when the room's votes made one, and never while they are hidden.
  const result = inputsHidden(workshop) ? null : evaluateOrNull(workshop, participants);
  const leaderIndex =
    result && !result.usingSuggestedWeights ? result.evaluation.recommendation.leader : null;
  const leader = leaderIndex === null ? null : (result?.model.candidates[leaderIndex]?.name ?? null);
  const status = lastReportAt ? 'reported' : workshop.step === 'recommendation' ? 'recommended' : 'workshop';
  return { status, leader };
}

/** The decision, or null where the engine cannot make one (a workshop an earlier version saved). */
function evaluateOrNull(workshop: WorkshopState, participants: readonly WorkshopParticipant[]) {
  try {
    return evaluateWorkshop(workshop, participants);
  } catch (error) {
    if (error instanceof DecisionInputError) return null;
    throw error;
  }
}

export type SearchableSession = {
  clientName: string;
  projectName: string;
  facilitator: string;
  description: string;
  participants: ReadonlyArray<{ name: string }>;
};

/** The folded text a session's search matches: its details and its participants' names. */
export function sessionSearchText(session: SearchableSession): string {
  return searchKey(
    [
      session.clientName,
      session.projectName,
      session.facilitator,
      session.description,
      ...session.participants.map((p) => p.name),
    ].join('\n'),
  );
}

/**
 * The full-text query for what the user typed: every word folded like the stored text and quoted,
 * so quotes, `*`, `OR` or `NEAR(` are searched as text and never read as query syntax; each word
 * matches the start of a word ("mul" finds "Müller"), and all of them must match.
 */
export function fullTextQuery(search: string): string | null {
  const words = searchKey(search)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}
