/**
 * From a saved session to what the recommendation report says, page by page: pure data, no
 * drawing. The PDF renderer lays it out; the app and the command line build it the same way, so
 * they print the same report. Every figure comes from `evaluateWorkshop`, formatted here once.
 */
import {
  CONFIDENCE_RULE,
  CONSISTENCY_LIMIT,
  PROJECT_QUESTIONS,
  RANDOM_INDEX,
  RATING_SCALE,
  SOURCE_LABEL,
} from '../decision';
import type { ProjectAnswers } from '../decision';
import type { Logo, BrandFields } from '../brands/schema';
import type { Session } from '../sessions/schema';
import {
  anonymityOf,
  anonymitySentence,
  anonymousBallotLabel,
  evaluateWorkshop,
  isVoter,
  METHOD_LABELS,
  namesHidden,
  roundLevels,
} from '../workshop';
import type { Method, WorkshopResult, WorkshopState } from '../workshop';
import { formatPercent, formatScore, weightPercents } from '../format/figures';
import { fileNamePart } from '../util/text';
import { own } from '../util/records';
import type { Block, Section } from './blocks';
import { summarySection } from './summary';
import { verdictFacts } from './verdict';
import type { VerdictFacts } from './verdict';

export type ReportBrand = BrandFields & {
  logo: Logo | null;
  /** The client's logo, printed on the cover beside the consultancy's (a brand profile's second logo). */
  clientLogo?: Logo | null;
};

/** What this copy of the report is: set at export, printed on the cover and in the metadata. */
export type ReportIssue = {
  status: 'draft' | 'final';
  /** 1 for the session's first export, then one more for each export after it. */
  version: number;
  /** A stable document reference, e.g. "HVC-NORTHWIND-2026-03-v3". */
  reference: string;
};

export type ReportInput = {
  session: Session;
  state: WorkshopState;
  brand: ReportBrand;
  /** ISO date-time the report is made; the only thing that differs between two exports. */
  generatedAt: string;
  appVersion: string;
  /** Left out (command line, older snapshots): a first draft. */
  issue?: ReportIssue;
};

export type ReportModel = {
  meta: {
    title: string;
    subject: string;
    author: string;
    keywords: string;
    createdAt: string;
    /** BCP 47, set as the PDF's document language. */
    language: string;
    /** "Stackwise 0.1.0": the metadata's creator tool, never the body. */
    creator: string;
  };
  brand: ReportBrand;
  cover: {
    kicker: string;
    title: string;
    client: string;
    project: string;
    facts: Array<[string, string]>;
    headline: string;
    /** "Draft" or "Final", "Version 3", the reference and the date the report was made. */
    issue: { status: string; version: string; reference: string; date: string };
  };
  /** Running header on every page after the cover. */
  header: { left: string; right: string };
  sections: Section[];
  fileName: string;
};

/** The scripts the embedded font prints; anything else shows as a visible box. */
export const COVERED_SCRIPTS = 'Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic';
export const REPLACEMENT_CHARACTER = '□';

const AGGREGATION_TEXT = {
  mean: 'the mean of the voters’ normalised weights',
  median: 'the median of the voters’ normalised weights, renormalised to add up to 100%',
  geometric: 'the geometric mean of the voters’ weights (for pairwise input, of their judgments)',
} as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A single weight as the report prints it, percent with one decimal (parts of a whole use `weightPercents`). */
export const formatWeight = (fraction: number) => formatPercent(fraction);
/** A weighted score or contribution (0-5) as the report prints it. */
export { formatScore };

/** "2026-03-12" -> "12 March 2026", the same on every machine. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return `${day ?? ''} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

export function buildReport(input: ReportInput): ReportModel {
  const { session, state, brand } = input;
  const result = evaluateWorkshop(state, session.participants);
  const names = nameResolver(session, state);
  const facts = verdictFacts(result, names);

  return {
    meta: {
      title: `Technology recommendation: ${session.projectName}`,
      subject: `${session.clientName}: ${facts.headline}`,
      author: `${session.facilitator}, ${brand.companyName}`,
      keywords: ['technology selection', ...result.model.candidates.map((c) => c.name)].join(', '),
      createdAt: input.generatedAt,
      language: 'en-GB',
      creator: `Stackwise ${input.appVersion}`,
    },
    brand,
    cover: {
      kicker: 'Technology recommendation',
      title: session.projectName,
      client: session.clientName,
      project: session.projectName,
      facts: [
        ['Prepared for', session.clientName],
        ['Workshop', formatDate(session.workshopDate)],
        ['Facilitator', session.facilitator],
        ['Prepared by', brand.companyName],
      ],
      headline: facts.headline,
      issue: issueLines(input),
    },
    header: { left: brand.companyName, right: `${session.clientName} · ${session.projectName}` },
    sections: [
      summarySection(result, facts),
      contextSection(session, state, result, names),
      weightsSection(state, result, names, facts),
      comparisonSection(result, facts),
      chartsSection(result, facts),
      sensitivitySection(result, facts),
      notesSection(state),
      methodSection(input, result, names, facts),
    ],
    fileName: reportFileName(session, input.generatedAt),
  };
}

/** The cover's status, version, reference and date; a report made without an issue is a first draft. */
function issueLines(input: ReportInput): ReportModel['cover']['issue'] {
  const issue = input.issue ?? { status: 'draft', version: 1, reference: defaultReference(input) };
  return {
    status: issue.status === 'final' ? 'Final' : 'Draft',
    version: `Version ${issue.version}`,
    reference: issue.reference,
    date: formatDate(input.generatedAt),
  };
}

