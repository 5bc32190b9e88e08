/**
 * The executive summary, one page that argues: what to do (an action headline naming the project),
 * the two or three criteria that carry the decision (largest advantage first), what choosing the
 * leader gives up, when the answer would change, how the room voted (each voter's own result) and
 * the decision asked of the reader. With no votes it says so and recommends nothing; with a tie it
 * says there is no single answer. The detail lives in the sections after it.
 */
import { countWord, describeOwnAnswers, joinAnd, ownAnswers } from '../decision';
import type { Session } from '../sessions/schema';
import type { WorkshopResult, WorkshopState } from '../workshop';
import type { Block, Section } from './blocks';
import { answerConditions } from './conditions';
import type { OwnerNames } from './owners';
import { firstStep } from './register';
import { scoresLine } from './verdict';
import { SUMMARY_NAMES_MAX } from './weights';
import type { ReasonFacts, VerdictFacts } from './verdict';

/** Reasons for, and strengths of the runner-up, that page one names (the comparison has them all). */
const REASONS_NAMED = 3;
const STRENGTHS_NAMED = 2;
const LEFT_OUT_NAMED = 1;

export function summarySection(
  session: Session,
  state: WorkshopState,
  result: WorkshopResult,
  facts: VerdictFacts,
  anonymous: boolean,
  owners: OwnerNames,
): Section {
  const section = (blocks: Block[]): Section => ({ id: 'summary', title: 'Executive summary', blocks });
  const project = session.projectName;
  if (facts.noVotes) return section(noVotesBlocks(project, result, facts));

  const rec = result.evaluation.recommendation;
  const { leader, runnerUp } = facts;
  const blocks: Block[] = [
    {
      kind: 'callout',
      title: 'Recommendation',
      text: leader ? `${project}: build it on ${leader}` : `${project}: ${joinAnd(facts.tied)} are tied`,
    },
    {
      kind: 'facts',
      rows: [
        ['Confidence', `${CONFIDENCE_WORDS[rec.confidence]}. ${rec.confidenceReasons.join(' ')}`],
        ['Scores, out of 5', scoresLine(result, facts)],
        ['Lead', facts.lead ?? 'None: first place is tied'],
      ],
    },
  ];
  const [first, second] = rec.compared
    ? [result.model.candidates[rec.compared.first]?.name, result.model.candidates[rec.compared.second]?.name]
    : [undefined, undefined];
  const rating = ratingPair(result, rec.compared);
  if (first && facts.reasons.length > 0) {
    blocks.push({ kind: 'subheading', text: leader ? `Why ${first}` : `Where ${first} is stronger` });
    blocks.push({
      kind: 'bullets',
      ordered: true,
      items: facts.reasons.slice(0, REASONS_NAMED).map((r) => reasonItem(r, rating(r, true))),
    });
  }
  if (leader && runnerUp) {
    blocks.push({ kind: 'subheading', text: `What choosing ${leader} gives up` });
    blocks.push(
      facts.againstReasons.length > 0
        ? {
            kind: 'bullets',
            items: facts.againstReasons
              .slice(0, STRENGTHS_NAMED)
              .map((r) => strengthItem(r, rating(r, false))),
          }
        : {
            kind: 'paragraph',
            text: `Nothing on these criteria: ${runnerUp} scores higher on none of them.`,
          },
    );
  } else if (second && facts.againstReasons.length > 0) {
    blocks.push({ kind: 'subheading', text: `Where ${second} is stronger` });
    blocks.push({
      kind: 'bullets',
      ordered: true,
      items: facts.againstReasons.slice(0, REASONS_NAMED).map((r) => reasonItem(r, rating(r, false))),
    });
  }
  const conditions = answerConditions(result, facts);
  if (conditions.length > 0) {
    blocks.push({ kind: 'subheading', text: 'What would change the answer' });
    blocks.push({ kind: 'bullets', items: conditions });
  }
  blocks.push({ kind: 'subheading', text: 'How the room voted' });
  blocks.push({
    kind: 'paragraph',
    text: [facts.votes, ownAnswersText(result, facts, anonymous)].filter(Boolean).join(' '),
  });
  blocks.push(...leftOutBlocks(facts));
  blocks.push(
    { kind: 'subheading', text: 'The decision asked of you' },
    { kind: 'paragraph', text: decisionAsked(project, firstStep(state, owners), facts, rec.confidence) },
  );
  return section(blocks);
}

const CONFIDENCE_WORDS = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'None claimed',
} as const;

