/**
 * Default profiles for Django and Node.js: a 1-5 rating per criterion with the reason and its
 * source. Where the article says "it depends", the default is the neutral middle ground and the
 * project-profile rules (projectProfile.ts) adjust it.
 */
import { SOURCE_LABEL } from './source';

export type RatingEntry = { value: number; rationale: string; source: string };

export type CandidateProfile = {
  id: string;
  name: string;
  summary: string;
  ratings: Record<string, RatingEntry>;
};

const cite = (value: number, rationale: string): RatingEntry => ({ value, rationale, source: SOURCE_LABEL });

export const DJANGO: CandidateProfile = {
  id: 'django',
  name: 'Django',
  summary: 'A “batteries included” Python web framework that favours convention, safety and fast delivery.',
  ratings: {
    performance: cite(
      3,
      'Handles requests synchronously: steady and predictable, strong for CPU-heavy and data work with Python’s scientific libraries, weaker with thousands of simultaneous connections.',
    ),
    scalability: cite(
      3,
      'Scales up well (caching, ORM tuning, sharding) for steady traffic; spreading load across many servers takes more engineering than with Node.js.',
    ),
    'development-speed': cite(
      5,
      'ORM, admin panel, authentication and forms come built in, which shortens the path to a first release.',
    ),
    'learning-curve': cite(
      4,
      'Python reads easily and the documentation is thorough, so the framework is gentle to learn, above all for Python developers.',
    ),
    ecosystem: cite(
      4,
      'A mature, web-focused ecosystem of well-documented, well-kept packages; smaller than npm but more consistent.',
    ),
    'use-case-fit': cite(
      3,
      'Shines for data-heavy products (CMS, CRM, e-commerce, marketplaces); less natural for real-time products.',
    ),
    security: cite(
      5,
      'Protects against SQL injection, cross-site scripting and request forgery by default and nudges developers towards safe practice.',
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
      'Its event loop serves many simultaneous connections without blocking, ideal for I/O-heavy and real-time work; long CPU-bound tasks can stall its single thread.',
    ),
    scalability: cite(
      4,
      'A light runtime that spreads easily across many instances and microservices, coping well with spiky, unpredictable traffic.',
    ),
    'development-speed': cite(
      3,
      'Very flexible, but the team must choose and wire up libraries for essentials such as authentication, which slows the start.',
    ),
    'learning-curve': cite(
      3,
      'Asynchronous, event-driven code takes a change of mindset, and choosing among libraries of uneven quality needs experience.',
    ),
    ecosystem: cite(
      4,
      'Millions of npm packages and a very large community; quality and maintenance vary, so packages need vetting.',
    ),
    'use-case-fit': cite(
      3,
      'Shines for real-time products (chat, streaming, games, collaboration) and lightweight APIs; less natural for data-heavy platforms.',
    ),
    security: cite(
      3,
      'Secure applications are entirely possible, but more rests on the developers: vetting dependencies and adding protections by hand.',
    ),
  },
};

export const BUILT_IN_CANDIDATES: readonly CandidateProfile[] = [DJANGO, NODE];
