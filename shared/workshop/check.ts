/**
 * Checks the document an action produced by checking only the parts the action changed, so a
 * slider step on a 40 x 8 x 40 workshop checks one voter's inputs instead of every round.
 *
 * Why that is enough: the action itself was parsed where it crossed the boundary, and the document
 * it was applied to had been checked when it was read or stored. The reducer builds the new
 * document from that one, and `diff` lists every path whose value differs, so every part it does
 * not list is a part already checked. The one rule that spans parts (no criterion or candidate id
 * twice) concerns the criteria and the candidates, which are left to the whole check, as is any
 * part not listed here. Each changed part is checked by the very schema the whole check uses
 * there, and is accepted only if that schema returns it unchanged (nothing trimmed, no default
 * filled in): then the whole check would have returned this same document.
 *
 * `false` means "check the whole document": the part may be fine (a trimmed note), and the whole
 * check is what names the field in the user's words when it is not.
 */
import { z } from 'zod';
import { diff } from '../history/patch';
import type { Patch } from '../history/patch';
import { RoundSchema, WorkshopStateSchema } from './schema';

type Path = ReadonlyArray<string | number>;

/** One part of the document, checked on its own: where it is and the schema that checks it. */
type Part = { path: Path; value: unknown; schema: z.ZodType };

/**
 * The fields of the object schema inside `schema`: its own, or those of the object a step that
 * reads older documents (`z.preprocess`) hands on to. Such a step leaves a checked document as
 * it is; it reacts to fields the document no longer has, and a change to any field not listed
 * below goes to the whole check.
 */
function fieldsOf(schema: z.ZodType): Readonly<Record<string, z.ZodType>> {
  if (schema instanceof z.ZodPipe) return fieldsOf(schema.out as z.ZodType);
  if (schema instanceof z.ZodObject) return schema.shape;
  return {};
}

const STATE = fieldsOf(WorkshopStateSchema);
const ROUND = fieldsOf(RoundSchema);

/** Top-level fields whose schema depends on nothing else in the document. */
const OWN_FIELDS = new Set([
  'version',
  'step',
  'answers',
  'ratings',
  'overrides',
  'roles',
  'aggregation',
  'disagreementThreshold',
  'hideUntilReveal',
  'notes',
]);

/** A round's fields checked on their own, and its records, checked an entry (key and value) at a time. */
const ROUND_FIELDS = new Set(['revealed', 'anonymity']);
const ROUND_RECORDS = new Set(['inputs', 'votes', 'includeInconsistent', 'anonymousBallots']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const ownValue = (value: unknown, key: string | number): unknown => {
  if (Array.isArray(value) && typeof key === 'number') return value[key];
  if (isRecord(value) && typeof key === 'string' && Object.hasOwn(value, key)) return value[key];
  return undefined;
};

/** The field's schema when it is one of `listed` and the schema has it. */
const fieldSchema = (fields: Readonly<Record<string, z.ZodType>>, listed: Set<string>, name: string) =>
  listed.has(name) && Object.hasOwn(fields, name) ? fields[name] : undefined;

/**
 * The part a changed path belongs to, or null when only the whole check will do. A removed
 * record entry is `undefined`: a record without it is as valid as before.
 */
function partOf(document: unknown, path: Path): Part | null | undefined {
  const [top, index, field, key] = path;
  if (typeof top !== 'string') return null;
  const own = fieldSchema(STATE, OWN_FIELDS, top);
  if (own) return { path: [top], value: ownValue(document, top), schema: own };
  if (top !== 'rounds' || typeof index !== 'number' || typeof field !== 'string') return null;
  const round = ownValue(ownValue(document, 'rounds'), index);
  if (!isRecord(round)) return null;
  const plain = fieldSchema(ROUND, ROUND_FIELDS, field);
  if (plain && path.length === 3)
    return { path: ['rounds', index, field], value: ownValue(round, field), schema: plain };
  const record = fieldSchema(ROUND, ROUND_RECORDS, field);
  if (!record || typeof key !== 'string') return null;
  const entry = ownValue(ownValue(round, field), key);
  if (entry === undefined) return undefined;
  // A computed key is an own property even when it reads `__proto__`.
  return { path: ['rounds', index, field, key], value: { [key]: entry }, schema: record };
}

/**
 * Whether `after`, the reducer's result, is valid and exactly what `WorkshopStateSchema` would
 * return for it, judged from the parts `delta` (from the checked document before) changed.
 */
export function changedPartsValid(after: unknown, delta: Patch): boolean {
  const checked = new Set<string>();
  for (const op of delta) {
    const part = partOf(after, op.p);
    if (part === null) return false;
    if (part === undefined) continue;
    const id = JSON.stringify(part.path);
    if (checked.has(id)) continue;
    checked.add(id);
    const result = part.schema.safeParse(part.value);
    if (!result.success || diff(part.value, result.data).length > 0) return false;
  }
  return true;
}
