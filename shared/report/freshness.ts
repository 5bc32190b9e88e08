/**
 * Whether the report last exported still says what the session says now. A report is made from
 * the session's details and participants, its workshop and its brand profile; it is out of date
 * when any of those differs from what was exported (kept in the snapshot every export makes).
 * Moving between the workshop's steps changes nothing in the report, and neither does a change
 * that was made and then taken back.
 */
import { z } from 'zod';
import type { SnapshotContent } from '../snapshots/schema';

/** What a report is made from: the session, its workshop, its brand. */
export type ReportMaterial = Omit<SnapshotContent, 'report'>;

export const REPORT_PARTS = [
  'details',
  'participants',
  'profile',
  'criteria',
  'ratings',
  'weights',
  'settings',
  'notes',
  'risks',
  'nextSteps',
  'workshop',
  'brand',
] as const;
export const ReportPartSchema = z.enum(REPORT_PARTS);
export type ReportPart = z.infer<typeof ReportPartSchema>;

/** How each part is named in "the weights and the notes changed since". */
export const REPORT_PART_LABELS: Record<ReportPart, string> = {
  details: 'the session details',
  participants: 'the participants',
  profile: 'the project profile',
  criteria: 'the criteria or stacks',
  ratings: 'the ratings',
  weights: 'the weights',
  settings: 'the workshop settings',
  notes: 'the notes from the discussion',
  risks: 'the risks',
  nextSteps: 'the next steps',
  workshop: 'the workshop',
  brand: 'the brand profile',
};

/**
 * `none`: never exported. `unknown`: exported by a version that did not keep what it exported,
 * so nothing can be said either way.
 */
export const ReportFreshnessSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('none') }),
  z.strictObject({ state: z.literal('current') }),
  z.strictObject({ state: z.literal('outdated'), changed: z.array(ReportPartSchema).min(1) }),
  z.strictObject({ state: z.literal('unknown') }),
]);
export type ReportFreshness = z.infer<typeof ReportFreshnessSchema>;

/** Which part of the report each piece of the workshop feeds; `step` is where the room is, not content. */
const WORKSHOP_PARTS = new Map<string, ReportPart | null>([
  ['version', null],
  ['step', null],
  ['answers', 'profile'],
  ['criteria', 'criteria'],
  ['candidates', 'criteria'],
  ['ratings', 'ratings'],
  ['overrides', 'ratings'],
  ['roles', 'participants'],
  ['rounds', 'weights'],
  ['aggregation', 'settings'],
  ['disagreementThreshold', 'settings'],
  ['hideUntilReveal', 'settings'],
  // Each of the three is named on its own (below).
  ['notes', null],
]);

const NOTE_PARTS = new Map<string, ReportPart | null>([
  ['notes', 'notes'],
  ['risks', 'risks'],
  ['nextSteps', 'nextSteps'],
  // The rows are the same parts of the report as the free text beside them.
  ['riskRows', 'risks'],
  ['actionRows', 'nextSteps'],
]);

/** The session's own times and id are not in the report's content. */
const SESSION_PARTS = new Map<string, ReportPart | null>([
  ['id', null],
  ['createdAt', null],
  ['updatedAt', null],
  ['participants', 'participants'],
]);

/** The same text for the same value, whatever order an object's keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/**
 * Keys of both sides, each with the part it belongs to (unlisted keys fall to `fallback`, so a
 * field added later still counts as content).
 */
function differingParts(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
  parts: ReadonlyMap<string, ReportPart | null>,
  fallback: ReportPart,
): Set<ReportPart> {
  const changed = new Set<ReportPart>();
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const part = parts.has(key) ? parts.get(key) : fallback;
    if (!part || changed.has(part)) continue;
    if (canonical(a[key]) !== canonical(b[key])) changed.add(part);
  }
  return changed;
}

/** The parts of the report that differ between what was exported and now, in the report's order. */
export function reportChanges(exported: ReportMaterial, now: ReportMaterial): ReportPart[] {
  const changed = new Set<ReportPart>([
    ...differingParts(exported.session, now.session, SESSION_PARTS, 'details'),
    ...differingParts(exported.workshop, now.workshop, WORKSHOP_PARTS, 'workshop'),
    ...differingParts(exported.workshop.notes, now.workshop.notes, NOTE_PARTS, 'notes'),
  ]);
  if (canonical(exported.brand) !== canonical(now.brand)) changed.add('brand');
  return REPORT_PARTS.filter((part) => changed.has(part));
}

/** "the weights", "the weights and the notes", "the ratings, the weights and the notes". */
export function changedPhrase(parts: readonly ReportPart[]): string {
  const labels = parts.map((part) => REPORT_PART_LABELS[part]);
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}
