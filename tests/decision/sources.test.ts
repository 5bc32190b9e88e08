/**
 * The knowledge base's sources: every built-in reason cites sources that exist, the dates are real
 * ISO dates, and no reason repeats the article's outdated claims.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyProjectProfile,
  builtInModel,
  BUILT_IN_CANDIDATES,
  BUILT_IN_CRITERIA,
  citedSources,
  citeSources,
  KNOWLEDGE_PROVENANCE,
  KNOWLEDGE_REVIEWED,
  PROFILE_RULES,
  SOURCE_IDS,
  SOURCES,
  sourceOf,
} from '@shared/decision';
import type { SourceId } from '@shared/decision';

type Cited = { where: string; text: string; sources: readonly SourceId[] };

/** Every built-in sentence that carries a reason, with the sources it cites. */
function citedReasons(): Cited[] {
  const out: Cited[] = [];
  for (const candidate of BUILT_IN_CANDIDATES) {
    for (const [criterion, entry] of Object.entries(candidate.ratings)) {
      out.push({ where: `${candidate.id}/${criterion}`, text: entry.rationale, sources: entry.sources });
    }
  }
  for (const rule of PROFILE_RULES) {
    out.push({ where: `rule ${rule.id}`, text: rule.reason, sources: rule.sources });
  }
  for (const criterion of BUILT_IN_CRITERIA) {
    out.push({
      where: `criterion ${criterion.id}`,
      text: `${criterion.description} ${criterion.highMeans}`,
      sources: criterion.sources,
    });
  }
  return out;
}

/** A real calendar day written yyyy-mm-dd. */
function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