/** Nothing here may read as the room's view: the figures are the starting point, labelled so. */
function noVotesBlocks(project: string, result: WorkshopResult, facts: VerdictFacts): Block[] {
  const nobody = result.ballots.voted === 0;
  return [
    {
      kind: 'callout',
      title: nobody ? 'No one has weighed in yet' : 'No vote counts yet',
      text: `${project}: no recommendation yet`,
    },
    {
      kind: 'paragraph',
      text: `${nobody ? 'No voter has given weights yet' : 'No vote counts yet'}, so this report recommends nothing and claims no confidence. The figures below are the built-in ratings on ${facts.basis}, a starting point for the workshop, not the room’s view.`,
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
    ...leftOutBlocks(facts),
    { kind: 'subheading', text: 'The decision asked of you' },
    {
      kind: 'paragraph',
      text: 'None yet. Once the room has weighed the criteria, a new copy of this report will recommend a stack and ask for a decision.',
    },
  ];
}

/** Each voter's own answer, named while the names fit on the page (the weights section names more). */
function ownAnswersText(result: WorkshopResult, facts: VerdictFacts, anonymous: boolean): string {
  if (anonymous || result.counted.length <= SUMMARY_NAMES_MAX) return facts.ownAnswers ?? '';
  const { participantWeights, ratings } = result.evaluation;
  const counts = describeOwnAnswers(ownAnswers(participantWeights, ratings.matrix), {
    candidates: result.model.candidates.map((c) => c.name),
    voters: null,
  });
  return `${counts} “Criteria and weights” names each voter’s own result.`;
}

/** Votes left out, named on page one when there are few; otherwise counted, with the detail later. */
function leftOutBlocks(facts: VerdictFacts): Block[] {
  if (facts.leftOut.length === 0) return [];
  if (facts.leftOut.length <= LEFT_OUT_NAMED) return [{ kind: 'bullets', items: facts.leftOut }];
  return [
    {
      kind: 'paragraph',
      text: `${facts.leftOut.length} voters’ input did not count as given; “Criteria and weights” says why for each.`,
    },
  ];
}

function decisionAsked(
  project: string,
  /** The first next step as `firstStep` names it, or null. */
  step: string | null,
  facts: VerdictFacts,
  confidence: WorkshopResult['evaluation']['recommendation']['confidence'],
): string {
  if (!facts.leader) {
    const [first, second] = facts.tied;
    const strengths = facts.reasons.length > 0 || facts.againstReasons.length > 0;
    const again = 'or ask the room for another round of weighting to break the tie.';
    // The strengths above compare the first two tied stacks; with more, the comparison has them all.
    const choice =
      facts.tied.length === 2
        ? `Choose between ${joinAnd(facts.tied)}${strengths ? ' on the strengths above' : ''}, ${again}`
        : [
            `Choose among ${joinAnd(facts.tied)}, ${again}`,
            ...(strengths ? [`The strengths above compare ${first ?? ''} with ${second ?? ''} only;`] : []),
            `“Side-by-side comparison” rates all ${countWord(facts.tied.length)} on every criterion.`,
          ].join(' ');
    return `${choice}${step ? ` The first next step is ${step}.` : ''}`;
  }
  const parts = [`Approve ${facts.leader} as the stack for ${project}.`];
  if (confidence === 'low') {
    parts.push(
      'The lead is narrow, so check the conditions above early, before work that is costly to undo.',
    );
  }
  if (step) parts.push(`The first next step is ${step}.`);
  parts.push('To accept, sign the sign-off at the end of this report.');
  return parts.join(' ');
}

/** A reason's two ratings, the favoured stack's first: "rated 5 against 2". */
function ratingPair(result: WorkshopResult, pair: { first: number; second: number } | null) {
  const matrix = result.evaluation.ratings.matrix;
  return (reason: ReasonFacts, forFirst: boolean): string => {
    if (!pair) return '';
    const [a, b] = forFirst ? [pair.first, pair.second] : [pair.second, pair.first];
    return `rated ${matrix[a]?.[reason.index] ?? ''} against ${matrix[b]?.[reason.index] ?? ''}`;
  };
}

/** "Learning curve: 0.39 points more for Django than for Node.js, rated 5 against 2." */
const reasonItem = (r: ReasonFacts, rated: string) =>
  `${r.criterion}: ${r.points} points more for ${r.favoured} than for ${r.other}${rated ? `, ${rated}` : ''}.`;

/** "Performance: Node.js scores 0.53 points more, rated 5 against 2." */
const strengthItem = (r: ReasonFacts, rated: string) =>
  `${r.criterion}: ${r.favoured} scores ${r.points} points more${rated ? `, ${rated}` : ''}.`;
