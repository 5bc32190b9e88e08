/**
 * What an undo or redo took back or brought back, in words the room understands ("Undid: a
 * participant's Security weight"). Participants stay "a participant" because the room may be in
 * anonymous mode; criteria and candidates are named from the state the change was made on.
 */
import { describeAction } from './actions';
import type { Action } from './actions';
import type { WorkshopState } from './schema';

/** What a label reads of a state: the names of its criteria and candidates. */
type Names = {
  criteria: ReadonlyArray<Pick<WorkshopState['criteria'][number], 'id' | 'name'>>;
  candidates: ReadonlyArray<Pick<WorkshopState['candidates'][number], 'id' | 'name'>>;
};

function criterionName(state: Names, id: string): string {
  return state.criteria.find((c) => c.id === id)?.name ?? 'a criterion';
}

function candidateName(state: Names, id: string): string {
  return state.candidates.find((c) => c.id === id)?.name ?? 'a candidate';
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** The change as a phrase that follows "Undid: " or "Redid: ". */
export function describeChange(action: Action, before: Names): string {
  switch (action.type) {
    case 'setDirect':
    case 'setPoints':
      return `a participant's ${criterionName(before, action.criterionId)} weight`;
    case 'moveRank':
      return `a participant's ranking of ${criterionName(before, action.criterionId)}`;
    case 'setJudgment':
      return `a participant's comparison of ${criterionName(before, action.a)} and ${criterionName(before, action.b)}`;
    case 'setRating':
      return `the rating of ${candidateName(before, action.candidateId)} on ${criterionName(before, action.criterionId)}`;
    case 'setOverride':
    case 'clearOverride':
      return `the override of ${candidateName(before, action.candidateId)} on ${criterionName(before, action.criterionId)}`;
    case 'removeCriterion':
      return `removing the criterion “${criterionName(before, action.id)}”`;
    case 'removeCandidate':
      return `removing the candidate “${candidateName(before, action.id)}”`;
    default:
      return lowerFirst(describeAction(action));
  }
}
