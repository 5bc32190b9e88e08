/**
 * The project profile: a short questionnaire about the client's project. Its answers adjust the
 * default ratings and suggest starting weights through explicit rules. Each rule states its
 * reason, so the room can see why Django or Node.js moved.
 */
import { citeSources } from './source';
import type { SourceId } from './source';

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
  /** The sources as one short citation (kept for readers of `source`). */
  source: string;
  /** The sources the reason rests on, the article first; at least one. */
  sources: readonly SourceId[];
};

const rating = (candidate: 'django' | 'nodejs', criterion: string, value: number): RuleEffect => ({
  kind: 'rating',
  candidate,
  criterion,
  value,
});
const weight = (criterion: string, value: number): RuleEffect => ({ kind: 'weight', criterion, value });
/** A rule's reason with the sources it rests on. */
const because = (reason: string, sources: readonly SourceId[]) => ({
  reason,
  source: citeSources(sources),
  sources,
});
const ARTICLE = 'planeks-article';

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
    ...because(
      'Node.js is non-blocking throughout, so serving many waiting connections at once is its normal mode. Django can do the same with asynchronous views under ASGI (since 3.1), but code that is not asynchronous has to go through an adapter, so it takes more care.',
      [ARTICLE, 'node-event-loop', 'django-3-0-release', 'django-3-1-release', 'django-async'],
    ),
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
    ...because(
      'A long computation on Node.js’s main thread holds up every other request unless it is moved to worker threads. Django has Python’s data libraries at hand and, since 6.0, a Tasks framework to move heavy work out of the request (a separate worker service still runs it).',
      [ARTICLE, 'node-event-loop', 'node-worker-threads', 'django-tasks'],
    ),
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
    ...because(
      'Node.js serves many clients per instance with few threads, so added instances absorb sudden peaks cheaply. Django also scales out by adding servers, but usually needs more of them for the same peak unless its views are asynchronous.',
      [ARTICLE, 'node-event-loop', 'django-faq-scale', 'django-async'],
    ),
  },
  {
    id: 'steady-traffic',
    when: 'Traffic is steady and predictable',
    applies: (a) => a.traffic === 'steady',
    effects: [rating('django', 'scalability', 4)],
    ...because(
      'For steady loads, Django’s well-understood tools are enough: the cache framework, query tuning and read replicas through database routing.',
      [ARTICLE, 'django-faq-scale', 'django-multi-db'],
    ),
  },
  {
    id: 'data-platform',
    when: 'The product is a data-heavy platform',
    applies: (a) => a.product === 'data-platform',
    effects: [rating('django', 'use-case-fit', 5), rating('nodejs', 'use-case-fit', 3)],
    ...because(
      'CMS, CRM and e-commerce products rest on complex data relationships, where Django’s ORM, migrations and admin site do much of the work.',
      [ARTICLE],
    ),
  },
  {
    id: 'realtime-product',
    when: 'The product is real-time',
    applies: (a) => a.product === 'realtime',
    effects: [rating('nodejs', 'use-case-fit', 5), rating('django', 'use-case-fit', 2)],
    ...because(
      'Chat, streaming, games and live dashboards play to Node.js’s event-driven model; in Django the same needs asynchronous views and, for WebSockets, the separate Channels project.',
      [ARTICLE, 'node-event-loop', 'django-channels'],
    ),
  },
  {
    id: 'api-product',
    when: 'The product is lightweight APIs or microservices',
    applies: (a) => a.product === 'api',
    effects: [rating('nodejs', 'use-case-fit', 4)],
    ...because(
      'A light runtime suits small services that are scaled one by one. (For APIs in Python, FastAPI is the nearer rival.)',
      [ARTICLE],
    ),
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
    ...because(
      'Python developers pick up Django quickly; asynchronous JavaScript would mean a new language and a new way of thinking.',
      [ARTICLE],
    ),
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
    ...because(
      'With one language on client and server, a JavaScript team can share code and skills across the stack.',
      [ARTICLE],
    ),
  },
  {
    id: 'strict-compliance',
    when: 'Strict compliance applies',
    applies: (a) => a.compliance === 'strict',
    effects: [weight('security', 9)],
    ...because(
      'With sensitive data, safe defaults matter more: Django turns on protection against request forgery, clickjacking and most script injection, while Node.js leaves more to the team and the libraries it chooses.',
      [ARTICLE, 'django-security', 'node-security'],
    ),
  },
  {
    id: 'tight-timeline',
    when: 'The timeline is tight',
    applies: (a) => a.timeline === 'tight',
    effects: [weight('development-speed', 8)],
    ...because(
      'Built-in essentials (ORM, admin site, authentication) cut the set-up work when a first release is urgent.',
      [ARTICLE],
    ),
  },
];

/** Starting weight (direct scale, 0-10) for every criterion before any rule applies. */
export const BASE_SUGGESTED_WEIGHT = 5;
