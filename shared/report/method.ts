/**
 * The method appendix: how the weights were given and combined, the rounds and their anonymity,
 * where the ratings come from, the consistency of pairwise answers, and the one line that names
 * the app and its version.
 */
import { CONSISTENCY_LIMIT, RANDOM_INDEX, RATING_SCALE } from '../decision';
import { weightPercents } from '../format/figures';
import { anonymityOf, anonymitySentence, evaluateWorkshop, roundLevels } from '../workshop';
import type { WorkshopResult } from '../workshop';
import type { Block, Section } from './blocks';
import type { ReportInput } from './model';
import { AGGREGATION_TEXT, formatDate, paragraphs } from './prose';
import type { Names } from './prose';
import { ratingsSourceBlocks } from './sources';
import type { SourceList } from './sources';
import type { VerdictFacts } from './verdict';
import { methodsText } from './weights';

export function methodSection(
  input: ReportInput,
  result: WorkshopResult,
  names: Names,
  facts: VerdictFacts,
  sources: SourceList,
): Section {
  const { state } = input;
  const rounds = state.rounds.length;
  const levels = [...new Set(state.rounds.map((round) => round.anonymity))];
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        ['Weighting', facts.noVotes ? `no votes yet: ${facts.basis}` : methodsText(state, result)],
        ['Aggregation', AGGREGATION_TEXT[state.aggregation]],
        [
          'Disagreement',
          `marked where the spread of the voters’ weights is above ${(state.disagreementThreshold * 100).toFixed(1)} percentage points`,
        ],
        [
          'Rounds',
          rounds === 1
            ? 'one round'
            : `${rounds} rounds; this report uses round ${rounds}, earlier rounds are kept below`,
        ],
        [
          'Anonymity',
          levels.length === 1 ? anonymitySentence(anonymityOf(state)) : `${roundLevels(state).join('; ')}.`,
        ],
        ['Ratings', `${RATING_SCALE.min} (a poor fit) to ${RATING_SCALE.max} (an excellent fit)`],
        ['Workshop date', formatDate(input.session.workshopDate)],
        ['Report made', `${formatDate(input.generatedAt)} with Stackwise ${input.appVersion}`],
      ],
    },
  ];
  if (levels.length > 1) {
    // What each level used meant, once each, in the order the rounds used them.
    blocks.push({ kind: 'bullets', items: levels.map(anonymitySentence) });
  }
  if (rounds > 1) {
    // Each round's weights as printed (adding up to 100.0%); a round nobody voted in has none.
    const byRound = state.rounds.map((_, r) => {
      const round = evaluateWorkshop(state, input.session.participants, r);
      return round.usingSuggestedWeights
        ? state.criteria.map(() => 'no votes')
        : weightPercents(round.evaluation.weights);
    });
    blocks.push({ kind: 'subheading', text: 'Weights by round' });
    const width = 0.6 / rounds;
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Criterion', width: 0.4 },
        ...state.rounds.map((r) => ({ title: `Round ${r.number}`, width, align: 'right' as const })),
      ],
      rows: state.criteria.map((c, k) => [c.name, ...byRound.map((w) => w[k] ?? '')]),
    });
  }
  blocks.push(...consistencyBlocks(result, names));
  blocks.push(...ratingsSourceBlocks(sources));
  if (input.brand.disclaimer) {
    blocks.push({ kind: 'subheading', text: 'Disclaimer' });
    blocks.push(...paragraphs(input.brand.disclaimer, 'muted'));
  }
  return { id: 'method', title: 'Appendix: method', blocks };
}

/** Pairwise answers and their consistency; left out when no counted voter compared in pairs. */
function consistencyBlocks(result: WorkshopResult, names: Names): Block[] {
  const checks = result.evaluation.pairwise;
  if (checks.length === 0 || result.usingSuggestedWeights) return [];
  return [
    { kind: 'subheading', text: 'Consistency of pairwise comparisons' },
    {
      kind: 'table',
      columns: [
        { title: 'Voter', width: 0.45 },
        { title: 'Consistency ratio', width: 0.25, align: 'right' },
        { title: 'Verdict', width: 0.3 },
      ],
      rows: checks.map((check) => {
        const who = result.counted[check.participant];
        return [
          who ? names.of(who.id) : `Voter ${check.participant + 1}`,
          check.cr.toFixed(3),
          check.consistent ? 'Consistent' : 'Inconsistent',
        ];
      }),
      caption: `A consistency ratio up to ${CONSISTENCY_LIMIT.toFixed(2)} is acceptable (Saaty). It is the consistency index divided by the random index for the number of criteria:`,
    },
    {
      kind: 'table',
      columns: [
        { title: 'Criteria', width: 0.16 },
        ...RANDOM_INDEX.map((_, i) => ({
          title: String(i + 1),
          width: 0.84 / RANDOM_INDEX.length,
          align: 'right' as const,
        })),
      ],
      rows: [['Random index', ...RANDOM_INDEX.map((ri) => ri.toFixed(2))]],
      caption: `Saaty’s random index; ${RANDOM_INDEX.length} or more criteria use the last value.`,
    },
  ];
}
