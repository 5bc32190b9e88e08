/**
 * The round's anonymity as the room dialog and the lobby say it, before anyone votes: the level's
 * name and the workshop's own notice for it (shared/workshop/anonymity.ts).
 */
import { ANONYMITY_LABELS, anonymityNotice, anonymityOf } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';

/** The named level has no warning of its own; the room still hears what it means. */
const NAMED = 'Names travel with the ballots: once results are shown, everyone may see who said what.';

export function roundAnonymityNote(state: Pick<WorkshopState, 'rounds'>): { label: string; notice: string } {
  const level = anonymityOf(state);
  return { label: ANONYMITY_LABELS[level], notice: anonymityNotice(level) ?? NAMED };
}
