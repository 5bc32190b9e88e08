/**
 * The criteria and the room's weights: what each criterion covers, the final weight, who gave the
 * lowest and highest, and how far apart the room was (in percentage points, in words).
 */
import { countWord, joinAnd, ownAnswers } from '../decision';
import { formatPercent } from '../format/figures';
import type { Method, WorkshopResult, WorkshopState } from '../workshop';
import { own } from '../util/records';
import type { Block, Section } from './blocks';
import { AGGREGATION_TEXT, METHOD_WORDS } from './prose';
import type { Names } from './prose';
import type { VerdictFacts } from './verdict';

/** Beyond this many voters the summary counts own answers instead of naming everyone; this section names them. */
export const SUMMARY_NAMES_MAX = 12;

export function weightsSection(
  state: WorkshopState,
  result: WorkshopResult,
  names: Names,
  facts: VerdictFacts,
): Section {
  const { spread, participantWeights } = result.evaluation;
  const counted = result.counted.length;
  const whoAt = (k: number, pick: 'min' | 'max') => {
    const column = participantWeights.map((row) => row[k] ?? 0);
    if (column.length < 2) return '—';
    const value = pick === 'min' ? Math.min(...column) : Math.max(...column);
    const who = result.counted[column.indexOf(value)];
    return `${formatPercent(value)}${who ? `  ${names.of(who.id)}` : ''}`;
  };
  const threshold = (state.disagreementThreshold * 100).toFixed(1);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: facts.noVotes
        ? `No voter’s weights count yet, so the weights below are ${facts.basis}, not the room’s.`
        : `${counted === 1 ? 'One voter' : `${counted} voters`} weighed the criteria${methodsSeparator(state, result)}${methodsText(state, result)}. The room’s weight for each criterion is ${AGGREGATION_TEXT[state.aggregation]}.`,
    },
    { kind: 'subheading', text: 'The criteria' },
    {
      kind: 'table',
      columns: [
        { title: 'Criterion', width: 0.3 },
        { title: 'What it covers', width: 0.7 },
      ],
      rows: state.criteria.map((c) => [c.name, c.description || '—']),
    },
  ];
  const several = !facts.noVotes && counted > 1;
  blocks.push({
    kind: 'subheading',
    text: facts.noVotes
      ? `Weights: ${facts.basis}`
      : several
        ? 'Final weights and how far apart the room was'
        : 'Final weights',
  });
  blocks.push(
    several
      ? {
          kind: 'table',
          columns: [
            { title: 'Criterion', width: 0.2 },
            { title: 'Weight', width: 0.09, align: 'right' },
            { title: 'Lowest, by', width: 0.245 },
            { title: 'Highest, by', width: 0.245 },
            { title: 'Spread', width: 0.1, align: 'right' },
            { title: 'Room', width: 0.12 },
          ],
          rows: state.criteria.map((c, k) => {
            const d = spread[k];
            return [
              c.name,
              facts.weights[k] ?? '',
              whoAt(k, 'min'),
              whoAt(k, 'max'),
              d ? (d.stdDev * 100).toFixed(1) : '—',
              d?.flagged ? 'Divided' : 'Agreed',
            ];
          }),
          emphasis: spread.flatMap((d, k) => (d.flagged ? [k] : [])),
          caption: `Spread is the standard deviation of the voters’ weights, in percentage points. Above ${threshold} points the room is marked as divided on that criterion.`,
        }
      : {
          kind: 'table',
          columns: [
            { title: 'Criterion', width: 0.7 },
            { title: 'Weight', width: 0.3, align: 'right' },
          ],
          rows: state.criteria.map((c, k) => [c.name, facts.weights[k] ?? '']),
        },
  );
  if (facts.leftOut.length > 0) blocks.push({ kind: 'bullets', items: facts.leftOut });
  if (!facts.noVotes && !names.anonymous && counted > SUMMARY_NAMES_MAX) {
    blocks.push({ kind: 'subheading', text: 'Each voter’s own result' });
    blocks.push(ownResultTable(result, names));
  }
  return { id: 'weights', title: 'Criteria and weights', blocks };
}

/** Each counted voter and the stack their own weights put first (a tie named as one). */
function ownResultTable(result: WorkshopResult, names: Names): Block {
  const candidates = result.model.candidates.map((c) => c.name);
  const answer = new Map<number, string>();
  for (const group of ownAnswers(result.evaluation.participantWeights, result.evaluation.ratings.matrix)) {
    const winners = group.winners.map((c) => candidates[c] ?? '');
    const text = winners.length > 1 ? `A tie: ${joinAnd(winners)}` : (winners[0] ?? '');
    for (const voter of group.voters) answer.set(voter, text);
  }
  return {
    kind: 'table',
    columns: [
      { title: 'Voter', width: 0.6 },
      { title: 'Their own weights pick', width: 0.4 },
    ],
    rows: result.counted.map((p, i) => [names.of(p.id), answer.get(i) ?? '']),
  };
}

/** ": " before "one by …, two by …", a space before "by ranking" (everyone by one method). */
const methodsSeparator = (state: WorkshopState, result: WorkshopResult) =>
  methodsText(state, result).startsWith('by ') ? ' ' : ': ';

/** "by ranking" when all used one method, else "one by sliders from 0 to 10, two by sharing out 100 points". */
export function methodsText(state: WorkshopState, result: WorkshopResult): string {
  const counts = new Map<Method, number>();
  const round = state.rounds[state.rounds.length - 1];
  for (const p of result.counted) {
    const method = (own(round?.inputs, p.id) ?? own(round?.anonymousBallots, p.id))?.method ?? 'direct';
    counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  if (counts.size === 1) {
    const [method] = [...counts.keys()];
    return `by ${METHOD_WORDS[method ?? 'direct']}`;
  }
  return joinAnd([...counts].map(([method, n]) => `${countWord(n)} by ${METHOD_WORDS[method]}`));
}