/** "NORTHWIND-LOGISTICS-2026-03-12-v1": the client and workshop date, readable on any system. */
export function defaultReference(input: Pick<ReportInput, 'session'>, version = 1): string {
  const client = fileNamePart(input.session.clientName)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24)
    .toUpperCase();
  return `${client || 'CLIENT'}-${input.session.workshopDate.slice(0, 10)}-v${version}`;
}

/** "Northwind Logistics - Customer portal rebuild - 2026-03-12.pdf", safe on every file system. */
export function reportFileName(session: Session, generatedAt: string): string {
  // No control or direction characters: "…\u202Efdp.exe" must not be offered as "…exe.pdf".
  return `${fileNamePart(session.clientName)} - ${fileNamePart(session.projectName)} - ${generatedAt.slice(0, 10)}.pdf`;
}

type Names = {
  /**
   * A participant as the report may name them: "Participant N" when names are hidden; a ballot
   * stored without a name is "Anonymous ballot N", whatever the level.
   */
  of: (id: string) => string;
  anonymous: boolean;
};

/** Participants as a document may name them; the decision record names them the same way. */
export function nameResolver(session: Session, state: WorkshopState): Names {
  const hidden = namesHidden(state);
  return {
    anonymous: hidden,
    of: (id) => {
      const ballot = anonymousBallotLabel(state, id);
      if (ballot !== null) return ballot;
      const index = session.participants.findIndex((p) => p.id === id);
      if (hidden) return `Participant ${index + 1}`;
      return session.participants[index]?.name ?? 'Former participant';
    },
  };
}

function contextSection(
  session: Session,
  state: WorkshopState,
  result: WorkshopResult,
  names: Names,
): Section {
  const answers = state.answers as ProjectAnswers;
  const people = session.participants.map((p) => {
    const role = isVoter(state, p.id) ? 'voter' : 'observer';
    return `${names.of(p.id)} (${role})`;
  });
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        ['Client', session.clientName],
        ['Project', session.projectName],
        ['Workshop date', formatDate(session.workshopDate)],
        ['Facilitator', session.facilitator],
        ['Participants', people.length > 0 ? people.join(', ') : 'None recorded'],
      ],
    },
  ];
  if (names.anonymous) {
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: `This report names participants by number only. ${anonymitySentence(anonymityOf(state))}`,
    });
  }
  if (session.description) blocks.push(...paragraphs(session.description));
  blocks.push({ kind: 'subheading', text: 'Project profile' });
  blocks.push({
    kind: 'table',
    columns: [
      { title: 'Question', width: 0.45 },
      { title: 'Answer', width: 0.55 },
    ],
    rows: PROJECT_QUESTIONS.map((q) => {
      const value = answers[q.id];
      return [q.text, q.options.find((o) => o.value === value)?.label ?? 'Not answered'];
    }),
  });
  const { applied, ratingChanges } = result.profile;
  blocks.push({ kind: 'subheading', text: 'What the answers changed' });
  if (applied.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No profile rule applied; the built-in ratings stand as they are.',
    });
  } else {
    blocks.push({ kind: 'bullets', items: applied.map((rule) => `${rule.when}: ${rule.reason}`) });
    const criterion = (id: string) => result.model.criteria.find((c) => c.id === id)?.name ?? id;
    const candidate = (id: string) => result.model.candidates.find((c) => c.id === id)?.name ?? id;
    if (ratingChanges.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: `Ratings adjusted: ${ratingChanges
          .map((c) => `${candidate(c.candidate)} on ${criterion(c.criterion)} from ${c.from} to ${c.to}`)
          .join('; ')}.`,
      });
    }
  }
  return { id: 'context', title: 'Project context', blocks };
}

