/**
 * Default profiles for Django and Node.js: a 1-5 rating per criterion with the reason and the
 * sources it rests on. The values are the comparison article's; each reason was checked against
 * the official documentation on the day in KNOWLEDGE_REVIEWED and corrected where the article is
 * out of date. Where the article says "it depends", the default is the neutral middle ground and
 * the project-profile rules (projectProfile.ts) adjust it.
 */
import { citeSources } from './source';
import type { SourceId } from './source';

export type RatingEntry = {
  value: number;
  rationale: string;
  /** The sources as one short citation (kept for readers of `source`). */
  source: string;
  /** The sources the reason rests on, the article first; at least one. */
  sources: readonly SourceId[];
};

export type CandidateProfile = {
  id: string;
  name: string;
  summary: string;
  ratings: Record<string, RatingEntry>;
};

const cite = (value: number, rationale: string, sources: readonly SourceId[]): RatingEntry => ({
  value,
  rationale,
  source: citeSources(sources),
  sources,
});

const ARTICLE = 'planeks-article';

export const DJANGO: CandidateProfile = {
  id: 'django',
  name: 'Django',
  summary: 'A “batteries included” Python web framework that favours convention, safety and fast delivery.',
  ratings: {
    performance: cite(
      3,
      'Synchronous by default, which keeps behaviour predictable; since Django 3.1 a view can also be asynchronous and, under an ASGI server, keep many slow connections open without a thread each. Python’s scientific libraries make it strong for data work, while Node.js still needs less care when thousands of connections mostly wait.',
      [ARTICLE, 'django-3-1-release', 'django-async'],
    ),
    scalability: cite(
      3,
      'Its application servers share no state, so web servers, caches and databases can each be added as load grows, and the cache framework and database routing for replicas come built in. Long-lived WebSocket connections need the separate Channels project and a shared channel layer, which adds parts to run.',
      [ARTICLE, 'django-faq-scale', 'django-multi-db', 'django-channels'],
    ),
    'development-speed': cite(
      5,
      'The ORM, migrations, admin site, authentication and forms ship with the framework, so common features need little assembly and a first release comes sooner.',
      [ARTICLE],
    ),
    'learning-curve': cite(
      4,
      'Python reads plainly and the documentation is thorough, so developers who already know Python become productive quickly.',
      [ARTICLE],
    ),
    ecosystem: cite(
      4,
      'A mature, web-focused set of add-on packages and an active community; smaller than npm, but the framework itself covers more, so a project needs fewer outside packages.',
      [ARTICLE],
    ),
    'use-case-fit': cite(
      3,
      'At home in data-heavy products such as CMS, CRM, e-commerce and marketplaces; real-time features are possible with asynchronous views and Channels, but they are not its home ground.',
      [ARTICLE, 'django-channels'],
    ),
    security: cite(
      5,
      'Out of the box, templates escape output against most cross-site scripting, the ORM parameterises queries against SQL injection, and middleware guards against request forgery and clickjacking; Django 6.0 added a built-in Content Security Policy. Raw SQL, HTML marked as safe and deployment settings still need care.',
      [ARTICLE, 'django-security', 'django-6-0-release'],
    ),
  },
};

export const NODE: CandidateProfile = {
  id: 'nodejs',
  name: 'Node.js',
  summary:
    'A JavaScript runtime with non-blocking I/O, one language across the stack, and the vast npm ecosystem.',
  ratings: {
    performance: cite(
      4,
      'Its event loop serves many simultaneous connections without blocking, which suits I/O-heavy and real-time work. JavaScript runs on one main thread per process, so a long computation holds up every request unless it is moved to worker threads.',
      [ARTICLE, 'node-event-loop', 'node-worker-threads'],
    ),
    scalability: cite(
      4,
      'A light runtime that serves many clients with few threads and runs easily as many instances or small services, coping well with spiky, unpredictable traffic.',
      [ARTICLE, 'node-event-loop'],
    ),
    'development-speed': cite(
      3,
      'Very flexible, but the team chooses and wires up libraries for essentials such as authentication, an admin interface and data access, which slows the start.',
      [ARTICLE],
    ),
    'learning-curve': cite(
      3,
      'Asynchronous code asks for a different way of thinking, even with promises and async/await in place of nested callbacks, and choosing among libraries of uneven quality takes experience.',
      [ARTICLE, 'node-promises'],
    ),
    ecosystem: cite(
      4,
      'npm is the largest software registry, with more than two million packages and a very large community; quality and upkeep vary, and malicious or look-alike packages exist, so dependencies need vetting.',
      [ARTICLE, 'npm-home', 'node-security'],
    ),
    'use-case-fit': cite(
      3,
      'At home in real-time products (chat, streaming, games, collaboration) and lightweight APIs; less natural for data-heavy platforms.',
      [ARTICLE],
    ),
    security: cite(
      3,
      'Secure applications are entirely possible, but more rests on the team: vetting dependencies and adding protections such as request-forgery checks through libraries. The permission model can restrict file, network and process access, but it does not stop malicious code.',
      [ARTICLE, 'node-security', 'node-permissions'],
    ),
  },
};

export const BUILT_IN_CANDIDATES: readonly CandidateProfile[] = [DJANGO, NODE];
