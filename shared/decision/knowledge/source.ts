/**
 * Where the built-in knowledge comes from, and when it was last checked.
 *
 * The ratings start from one comparison article (PLANEKS). On 2 December 2026 every reason was
 * checked against the official Django and Node.js documentation; where the article is outdated or
 * too sweeping, the reason was corrected and cites the documentation as well. Reasons cite sources
 * by id; the ids are looked up in a Map, never as keys of a plain object, because a reason's ids
 * are data.
 */

/** The day every built-in reason was last checked against its sources (ISO 8601). */
export const KNOWLEDGE_REVIEWED = '2026-12-02';

export const SOURCE_IDS = [
  'planeks-article',
  'django-3-0-release',
  'django-3-1-release',
  'django-async',
  'django-6-0-release',
  'django-tasks',
  'django-faq-scale',
  'django-multi-db',
  'django-security',
  'django-channels',
  'node-event-loop',
  'node-worker-threads',
  'node-promises',
  'node-security',
  'node-permissions',
  'npm-home',
] as const;

export type SourceId = (typeof SOURCE_IDS)[number];

export type Source = {
  title: string;
  publisher: string;
  url: string;
  /** When the page was published or the release came out (ISO 8601), or null when it carries no date. */
  date: string | null;
  /** The documentation version that was read, when the page is versioned. */
  version: string | null;
  /** When it was last read for this knowledge base (ISO 8601). */
  accessed: string;
};

const read = KNOWLEDGE_REVIEWED;

export const SOURCES: ReadonlyMap<SourceId, Source> = new Map<SourceId, Source>([
  [
    'planeks-article',
    {
      title: 'Python Django vs Node.js: comparison of performance, scalability and security',
      publisher: 'PLANEKS',
      url: 'https://planeks.net/node-js-vs-django-for-backend',
      // The article's text carries no publication date.
      date: null,
      version: null,
      accessed: read,
    },
  ],
  [
    'django-3-0-release',
    {
      title: 'Django 3.0 release notes: ASGI support',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/releases/3.0/',
      date: '2019-12-02',
      version: 'Django 3.0',
      accessed: read,
    },
  ],
  [
    'django-3-1-release',
    {
      title: 'Django 3.1 release notes: asynchronous views and middleware',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/releases/3.1/',
      date: '2020-08-04',
      version: 'Django 3.1',
      accessed: read,
    },
  ],
  [
    'django-async',
    {
      title: 'Asynchronous support',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/topics/async/',
      date: null,
      version: 'Django 6.1 documentation',
      accessed: read,
    },
  ],
  [
    'django-6-0-release',
    {
      title: 'Django 6.0 release notes: Content Security Policy support',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/releases/6.0/',
      date: '2025-12-03',
      version: 'Django 6.0',
      accessed: read,
    },
  ],
  [
    'django-tasks',
    {
      title: 'Django’s Tasks framework',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/topics/tasks/',
      date: null,
      version: 'Django 6.1 documentation',
      accessed: read,
    },
  ],
  [
    'django-faq-scale',
    {
      title: 'FAQ: General, “Does Django scale?”',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/faq/general/',
      date: null,
      version: 'Django 6.1 documentation',
      accessed: read,
    },
  ],
  [
    'django-multi-db',
    {
      title: 'Multiple databases',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/topics/db/multi-db/',
      date: null,
      version: 'Django 6.1 documentation',
      accessed: read,
    },
  ],
  [
    'django-security',
    {
      title: 'Security in Django',
      publisher: 'Django Software Foundation',
      url: 'https://docs.djangoproject.com/en/6.1/topics/security/',
      date: null,
      version: 'Django 6.1 documentation',
      accessed: read,
    },
  ],
  [
    'django-channels',
    {
      title: 'Django Channels',
      publisher: 'Django Software Foundation',
      url: 'https://channels.readthedocs.io/en/latest/',
      date: null,
      version: 'Channels 4.x documentation',
      accessed: read,
    },
  ],
  [
    'node-event-loop',
    {
      title: 'Don’t Block the Event Loop (or the Worker Pool)',
      publisher: 'OpenJS Foundation (Node.js)',
      url: 'https://nodejs.org/en/learn/asynchronous-work/dont-block-the-event-loop',
      date: null,
      version: null,
      accessed: read,
    },
  ],
  [
    'node-worker-threads',
    {
      title: 'Worker threads',
      publisher: 'OpenJS Foundation (Node.js)',
      url: 'https://nodejs.org/api/worker_threads.html',
      date: null,
      version: 'Node.js v25.6.0 documentation',
      accessed: read,
    },
  ],
  [
    'node-promises',
    {
      title: 'Discover Promises in Node.js',
      publisher: 'OpenJS Foundation (Node.js)',
      url: 'https://nodejs.org/en/learn/asynchronous-work/discover-promises-in-nodejs',
      date: null,
      version: null,
      accessed: read,
    },
  ],
  [
    'node-security',
    {
      title: 'Security Best Practices',
      publisher: 'OpenJS Foundation (Node.js)',
      url: 'https://nodejs.org/en/learn/getting-started/security-best-practices',
      date: null,
      version: null,
      accessed: read,
    },
  ],
  [
    'node-permissions',
    {
      title: 'Permissions',
      publisher: 'OpenJS Foundation (Node.js)',
      url: 'https://nodejs.org/api/permissions.html',
      date: null,
      version: 'Node.js v25.6.0 documentation',
      accessed: read,
    },
  ],
  [
    'npm-home',
    {
      title: 'npm home page',
      publisher: 'npm, Inc. (GitHub)',
      url: 'https://www.npmjs.com/',
      date: null,
      version: null,
      accessed: read,
    },
  ],
]);