function weightsSection(
  state: WorkshopState,
  result: WorkshopResult,
  names: Names,
  facts: VerdictFacts,
): Section {
  const { spread, participantWeights } = result.evaluation;
  const methods = countMethods(state, result);
  const whoAt = (k: number, pick: 'min' | 'max') => {
    const column = participantWeights.map((row) => row[k] ?? 0);
    if (column.length < 2) return '';
    const value = pick === 'min' ? Math.min(...column) : Math.max(...column);
    const who = result.counted[column.indexOf(value)];
    return `${formatWeight(value)}${who ? `  ${names.of(who.id)}` : ''}`;
  };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: facts.noVotes
        ? `No voter’s weights count yet, so the weights below are ${facts.basis}, not the room’s.`
        : `${result.counted.length} ${result.counted.length === 1 ? 'voter' : 'voters'} weighed the criteria (${methods}). The room’s weight for each criterion is ${AGGREGATION_TEXT[state.aggregation]}.`,
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
    {
      kind: 'subheading',
      text: facts.noVotes ? `Weights: ${facts.basis}` : 'Final weights and how far apart the room was',
    },
    {
      kind: 'table',
      columns: [
        { title: 'Criterion', width: 0.19 },
        { title: 'Weight', width: 0.1, align: 'right' },
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
          whoAt(k, 'min') || '—',
          whoAt(k, 'max') || '—',
          d && result.counted.length > 1 ? `±${(d.stdDev * 100).toFixed(1)}` : '—',
          facts.noVotes || result.counted.length < 2 ? '—' : d?.flagged ? 'Disagreed' : 'Agreed',
        ];
      }),
      emphasis: spread.flatMap((d, k) => (d.flagged ? [k] : [])),
      caption: `Spread is the standard deviation of the voters’ weights in percentage points; above ±${(state.disagreementThreshold * 100).toFixed(1)} the room is marked as disagreeing.`,
    },
  ];
  if (facts.leftOut.length > 0) blocks.push({ kind: 'bullets', items: facts.leftOut });
  return { id: 'weights', title: 'Criteria and weights', blocks };
}

function countMethods(state: WorkshopState, result: WorkshopResult): string {
  const counts = new Map<Method, number>();
  const round = state.rounds[state.rounds.length - 1];
  for (const p of result.counted) {
    const method = (own(round?.inputs, p.id) ?? own(round?.anonymousBallots, p.id))?.method ?? 'direct';
    counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  return [...counts].map(([method, n]) => `${METHOD_LABELS[method].toLowerCase()}: ${n}`).join(', ');
}

function comparisonSection(result: WorkshopResult, facts: VerdictFacts): Section {
  const { candidates, criteria } = result.model;
  const { ratings } = result.evaluation;
  // With many stacks the criterion column gives way, so each stack's column keeps its name on one line.
  const [criterionWidth, weightWidth] = candidates.length > 4 ? [0.2, 0.08] : [0.28, 0.12];
  const candidateWidth = (1 - criterionWidth - weightWidth) / candidates.length;
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
      caption: `Each cell shows the rating, then its weighted contribution; a stack’s contributions add up to its score as printed. * The facilitator changed this rating; see below.${facts.noVotes ? ` Weights: ${facts.basis}, not voted.` : ''}`,
    },
    { kind: 'subheading', text: 'Ratings and their reasons' },
  ];
  criteria.forEach((criterion, k) => {
    blocks.push({
      kind: 'bullets',
      items: candidates.map((candidate, c) => {
        const cell = ratings.cells[c]?.[k];
        if (!cell) return candidate.name;
        const head = `${criterion.name}, ${candidate.name}: ${cell.value} of ${RATING_SCALE.max}.`;
        const override = cell.override
          ? ` Changed by the facilitator from ${cell.original}: ${cell.override.note}`
          : ` ${cell.rationale}`;
        return `${head}${override}`;
      }),
    });
  });
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text: `Built-in ratings and reasons come from ${SOURCE_LABEL}, adjusted by the project profile where noted.`,
  });
  return { id: 'comparison', title: 'Side-by-side comparison', blocks };
}

function chartsSection(result: WorkshopResult, facts: VerdictFacts): Section {
  const series = result.model.candidates.map((c) => c.name);
  const { contributions, ratings, totals } = result.evaluation;
  const most = Math.max(0.01, ...contributions.flat());
  return {
    id: 'charts',
    title: 'Charts',
    blocks: [
      {
        kind: 'barChart',
        title: 'Score out of 5',
        series,
        groups: [{ label: 'Score', values: totals, labels: facts.scores.totals }],
        max: RATING_SCALE.max,
        digits: 2,
        unit: 'weighted score',
      },
      {
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
      },
      {
        kind: 'barChart',
        title: 'Ratings',
        series,
        groups: result.model.criteria.map((c, k) => ({
          label: c.name,
          values: ratings.matrix.map((row) => row[k] ?? 0),
        })),
        max: RATING_SCALE.max,
        digits: 0,
        unit: `rating, ${RATING_SCALE.min} to ${RATING_SCALE.max}`,
      },
    ],
  };
}

