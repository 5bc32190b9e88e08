/**
 * The report's executive summary: the verdict with its figures, who voted, the reasons that argue,
 * each voter's own answer and what would change it; or, with no votes, that no one has weighed in
 * and what the starting figures rest on, with no confidence claimed.
 */
import type { WorkshopResult } from '../workshop';
import type { Block, Section } from './blocks';
import { scoresLine } from './verdict';
import type { ReasonFacts, VerdictFacts } from './verdict';

const CONFIDENCE_WORDS = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'None claimed: no votes yet',
} as const;

export function summarySection(result: WorkshopResult, facts: VerdictFacts): Section {
  const rec = result.evaluation.recommendation;
  const { leader, runnerUp } = facts;
  if (facts.noVotes) {
    // Nothing here may read as the room's view: the figures are the starting point, labelled so.
    return {
      id: 'summary',
      title: 'Executive summary',
      blocks: [
        {
          kind: 'callout',
          title: result.ballots.voted === 0 ? 'No one has weighed in yet' : 'No vote counts yet',
          text: `${result.ballots.voted === 0 ? 'No voter has given weights yet' : 'No vote counts yet'}, so this report recommends nothing and claims no confidence. The figures below are the built-in ratings on ${facts.basis}, a starting point for the workshop.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Votes', facts.votes],
            ['Weights', `${facts.basis}, not voted`],
            ['Scores, out of 5', scoresLine(result, facts)],
            ...(facts.lead ? [['Lead', facts.lead] as [string, string]] : []),
          ],
        },
        ...(facts.leftOut.length > 0 ? [{ kind: 'bullets' as const, items: facts.leftOut }] : []),
      ],
    };
  }
  const blocks: Block[] = [
    {
      kind: 'callout',
      title: 'Recommendation',
      text: leader
        ? `${leader} scores highest for this project on these criteria and the ${result.counted.length === 1 ? 'weights of the one voter counted' : 'room’s combined weights'}.`
        : facts.headline,
    },
    {
      kind: 'facts',
      rows: [
        ['Recommended', leader ?? 'None: first place is tied'],
        ['Confidence', CONFIDENCE_WORDS[rec.confidence]],
        ['Scores, out of 5', scoresLine(result, facts)],
        ['Lead', facts.lead ?? 'None'],
        ['Votes', facts.votes],
      ],
    },
  ];
  if (facts.leftOut.length > 0) blocks.push({ kind: 'bullets', items: facts.leftOut });
  blocks.push(
    { kind: 'subheading', text: 'Why this confidence' },
    { kind: 'bullets', items: rec.confidenceReasons },
  );
  const [first, second] = rec.compared
    ? [result.model.candidates[rec.compared.first]?.name, result.model.candidates[rec.compared.second]?.name]
    : [undefined, undefined];
  if (facts.reasons.length > 0 && first) {
    blocks.push({ kind: 'subheading', text: leader ? `Why ${first}` : `Where ${first} is stronger` });
    blocks.push({ kind: 'bullets', ordered: true, items: facts.reasons.map(reasonItem) });
  }
  if (facts.againstReasons.length > 0 && second) {
    blocks.push({ kind: 'subheading', text: `Where ${second} is stronger` });
    blocks.push({ kind: 'bullets', ordered: true, items: facts.againstReasons.map(reasonItem) });
  }
  if (facts.ownAnswers) {
    blocks.push({ kind: 'subheading', text: 'Each voter’s own answer' });
    blocks.push({ kind: 'paragraph', text: facts.ownAnswers });
  }
  if (leader && runnerUp) {
    blocks.push({ kind: 'subheading', text: 'What would change it' });
    blocks.push({
      kind: 'bullets',
      items: [
        ...(facts.closestFlip ? [`Weights: ${facts.closestFlip}`] : []),
        ...(facts.ratingFlip ? [`Ratings: ${facts.ratingFlip}`] : []),
      ],
    });
  }
  return { id: 'summary', title: 'Executive summary', blocks };
}

/** "Learning curve: 0.40 points more for Django than for Node.js." */
const reasonItem = (r: ReasonFacts) =>
  `${r.criterion}: ${r.points} points more for ${r.favoured} than for ${r.other}.`;
