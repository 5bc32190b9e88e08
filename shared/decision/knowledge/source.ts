/** Where the built-in knowledge comes from. Every default rating cites it. */
export const ARTICLE_SOURCE = {
  id: 'planeks-django-vs-node',
  title: 'Python Django vs Node.js: comparison of performance, scalability and security',
  publisher: 'PLANEKS',
} as const;

export const SOURCE_LABEL = `${ARTICLE_SOURCE.publisher}, “${ARTICLE_SOURCE.title}”`;

/** Ratings run from 1 (a poor fit for this criterion) to 5 (an excellent fit). */
export const RATING_SCALE = { min: 1, max: 5 } as const;