/** The source with this id, or undefined: safe for ids read from data (no prototype lookup). */
export function sourceOf(id: string): Source | undefined {
  const byString: ReadonlyMap<string, Source> = SOURCES;
  return byString.get(id);
}

/**
 * The known sources among these ids, each once, in the order of SOURCE_IDS (the article first):
 * for a report's list of the sources its ratings rest on. Unknown ids are left out.
 */
export function citedSources(ids: Iterable<string>): Array<{ id: SourceId; source: Source }> {
  const wanted = new Set(ids);
  return SOURCE_IDS.flatMap((id) => {
    const source = SOURCES.get(id);
    return wanted.has(id) && source ? [{ id, source }] : [];
  });
}

/** A short citation for a list of sources: publisher and title of each, in the given order. */
export function citeSources(ids: readonly SourceId[]): string {
  return ids
    .map((id) => {
      const source = SOURCES.get(id);
      return source ? `${source.publisher}, “${source.title}”` : id;
    })
    .join('; ');
}

/** The comparison article the ratings start from. */
export const ARTICLE_SOURCE = {
  id: 'planeks-article',
  title: 'Python Django vs Node.js: comparison of performance, scalability and security',
  publisher: 'PLANEKS',
  url: 'https://planeks.net/node-js-vs-django-for-backend',
} as const satisfies { id: SourceId; title: string; publisher: string; url: string };

export const SOURCE_LABEL = `${ARTICLE_SOURCE.publisher}, “${ARTICLE_SOURCE.title}”`;

/**
 * Where the built-in ratings come from, in one sentence for the reader (no date: the report
 * formats KNOWLEDGE_REVIEWED in its own date style).
 */
export const KNOWLEDGE_PROVENANCE = `The built-in ratings and reasons start from ${SOURCE_LABEL}. Each reason was checked against the official Django and Node.js documentation, and where the article is out of date the reason was corrected and cites that documentation too.`;

/** Ratings run from 1 (a poor fit for this criterion) to 5 (an excellent fit). */
export const RATING_SCALE = { min: 1, max: 5 } as const;