function sensitivitySection(result: WorkshopResult, facts: VerdictFacts): Section {
  const flips = result.evaluation.flips.filter((f) => f.weight !== null);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `How much would the weights have to change to change the answer? Each line moves one criterion’s weight, sharing the difference among the others in proportion, and says where another stack would take the lead. Each threshold is rounded toward the side where its sentence stays true.${facts.noVotes ? ` No one has voted, so these start from ${facts.basis}.` : ''}`,
    },
  ];
  if (facts.closestFlip)
    blocks.push({ kind: 'callout', title: 'Most sensitive point', text: facts.closestFlip });
  blocks.push(
    flips.length > 0
      ? { kind: 'bullets', items: flips.map((f) => f.sentence) }
      : {
          kind: 'paragraph',
          text: 'No change to a single criterion’s weight, however large, would change the leader.',
        },
  );
  if (facts.ratingFlip) {
    blocks.push({ kind: 'subheading', text: 'Beyond the weights: the ratings' });
    blocks.push({
      kind: 'paragraph',
      text: `The smallest change of ratings, in whole points on the 1 to 5 scale with the weights as they are, that puts another stack ahead: ${facts.ratingFlip}`,
    });
  }
  blocks.push({ kind: 'paragraph', tone: 'muted', text: `How confidence is decided. ${CONFIDENCE_RULE}` });
  return { id: 'sensitivity', title: 'Sensitivity', blocks };
}

function notesSection(state: WorkshopState): Section {
  const parts: Array<[string, string]> = [
    ['Notes from the discussion', state.notes.notes],
    ['Risks', state.notes.risks],
    ['Next steps', state.notes.nextSteps],
  ];
  return {
    id: 'notes',
    title: 'Notes, risks and next steps',
    blocks: parts.flatMap(([title, text]): Block[] => [
      { kind: 'subheading', text: title },
      ...(text.trim()
        ? paragraphs(text)
        : [{ kind: 'paragraph' as const, tone: 'muted' as const, text: 'None recorded.' }]),
    ]),
  };
}

function methodSection(
  input: ReportInput,
  result: WorkshopResult,
  names: Names,
  facts: VerdictFacts,
): Section {
  const { state } = input;
  const rounds = state.rounds.length;
  const blocks: Block[] = [
    {
      kind: 'facts',
      rows: [
        ['Weighting', facts.noVotes ? `no votes yet: ${facts.basis}` : countMethods(state, result)],
        ['Aggregation', AGGREGATION_TEXT[state.aggregation]],
        [
          'Disagreement',
          `marked above a spread of ±${(state.disagreementThreshold * 100).toFixed(1)} points`,
        ],
        [
          'Rounds',
          rounds === 1
            ? 'one round'
            : `${rounds} rounds; this report uses round ${rounds}, earlier rounds are kept below`,
        ],
        [
          'Anonymity',
          rounds === 1 ? anonymitySentence(anonymityOf(state)) : `${roundLevels(state).join('; ')}.`,
        ],
        ['Ratings', `${RATING_SCALE.min} to ${RATING_SCALE.max}, from ${SOURCE_LABEL} unless noted`],
        ['Workshop date', formatDate(input.session.workshopDate)],
        ['Report made', `${formatDate(input.generatedAt)} with Stackwise ${input.appVersion}`],
      ],
    },
  ];
  if (rounds > 1) {
    // What each level used meant, once each, in the order the rounds used them.
    const levels = [...new Set(state.rounds.map((round) => round.anonymity))];
    blocks.push({ kind: 'bullets', items: levels.map(anonymitySentence) });
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
  blocks.push({ kind: 'subheading', text: 'Consistency of pairwise comparisons' });
  const checks = result.evaluation.pairwise;
  if (checks.length === 0 || result.usingSuggestedWeights) {
    blocks.push({ kind: 'paragraph', text: 'No voter used pairwise comparison.' });
  } else {
    blocks.push({
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
    });
  }
  blocks.push({
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
  });
  blocks.push({
    kind: 'paragraph',
    tone: 'muted',
    text: `This report prints ${COVERED_SCRIPTS} text. Characters outside these scripts, such as emoji, appear as ${REPLACEMENT_CHARACTER}.`,
  });
  if (input.brand.disclaimer) {
    blocks.push({ kind: 'subheading', text: 'Disclaimer' });
    blocks.push(...paragraphs(input.brand.disclaimer, 'muted'));
  }
  return { id: 'method', title: 'Appendix: method', blocks };
}

/** Free text as paragraphs: blank lines separate them, single line breaks stay. */
function paragraphs(text: string, tone: 'normal' | 'muted' = 'normal'): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => ({ kind: 'paragraph', text: part, tone }));
}

/** The recommendation in one line, as the report's cover prints it. */
export function reportHeadline(result: WorkshopResult): string {
  return verdictFacts(result, { of: () => '', anonymous: true }).headline;
}