describe('the sources of the built-in knowledge', () => {
  it('gives every rating reason, rule reason and criterion at least one source that exists', () => {
    const reasons = citedReasons();
    expect(reasons.length).toBe(
      2 * BUILT_IN_CRITERIA.length + PROFILE_RULES.length + BUILT_IN_CRITERIA.length,
    );
    for (const reason of reasons) {
      expect(reason.sources.length, reason.where).toBeGreaterThan(0);
      for (const id of reason.sources) expect(SOURCES.has(id), `${reason.where} cites ${id}`).toBe(true);
      expect(new Set(reason.sources).size, `${reason.where} cites a source twice`).toBe(
        reason.sources.length,
      );
    }
  });

  it('starts every reason from the article and keeps the one-line citation in step with the ids', () => {
    for (const candidate of BUILT_IN_CANDIDATES) {
      for (const entry of Object.values(candidate.ratings)) {
        expect(entry.sources[0]).toBe('planeks-article');
        expect(entry.source).toBe(citeSources(entry.sources));
      }
    }
    for (const rule of PROFILE_RULES) {
      expect(rule.sources[0]).toBe('planeks-article');
      expect(rule.source).toBe(citeSources(rule.sources));
    }
  });

  it('lists every source once, each used by some reason, with a web address and ISO dates', () => {
    expect([...SOURCES.keys()].sort()).toEqual([...SOURCE_IDS].sort());
    const used = new Set(citedReasons().flatMap((reason) => reason.sources));
    for (const [id, source] of SOURCES) {
      expect(used.has(id), `${id} is cited by no reason`).toBe(true);
      expect(source.url, id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(source.title.trim().length, id).toBeGreaterThan(3);
      expect(source.publisher.trim().length, id).toBeGreaterThan(2);
      expect(isIsoDay(source.accessed), `${id} accessed ${source.accessed}`).toBe(true);
      if (source.date !== null) {
        expect(isIsoDay(source.date), `${id} dated ${source.date}`).toBe(true);
        expect(source.date <= source.accessed, `${id} dated after it was read`).toBe(true);
      }
      // Django's documentation is versioned: a page without a date of its own names the version read.
      if (id.startsWith('django-')) {
        expect(source.date ?? source.version, `${id} has neither date nor version`).not.toBeNull();
      }
    }
  });

  it('states when the ratings were last reviewed, as an ISO date', () => {
    expect(KNOWLEDGE_REVIEWED).toBe('2026-12-02');
    expect(isIsoDay(KNOWLEDGE_REVIEWED)).toBe(true);
    for (const source of SOURCES.values()) expect(source.accessed <= KNOWLEDGE_REVIEWED).toBe(true);
    expect(KNOWLEDGE_PROVENANCE).toContain('PLANEKS');
    expect(KNOWLEDGE_PROVENANCE).toMatch(/official Django and Node\.js documentation/);
  });

  it('lists the sources a set of ratings cites, each once, the article first', () => {
    const cells = Object.values(builtInModel().ratings).flatMap((row) => Object.values(row));
    const listed = citedSources(cells.flatMap((cell) => cell.sources ?? []));
    expect(listed[0]?.id).toBe('planeks-article');
    expect(new Set(listed.map((entry) => entry.id)).size).toBe(listed.length);
    expect(listed.map((entry) => entry.id)).toContain('django-async');
    expect(citedSources(['__proto__', 'django-tasks', 'django-tasks']).map((entry) => entry.id)).toEqual([
      'django-tasks',
    ]);
  });

  it('looks sources up by id without reaching the prototype', () => {
    expect(sourceOf('django-async')?.publisher).toBe('Django Software Foundation');
    for (const hostile of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(sourceOf(hostile)).toBeUndefined();
    }
  });

  it('cites the Django documentation wherever a reason speaks of Django’s concurrency', () => {
    // Django and a word about concurrency in the same clause.
    const aboutDjangoConcurrency =
      /Django\b(?:(?!\.\s|;).)*\b(asynchronous|async|ASGI|connections|scales? out|one at a time)/i;
    const matched: string[] = [];
    for (const reason of citedReasons()) {
      if (aboutDjangoConcurrency.test(reason.text)) {
        matched.push(reason.where);
        const django = reason.sources.filter((id) => id.startsWith('django-'));
        expect(django.length, `${reason.where} needs a Django documentation source`).toBeGreaterThan(0);
      }
    }
    expect(matched).toEqual(
      expect.arrayContaining(['django/performance', 'rule io-bound-workload', 'rule spiky-traffic']),
    );
    // The corrections the review made, where a reader would look for them.
    expect(PROFILE_RULES.find((rule) => rule.id === 'io-bound-workload')?.sources).toEqual(
      expect.arrayContaining(['django-3-0-release', 'django-3-1-release', 'django-async']),
    );
    expect(BUILT_IN_CANDIDATES[0]?.ratings['performance']?.sources).toContain('django-3-1-release');
  });
});

describe('outdated claims the review corrected', () => {
  const texts = (): string[] => {
    const profiled = applyProjectProfile(builtInModel(), {
      workload: 'io-realtime',
      traffic: 'spiky',
      product: 'realtime',
      team: 'python',
      compliance: 'strict',
      timeline: 'tight',
    });
    const cells = Object.values(profiled.model.ratings).flatMap((row) => Object.values(row));
    return [...citedReasons().map((reason) => reason.text), ...cells.map((cell) => cell.rationale)];
  };

  it('never says Django handles requests only one at a time', () => {
    const oneAtATime =
      /(each request in turn|one (request )?at a time|handles requests synchronously|requests? (are|is) handled (one|in turn)|only synchronous)/i;
    for (const text of texts()) expect(text).not.toMatch(oneAtATime);
  });

  it('does not claim built-in sharding, “callback-based” Node.js, or protection against every attack', () => {
    for (const text of texts()) {
      expect(text).not.toMatch(/sharding/i);
      expect(text).not.toMatch(/callback-based/i);
      expect(text).not.toMatch(/protects against (all|every)/i);
    }
  });

  it('keeps the profile’s cited sources on the ratings it moves', () => {
    const profiled = applyProjectProfile(builtInModel(), { workload: 'io-realtime' });
    const cell = profiled.model.ratings['django']?.['performance'];
    expect(cell?.value).toBe(2);
    expect(cell?.sources).toEqual(PROFILE_RULES.find((rule) => rule.id === 'io-bound-workload')?.sources);
    expect(builtInModel().ratings['nodejs']?.['security']?.sources).toContain('node-security');
  });
});

// The article is kept beside the repository (/work/shared/seed), not in it.
const ARTICLE_FILE = resolve(__dirname, '../../../shared/seed/django-vs-node-article.txt');

if (!existsSync(ARTICLE_FILE))
  console.log(
    `The check that no reason copies the article skips: the article is not beside this checkout (${ARTICLE_FILE}).`,
  );

describe.skipIf(!existsSync(ARTICLE_FILE))('the reasons are the knowledge base’s own words', () => {
  const article = existsSync(ARTICLE_FILE) ? readFileSync(ARTICLE_FILE, 'utf8') : '';
  const words = (text: string): string[] =>
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .split(/[^a-z0-9.]+/)
      .filter(Boolean);
  const articleRuns = (n: number): Set<string> => {
    const all = words(article);
    const runs = new Set<string>();
    for (let i = 0; i + n <= all.length; i += 1) runs.add(all.slice(i, i + n).join(' '));
    return runs;
  };

  it('shares no run of eight words with the article', () => {
    const runs = articleRuns(8);
    for (const reason of citedReasons()) {
      const own = words(reason.text);
      for (let i = 0; i + 8 <= own.length; i += 1) {
        const run = own.slice(i, i + 8).join(' ');
        expect(runs.has(run), `${reason.where} copies “${run}”`).toBe(false);
      }
    }
  });
});
