import type { Participant } from '@shared/sessions/schema';
import type { Action, WorkshopResult, WorkshopState } from '@shared/workshop';

/** What every step needs: the document, the computed decision, and a way to change things. */
export type StepProps = {
  sessionId: string;
  state: WorkshopState;
  result: WorkshopResult;
  participants: Participant[];
  /** A participant's name, or "Participant N" in anonymous mode. */
  nameOf: (participantId: string) => string;
  dispatch: (action: Action) => void;
};
