import type { Participant } from '@shared/sessions/schema';
import type { Action, PresentableView, WorkshopResult, WorkshopState } from '@shared/workshop';

/** What every step needs: the document, the computed decision, and a way to change things. */
export type StepProps = {
  sessionId: string;
  state: WorkshopState;
  result: WorkshopResult;
  /** What the result areas may show: only who has voted while inputs are hidden. */
  view: PresentableView;
  participants: Participant[];
  /** A participant's name, or "Participant N" in anonymous mode. */
  nameOf: (participantId: string) => string;
  dispatch: (action: Action) => void;
};
