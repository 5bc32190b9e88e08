/**
 * The project profile: a short questionnaire about the client's project. Its answers adjust the
 * default ratings and suggest starting weights through explicit rules. Each rule states its
 * reason, so the room can see why Django or Node.js moved.
 */
import { SOURCE_LABEL } from './source';

export type Question = {
  id: QuestionId;
  text: string;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export const PROJECT_QUESTIONS = [
  {
    id: 'workload',
    text: 'What will the back end spend most of its time doing?',
    options: [
      {
        value: 'io-realtime',
        label: 'Juggling many connections: real-time updates, chat, streaming, calls to other APIs',
      },
      { value: 'cpu-data', label: 'Crunching data: heavy queries, reports, calculations, data processing' },
      { value: 'mixed', label: 'A mix of both, or ordinary web requests' },
    ],
  },
  {
    id: 'traffic',
    text: 'What will traffic look like?',
    options: [
      { value: 'spiky', label: 'Unpredictable, with sudden peaks' },
      { value: 'steady', label: 'Steady and predictable' },
      { value: 'unknown', label: 'We do not know yet' },
    ],
  },
  {
    id: 'product',
    text: 'Which description fits the product best?',
    options: [
      {
        value: 'data-platform',
        label: 'Data-heavy platform: CMS, CRM, e-commerce, marketplace, internal tools',
      },
      {
        value: 'realtime',
        label: 'Real-time product: chat, collaboration, streaming, multiplayer, live dashboards',
      },
      { value: 'api', label: 'Lightweight APIs or microservices' },
      { value: 'other', label: 'Something else' },
    ],
  },
  {
    id: 'team',
    text: 'Which language does the team already know best?',
    options: [
      { value: 'python', label: 'Python' },
      { value: 'javascript', label: 'JavaScript or TypeScript' },
      { value: 'both', label: 'Both equally' },
      { value: 'neither', label: 'Neither, or the team is not hired yet' },
    ],
  },
  {
    id: 'compliance',
    text: 'Does the product handle sensitive data under strict rules (health, finance, personal data)?',
    options: [
      { value: 'strict', label: 'Yes, strict compliance applies' },
      { value: 'standard', label: 'No, ordinary care is enough' },
    ],
  },
  {
    id: 'timeline',
    text: 'How tight is the timeline to a first release?',
    options: [
      { value: 'tight', label: 'Tight: we need something in users’ hands soon' },
      { value: 'normal', label: 'Normal' },
    ],
  },
] as const satisfies ReadonlyArray<{
  id: string;
  text: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}>;

export type QuestionId = (typeof PROJECT_QUESTIONS)[number]['id'];
type OptionOf<Q extends QuestionId> = Extract<
  (typeof PROJECT_QUESTIONS)[number],
  { id: Q }
>['options'][number]['value'];
export type ProjectAnswers = { [Q in QuestionId]?: OptionOf<Q> };

export type RuleEffect =
  | { kind: 'rating'; candidate: string; criterion: string; value: number }
  | { kind: 'weight'; criterion: string; value: number };

export type ProfileRule = {
  id: string;
  /** The answers that trigger the rule, as the user sees them. */
  when: string;
  applies: (answers: ProjectAnswers) => boolean;
  effects: readonly RuleEffect[];
  reason: string;
  source: string;
};

const rating = (candidate: 'django' | 'nodejs', criterion: string, value: number): RuleEffect => ({
  kind: 'rating',
  candidate,
  criterion,
  value,
});
const weight = (criterion: string, value: number): RuleEffect => ({ kind: 'weight', criterion, value });

/** Rules run in this order; a later rule's effect on the same rating or weight wins. */
export const PROFILE_RULES: readonly ProfileRule[] = [
  {
    id: 'io-bound-workload',
    when: 'The back end mostly juggles many connections',
    applies: (a) => a.workload === 'io-realtime',
    effects: [
      rating('nodejs', 'performance', 5),
      rating('django', 'performance', 2),
      weight('performance', 8),
    ],
    reason:
      'Non-blocking I/O lets Node.js serve many waiting connections at once; Django handles each request in turn.',
    source: SOURCE_LABEL,
  },
  {
    id: 'cpu-bound-workload',
    when: 'The back end mostly crunches data',
    applies: (a) => a.workload === 'cpu-data',
    effects: [
      rating('django', 'performance', 4),
      rating('nodejs', 'performance', 2),
      weight('performance', 7),
    ],
    reason:
      'Long computations block Node.js’s single thread, while Django runs them steadily and can use Python’s data libraries.',
    source: SOURCE_LABEL,
  },
  {
    id: 'spiky-traffic',
    when: 'Traffic is unpredictable, with peaks',
    applies: (a) => a.traffic === 'spiky',
    effects: [
      rating('nodejs', 'scalability', 5),
      rating('django', 'scalability', 2),
      weight('scalability', 8),
    ],
    reason:
      'Node.js spreads cheaply across many instances, which absorbs sudden peaks; Django scales out with more effort.',
    source: SOURCE_LABEL,
  },
  {
    id: 'steady-traffic',
    when: 'Traffic is steady and predictable',
    applies: (a) => a.traffic === 'steady',
    effects: [rating('django', 'scalability', 4)],
    reason:
      'For steady loads, Django’s scale-up tools (caching, ORM tuning, sharding) are enough and well understood.',
    source: SOURCE_LABEL,
  },
  {
    id: 'data-platform',
    when: 'The product is a data-heavy platform',
    applies: (a) => a.product === 'data-platform',
    effects: [rating('django', 'use-case-fit', 5), rating('nodejs', 'use-case-fit', 3)],
    reason:
      'CMS, CRM and e-commerce products lean on complex data relationships, where Django’s ORM and admin shine.',
    source: SOURCE_LABEL,
  },
  {
    id: 'realtime-product',
    when: 'The product is real-time',
    applies: (a) => a.product === 'realtime',
    effects: [rating('nodejs', 'use-case-fit', 5), rating('django', 'use-case-fit', 2)],
    reason:
      'Chat, streaming, games and live dashboards are the textbook case for Node.js’s event-driven model.',
    source: SOURCE_LABEL,
  },
  {
    id: 'api-product',
    when: 'The product is lightweight APIs or microservices',
    applies: (a) => a.product === 'api',
    effects: [rating('nodejs', 'use-case-fit', 4)],
    reason:
      'A light runtime suits small, independently scaled services. (For Python APIs, FastAPI is the closer rival.)',
    source: SOURCE_LABEL,
  },
  {
    id: 'python-team',
    when: 'The team knows Python best',
    applies: (a) => a.team === 'python',
    effects: [
      rating('django', 'learning-curve', 5),
      rating('nodejs', 'learning-curve', 2),
      weight('learning-curve', 7),
    ],
    reason:
      'Python developers adapt to Django quickly; asynchronous JavaScript would be a new language and a new mindset.',
    source: SOURCE_LABEL,
  },
  {
    id: 'javascript-team',
    when: 'The team knows JavaScript best',
    applies: (a) => a.team === 'javascript',
    effects: [
      rating('nodejs', 'learning-curve', 5),
      rating('django', 'learning-curve', 3),
      weight('learning-curve', 7),
    ],
    reason:
      'One language on client and server lets a JavaScript team share code and skills across the stack.',
    source: SOURCE_LABEL,
  },
  {
    id: 'strict-compliance',
    when: 'Strict compliance applies',
    applies: (a) => a.compliance === 'strict',
    effects: [weight('security', 9)],
    reason:
      'With sensitive data, safe defaults matter more: Django ships them, Node.js leaves more to each developer.',
    source: SOURCE_LABEL,
  },
  {
    id: 'tight-timeline',
    when: 'The timeline is tight',
    applies: (a) => a.timeline === 'tight',
    effects: [weight('development-speed', 8)],
    reason: 'Built-in essentials (ORM, admin, authentication) save weeks when a first release is urgent.',
    source: SOURCE_LABEL,
  },
];

/** Starting weight (direct scale, 0-10) for every criterion before any rule applies. */
export const BASE_SUGGESTED_WEIGHT = 5;
