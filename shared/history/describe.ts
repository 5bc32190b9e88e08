/**
 * A history entry's title: the action in the room's own words, with the names of the people,
 * criteria and stacks it touched (the undo button's short label leaves them out).
 */
import type { Session } from '../sessions/schema';
import { describeAction, isRowAction, METHOD_LABELS, titleRowAction } from '../workshop';
import type { Action, RowNames, WorkshopState } from '../workshop';

/** Changes that carry what a voter entered: kept out of the history while inputs are hidden. */
export function entersInput(action: Action): boolean {
  return (
    action.type === 'setDirect' ||
    action.type === 'setPoints' ||
    action.type === 'moveRank' ||
    action.type === 'setJudgment' ||
    action.type === 'setMethod' ||
    action.type === 'submitBallot'
  );
}

/** What a title reads of a state: the names of its criteria and stacks, and its rows' texts. */
export type TitleNames = RowNames & {
  criteria: ReadonlyArray<Pick<WorkshopState['criteria'][number], 'id' | 'name'>>;
  candidates: ReadonlyArray<Pick<WorkshopState['candidates'][number], 'id' | 'name'>>;
};

export function describeChange(
  action: Action,
  before: TitleNames,
  after: TitleNames,
  session: Session,
  /** The round's inputs are hidden now: say who entered weights, not what. */
  hideInputs = false,
): string {
  const person = (id: string) => session.participants.find((p) => p.id === id)?.name ?? 'A participant';
  const criterion = (id: string) =>
    (after.criteria.find((c) => c.id === id) ?? before.criteria.find((c) => c.id === id))?.name ?? id;
  const stack = (id: string) =>
    (after.candidates.find((c) => c.id === id) ?? before.candidates.find((c) => c.id === id))?.name ?? id;
  if (action.type === 'submitBallot') {
    // An anonymous ballot has no name to give, by design; the label says only that one came in.
    if (!('participantId' in action.voter)) return 'An anonymous ballot came in from a device';
    const whose = `${person(action.voter.participantId)}’s ballot, from their device`;
    return hideInputs
      ? `${whose} (hidden until the results are revealed)`
      : `${whose}: ${METHOD_LABELS[action.ballot.method]}`;
  }
  if (isRowAction(action)) return titleRowAction(action, before, after);
  if (hideInputs && entersInput(action) && 'participantId' in action)
    return `${person(action.participantId)} entered weights (hidden until the results are revealed)`;
  switch (action.type) {
    case 'setDirect':
      return `${person(action.participantId)} set ${criterion(action.criterionId)} to ${action.value} of 10`;
    case 'setPoints':
      return `${person(action.participantId)} gave ${criterion(action.criterionId)} ${action.value} of 100 points`;
    case 'moveRank':
      return `${person(action.participantId)} moved ${criterion(action.criterionId)} ${action.offset < 0 ? 'up' : 'down'} their ranking`;
    case 'setJudgment':
      return `${person(action.participantId)} compared ${criterion(action.a)} with ${criterion(action.b)}`;
    case 'setMethod':
      return `${person(action.participantId)} now weighs by ${METHOD_LABELS[action.method]}`;
    case 'castVote':
      return `${person(action.participantId)} voted with the weights shown`;
    case 'abstain':
      return `${person(action.participantId)} abstained`;
    case 'clearVote':
      return `${person(action.participantId)}’s vote was cleared`;
    case 'includeInconsistent':
      return action.include
        ? `${person(action.participantId)}’s inconsistent pairwise answers are counted anyway`
        : `${person(action.participantId)}’s inconsistent pairwise answers are left out`;
    case 'setRole':
      return `${person(action.participantId)} became ${action.role === 'voter' ? 'a voter' : 'an observer'}`;
    case 'setRating':
      return `Rated ${stack(action.candidateId)} ${action.value} on ${criterion(action.criterionId)}`;
    case 'setOverride':
      return `Overrode ${stack(action.candidateId)} on ${criterion(action.criterionId)} to ${action.value}: “${action.note}”`;
    case 'clearOverride':
      return `Restored the rating of ${stack(action.candidateId)} on ${criterion(action.criterionId)}`;
    case 'removeCriterion':
      return `Removed the criterion “${criterion(action.id)}”`;
    case 'removeCandidate':
      return `Removed the stack “${stack(action.id)}”`;
    case 'moveCriterion':
      return `Moved “${criterion(action.id)}” ${action.offset < 0 ? 'up' : 'down'} the list`;
    default:
      return describeAction(action);
  }
}
