/**
 * The words of every refusal. Schemas name their fields themselves where a person types (see
 * `requiredText` in sessions/schema.ts); for everything else, this error map, installed for the
 * whole process, turns an issue into a sentence about the field in the user's words, so zod's
 * default English ("Invalid input: expected string", "Too big: ...") never reaches anyone.
 *
 * A schema's own message always wins over this map (zod asks the map only when there is none).
 */
import { z } from 'zod';

/** Field keys as a person would call them. */
const LABELS = new Map<string, string>([
  ['sessionId', 'The session'],
  ['snapshotId', 'The snapshot'],
  ['brandId', 'The brand profile'],
  ['participantId', 'The participant'],
  ['criterionId', 'The criterion'],
  ['candidateId', 'The candidate'],
  ['a', 'The criterion'],
  ['b', 'The criterion'],
  ['clientName', 'Client name'],
  ['projectName', 'Project name'],
  ['facilitator', 'Facilitator'],
  ['workshopDate', 'Workshop date'],
  ['description', 'Description'],
  ['participants', 'The participant list'],
  ['search', 'Search'],
  ['sort', 'Sort'],
  ['status', 'Status'],
  ['client', 'Client'],
  ['patch', 'The change to the session'],
  ['action', 'The change'],
  ['type', 'The kind of change'],
  ['step', 'The step'],
  ['question', 'The question'],
  ['offset', 'The position'],
  ['rationale', 'The reason'],
  ['note', 'The override note'],
  ['role', 'The role'],
  ['method', 'The weighting method'],
  ['aggregation', 'The aggregation'],
  ['threshold', 'The disagreement threshold'],
  ['anonymous', 'Anonymous mode'],
  ['anonymity', 'The anonymity'],
  ['voter', 'The voter'],
  ['ballotId', 'The anonymous ballot'],
  ['hide', 'Hiding inputs until reveal'],
  ['revealed', 'Reveal'],
  ['include', 'Counting inconsistent answers'],
  ['field', 'The notes field'],
  ['profileName', 'Profile name'],
  ['companyName', 'Company name'],
  ['primaryColor', 'Primary colour'],
  ['accentColor', 'Accent colour'],
  ['contactLine', 'Contact line'],
  ['footerText', 'Footer text'],
  ['disclaimer', 'Disclaimer'],
  ['logo', 'Logo'],
  ['clientLogo', 'Client logo'],
  ['path', 'The file'],
  ['fileName', 'The backup'],
  ['limit', 'The page size'],
  ['entryId', 'The history entry'],
  ['from', 'The first side of the comparison'],
  ['to', 'The second side of the comparison'],
]);

/** `name`, `id`, `value` and `text` mean different things in different places. */
const IN_CONTEXT = new Map<string, ReadonlyMap<string, string>>([
  [
    'name',
    new Map([
      ['participants', 'Participant name'],
      ['criteria', 'Criterion name'],
      ['candidates', 'Candidate name'],
      ['', 'The name'],
    ]),
  ],
  [
    'id',
    new Map([
      ['participants', 'The participant'],
      ['', 'The item'],
    ]),
  ],
  ['value', new Map([['', 'The value']])],
  ['text', new Map([['', 'The text']])],
]);

/** The field an issue is about, in the user's words; "The request" when it is about the whole. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'The request';
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  for (let i = keys.length - 1; i >= 0; i--) {
    const key = keys[i] as string;
    const contextual = IN_CONTEXT.get(key);
    if (contextual) {
      const parent = keys[i - 1] ?? '';
      return contextual.get(parent) ?? contextual.get('') ?? 'This value';
    }
    const label = LABELS.get(key);
    if (label) return label;
  }
  return 'This value';
}

const TYPE_WORDS = new Map<string, string>([
  ['string', 'must be text'],
  ['number', 'must be a number'],
  ['int', 'must be a whole number'],
  ['boolean', 'must be yes or no'],
  ['array', 'must be a list'],
  ['object', 'is missing or incomplete'],
  ['record', 'is missing or incomplete'],
]);

/** A sentence for any zod issue that carries no message of its own. */
export function userMessage(issue: z.core.$ZodRawIssue): string {
  const label = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${label} is required.`;
      return `${label} ${TYPE_WORDS.get(issue.expected) ?? 'is not valid'}.`;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${label} must be ${max} characters or fewer.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${label} can have at most ${max} entries.`;
      return `${label} must be ${max} or less.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${label} needs at least ${min} entries.`;
      return `${label} must be ${min} or more.`;
    }
    case 'invalid_format':
      return `${label} is not in the right form.`;
    case 'invalid_value':
    case 'invalid_union':
      return `${label} is not one of the choices.`;
    case 'unrecognized_keys':
      return `${label} has something this app does not expect; nothing was changed.`;
    case 'not_multiple_of':
      return `${label} must be a whole number.`;
    default:
      return `${label} is not valid.`;
  }
}

// Installed once for the whole process (main, renderer, web host, tests): zod asks this map only
// for issues whose schema gave no message.
z.config({ customError: (issue) => userMessage(issue) });
