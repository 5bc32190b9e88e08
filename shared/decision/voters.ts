/**
 * Each person's own answer: with one voter's own weights (and the room's ratings), which candidate
 * wins. "2 of 3 voters' own weights pick Django, 1 picks Node.js" shows whether the room's result
 * is everyone's result or a compromise nobody would have chosen alone.
 */
import { rank, weightedSum } from './scores';

export type OwnAnswerGroup = {
  /** The candidates this group's weights put first: more than one is a tie. */
  winners: number[];
  /** The voters (indices into the weights given) whose own weights give this answer. */
  voters: number[];
};

/**
 * Groups the voters by the answer their own weights give, the largest group first (on equal
 * sizes, the group whose first winner is listed first). Ties are their own answer, never
 * resolved.
 */
export function ownAnswers(
  participantWeights: readonly (readonly number[])[],
  ratings: readonly (readonly number[])[],
): OwnAnswerGroup[] {
  const groups = new Map<string, OwnAnswerGroup>();
  participantWeights.forEach((weights, voter) => {
    const winners = rank(weightedSum(weights, ratings)).leaders;
    const key = winners.join(',');
    const group = groups.get(key);
    if (group) group.voters.push(voter);
    else groups.set(key, { winners, voters: [voter] });
  });
  return [...groups.values()].sort(
    (a, b) =>
      b.voters.length - a.voters.length ||
      a.winners.length - b.winners.length ||
      (a.winners[0] ?? 0) - (b.winners[0] ?? 0),
  );
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "one", "two" … "ten", then digits. */
export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "Django", "Django and Node.js", "Django, Go and Node.js". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export type OwnAnswerNames = {
  candidates: readonly string[];
  /** Each voter's name in the order of the weights, or null in an anonymous room (counts only). */
  voters: readonly string[] | null;
};

/** One group's answer without its count: "pick Django", "are tied between Django and Node.js". */
export function answerPhrase(group: OwnAnswerGroup, candidates: readonly string[], plural: boolean): string {
  const names = group.winners.map((c) => candidates[c] ?? `Candidate ${c + 1}`);
  if (names.length > 1) return `${plural ? 'tie' : 'ties'} ${joinAnd(names)}`;
  return `${plural ? 'pick' : 'picks'} ${names[0] ?? ''}`;
}

/**
 * "2 of 3 voters’ own weights pick Django (Priya, Marek), 1 picks Node.js (Tomasz)." Names only
 * when given; a tie is said as one: "1 ties Django and Node.js".
 */
export function describeOwnAnswers(groups: readonly OwnAnswerGroup[], names: OwnAnswerNames): string {
  const total = groups.reduce((sum, g) => sum + g.voters.length, 0);
  if (total === 0) return 'No voter’s weights count yet, so no one has an answer of their own.';
  // Names follow a colon, never in parentheses: a name may carry its own ("Priya (CTO)").
  const who = (group: OwnAnswerGroup) =>
    names.voters ? `: ${joinAnd(group.voters.map((v) => names.voters?.[v] ?? `Voter ${v + 1}`))}` : '';
  const [first, ...rest] = groups;
  if (!first) return '';
  if (total === 1)
    return `The one counted voter’s own weights ${answerPhrase(first, names.candidates, true)}${who(first)}.`;
  if (rest.length === 0)
    return `${total === 2 ? 'Both' : `All ${total}`} voters’ own weights ${answerPhrase(first, names.candidates, true)}.`;
  const head = `${first.voters.length} of ${total} voters’ own weights ${answerPhrase(first, names.candidates, true)}${who(first)}`;
  const tail = rest.map(
    (group) =>
      `${group.voters.length} ${answerPhrase(group, names.candidates, group.voters.length !== 1)}${who(group)}`,
  );
  return `${[head, ...tail].join(names.voters ? '; ' : ', ')}.`;
}
