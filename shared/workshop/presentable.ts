/**
 * What a screen may show of the room. While inputs are hidden (hide until reveal, not yet revealed)
 * that is who has voted and nothing about what: no weight, score, ranking or anyone's input. The
 * console's result areas and the presenter render from this value, so a step or a key press cannot
 * show more than it holds.
 */
import { evaluateWorkshop, isVoter } from './evaluate';
import type { WorkshopParticipant, WorkshopResult } from './evaluate';
import { ballotOf } from './inputs';
import type { BallotState } from './inputs';
import type { WorkshopState } from './schema';

export type HiddenView = {
  hidden: true;
  round: number;
  /** Each voter's state in this round, in the session's order. */
  voters: Array<{ id: string; ballot: BallotState }>;
  ballots: { voted: number; abstained: number; notYet: number };
};

export type ShownView = { hidden: false; result: WorkshopResult };
export type PresentableView = HiddenView | ShownView;

/** What deciding whether inputs are hidden reads of a state (the history reads no more). */
export type RevealState = {
  hideUntilReveal: WorkshopState['hideUntilReveal'];
  rounds: ReadonlyArray<Pick<WorkshopState['rounds'][number], 'revealed'>>;
};

/** Whether the current round's inputs are hidden from every screen. */
export function inputsHidden(state: RevealState): boolean {
  return state.hideUntilReveal && !(state.rounds[state.rounds.length - 1]?.revealed ?? false);
}

/** Who has voted in this round, and nothing else. */
export function hiddenView(state: WorkshopState, participants: readonly WorkshopParticipant[]): HiddenView {
  const voters = participants
    .filter((p) => isVoter(state, p.id))
    .map((p) => ({ id: p.id, ballot: ballotOf(state, p.id) }));
  const count = (ballot: BallotState) => voters.filter((v) => v.ballot === ballot).length;
  const round = state.rounds[state.rounds.length - 1];
  // Ballots stored without a name count as voters who voted; each is someone still shown as
  // "not yet", since nothing links the two (as the engine counts them, evaluate.ts).
  const anonymous = Object.keys(round?.anonymousBallots ?? {}).length;
  return {
    hidden: true,
    round: round?.number ?? 1,
    // Hidden from everyone, a voter without a ballot under their name may well have voted from a
    // device: "not yet" would be false, so only what is known is listed, and the counts say the rest.
    voters: round?.anonymity === 'hiddenFromEveryone' ? voters.filter((v) => v.ballot !== 'notYet') : voters,
    ballots: {
      voted: count('voted') + anonymous,
      abstained: count('abstained'),
      notYet: Math.max(0, count('notYet') - anonymous),
    },
  };
}

/**
 * The view for the screens: the hidden view while inputs are hidden, else the decision.
 * `result`, when the caller has already evaluated this state, saves a second evaluation.
 */
export function presentableView(
  state: WorkshopState,
  participants: readonly WorkshopParticipant[],
  result?: WorkshopResult,
): PresentableView {
  if (inputsHidden(state)) return hiddenView(state, participants);
  return { hidden: false, result: result ?? evaluateWorkshop(state, participants) };
}
