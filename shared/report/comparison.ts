/**
 * The side-by-side comparison (ratings, contributions, the facilitator's changes with their notes,
 * each rating's reason kept with its pair) and the charts: the scores, and what carries the lead,
 * criterion by criterion, as a diverging chart.
 */
import { RATING_SCALE } from '../decision';
import { unitsText } from '../format/figures';
import type { WorkshopResult } from '../workshop';
import type { Block, DivergingChart, Section } from './blocks';
import { ratingsSourceSentence } from './sources';
import type { SourceList } from './sources';
import type { VerdictFacts } from './verdict';

export function comparisonSection(result: WorkshopResult, facts: VerdictFacts, sources: SourceList): Section {
  const { candidates, criteria } = result.model;
  const { ratings } = result.evaluation;
  // With many stacks the criterion column gives way, so each stack's column keeps its name on one line.
  const [criterionWidth, weightWidth] = candidates.length > 4 ? [0.2, 0.08] : [0.28, 0.12];
  const candidateWidth = (1 - criterionWidth - weightWidth) / candidates.length;
  const overridden = ratings.cells.some((row) => row.some((cell) => cell.override));
  const notes = [
    'Each cell shows the rating, then its weighted contribution; a stack’s contributions add up to its score as printed.',
    ...(overridden ? ['* The facilitator changed this rating; the reason follows below.'] : []),
    ...(facts.noVotes ? [`Weights: ${facts.basis}, not voted.`] : []),
  ];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `Each stack is rated from ${RATING_SCALE.min} (a poor fit) to ${RATING_SCALE.max} (an excellent fit) on every criterion. A rating times the criterion’s weight is its contribution; the contributions add up to the stack’s score, out of ${RATING_SCALE.max}.`,
    },
    {
      kind: 'table',
      columns: [
        { title: 'Criterion', width: criterionWidth },
        { title: 'Weight', width: weightWidth, align: 'right' },
        ...candidates.map((c) => ({ title: c.name, width: candidateWidth, align: 'right' as const })),
      ],
      rows: [
        ...criteria.map((criterion, k) => [
          criterion.name,
          facts.weights[k] ?? '',
          ...candidates.map((_, c) => {
            const cell = ratings.cells[c]?.[k];
            const mark = cell?.override ? '*' : '';
            return `${cell?.value ?? ''}${mark} → ${facts.scores.contributions[c]?.[k] ?? ''}`;
          }),
        ]),
        ['Score', facts.weightTotal, ...candidates.map((_, c) => facts.scores.totals[c] ?? '')],
      ],
      emphasis: [criteria.length],
      caption: notes.join(' '),
    },
    { kind: 'subheading', text: 'Ratings and their reasons' },
  ];
  criteria.forEach((criterion, k) => {
    // One criterion's ratings are read together, so they are never split across pages.
    blocks.push({
      kind: 'keepTogether',
      blocks: [
        {
          kind: 'bullets',
          items: candidates.map((candidate, c) => {
            const cell = ratings.cells[c]?.[k];
            if (!cell) return candidate.name;
            const head = `${criterion.name}, ${candidate.name}: ${cell.value} of ${RATING_SCALE.max}.`;
            const why = cell.override
              ? ` Changed by the facilitator from ${cell.original}: ${cell.override.note}`
              : ` ${cell.rationale}${sources.marker(cell)}`;
            return `${head}${why}`;
          }),
        },
      ],
    });
  });
  const profiled = result.profile.ratingChanges.length > 0;
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text: `${ratingsSourceSentence(sources)}${profiled ? ' Where the project profile moved a rating, the reason given is the profile’s.' : ''}`,
  });
  return { id: 'comparison', title: 'Side-by-side comparison', blocks };
}

/**
 * Criterion by criterion, how many points of the score the first compared stack (the leader)
 * gains over the second, as the summary's reasons print them.
 */
export function advantageChart(result: WorkshopResult, facts: VerdictFacts): DivergingChart | null {
  const pair = result.evaluation.recommendation.compared;
  if (!pair || facts.advantages.length === 0) return null;
  const name = (c: number) => result.model.candidates[c]?.name ?? '';
  const rows = result.model.criteria.map((criterion, k) => {
    const units = facts.advantages[k] ?? 0;
    return {
      label: criterion.name,
      value: units / 100,
      text: units > 0 ? `+${unitsText(units, 2)}` : units < 0 ? `−${unitsText(-units, 2)}` : '0.00',
    };
  });
  const largest = Math.max(0.01, ...rows.map((r) => Math.abs(r.value)));
  return {
    kind: 'divergingChart',
    title: facts.leader
      ? `Where ${name(pair.first)}’s lead over ${name(pair.second)} comes from`
      : `${name(pair.first)} against ${name(pair.second)}, criterion by criterion`,
    left: name(pair.second),
    right: name(pair.first),
    rows,
    max: Math.ceil(largest * 10) / 10,
    unit: 'points of the score',
  };
}

export function chartsSection(result: WorkshopResult, facts: VerdictFacts): Section {
  const series = result.model.candidates.map((c) => c.name);
  const { contributions, totals } = result.evaluation;
  const blocks: Block[] = [
    {
      kind: 'barChart',
      title: 'Score out of 5',
      series,
      groups: [{ label: 'Score', values: totals, labels: facts.scores.totals }],
      max: RATING_SCALE.max,
      digits: 2,
      unit: 'weighted score',
    },
  ];
  const chart = advantageChart(result, facts);
  if (chart) {
    blocks.push(chart, {
      kind: 'paragraph',
      tone: 'muted',
      text: `A bar to the right is a criterion on which ${chart.right} gains points of the score over ${chart.left}; to the left, one on which ${chart.left} gains. ${chartSum(facts, chart)}`,
    });
  }
  // With more than two stacks the diverging chart compares only the first two; this shows them all.
  if (series.length > 2) {
    const most = Math.max(0.01, ...contributions.flat());
    blocks.push({
      kind: 'barChart',
      title: 'Weighted contribution of each criterion',
      series,
      groups: result.model.criteria.map((c, k) => ({
        label: c.name,
        values: contributions.map((row) => row[k] ?? 0),
        labels: facts.scores.contributions.map((row) => row[k] ?? ''),
      })),
      max: Math.ceil(most * 10) / 10,
      digits: 2,
      unit: 'points of the score',
    });
  }
  return { id: 'charts', title: 'Charts', blocks };
}

/** What the bars add up to, said against the lead as printed (the difference of the printed scores). */
function chartSum(facts: VerdictFacts, chart: DivergingChart): string {
  const sum = facts.advantages.reduce((total, units) => total + units, 0);
  const lead = facts.lead ? /^\d+\.\d\d/.exec(facts.lead)?.[0] : undefined;
  if (sum === 0) return 'Together they cancel out: the two are level.';
  if (!facts.leader || sum < 0)
    return `Together they come to ${unitsText(Math.abs(sum), 2)} points, close enough to count as a tie.`;
  const total = unitsText(sum, 2);
  if (total === lead) return `Together the bars make ${chart.right}’s lead of ${total} points.`;
  return lead
    ? `Together the bars come to ${total} points; the lead of ${lead} points is the difference of the scores as printed, each rounded on its own.`
    : `Together the bars come to ${total} points.`;
}
