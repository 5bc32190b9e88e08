/**
 * What changed between two JSON documents, as a list of operations that can be applied in either
 * direction: each names a path and the value there before (`a`) and after (`b`); a missing `a`
 * means the key was added, a missing `b` that it was removed. The change log stores these instead
 * of two whole workshops per change.
 *
 * Objects are compared key by key, arrays of the same length item by item, and an array whose
 * length changed is replaced whole (adding or removing a criterion is rare; a moved slider is one
 * number). Applying copies only the objects along each path, so the documents before and after
 * share everything that did not change. Keys such as `__proto__` are written as own properties.
 */
import { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(JsonSchema),
    z.record(z.string(), JsonSchema),
  ]),
);

const PathSchema = z.array(z.union([z.string(), z.number().int().nonnegative()]));

export const PatchOpSchema = z.strictObject({
  p: PathSchema,
  a: JsonSchema.optional(),
  b: JsonSchema.optional(),
});
export type PatchOp = z.infer<typeof PatchOpSchema>;

export const PatchSchema = z.array(PatchOpSchema);
export type Patch = PatchOp[];

/** Thrown when a patch does not fit the document it is applied to (a damaged change log). */
export class PatchMismatchError extends Error {
  constructor(path: readonly (string | number)[]) {
    super(`The stored change does not fit the document at ${path.join('.') || 'its root'}.`);
    this.name = 'PatchMismatchError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const has = (record: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(record, key);

/** The operations that turn `before` into `after`. Both must be plain JSON. */
export function diff(before: unknown, after: unknown): Patch {
  const ops: Patch = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]): void => {
    if (a === b) return;
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) {
        if (has(b, key)) walk(a[key], b[key], [...path, key]);
        else ops.push({ p: [...path, key], a: a[key] as Json });
      }
      for (const key of Object.keys(b)) if (!has(a, key)) ops.push({ p: [...path, key], b: b[key] as Json });
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, index) => walk(item, b[index], [...path, index]));
      return;
    }
    ops.push({ p: path, a: a as Json, b: b as Json });
  };
  walk(before, after, []);
  return ops;
}

/** The same change the other way round. */
export function invert(patch: Patch): Patch {
  return patch.map(({ p, a, b }) => {
    const op: PatchOp = { p };
    if (b !== undefined) op.a = b;
    if (a !== undefined) op.b = a;
    return op;
  });
}

function setIn(
  node: unknown,
  path: readonly (string | number)[],
  depth: number,
  value: Json | undefined,
): unknown {
  if (depth === path.length) return value;
  const key = path[depth];
  if (Array.isArray(node) && typeof key === 'number' && key < node.length) {
    const copy = node.slice();
    const next = setIn(copy[key], path, depth + 1, value);
    if (next === undefined) throw new PatchMismatchError(path);
    copy[key] = next;
    return copy;
  }
  if (isObject(node) && typeof key === 'string') {
    const copy = shallowCopy(node);
    if (depth === path.length - 1 && value === undefined) {
      delete copy[key];
      return copy;
    }
    if (depth < path.length - 1 && !has(node, key)) throw new PatchMismatchError(path);
    define(copy, key, setIn(own(node, key), path, depth + 1, value));
    return copy;
  }
  throw new PatchMismatchError(path);
}

/**
 * A record's own keys in a new record of the same prototype (a prototype-free record stays one).
 * Spread, and assign onto a prototype-free record, make every key (`__proto__` too) an own data
 * property, as `define` does one key at a time, which a large workshop would pay on every copy.
 */
function shallowCopy(node: Record<string, unknown>): Record<string, unknown> {
  const prototype = Object.getPrototypeOf(node) as object | null;
  if (prototype === Object.prototype) return { ...node };
  if (prototype === null) return Object.assign(Object.create(null) as Record<string, unknown>, node);
  const copy = Object.create(prototype) as Record<string, unknown>;
  for (const k of Object.keys(node)) define(copy, k, node[k]);
  return copy;
}

function define(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `document` with the patch applied; `document` itself is left as it was. */
export function applyPatch<T>(document: T, patch: Patch): T {
  let result: unknown = document;
  for (const op of patch) {
    result = setIn(result, op.p, 0, op.b);
    if (result === undefined) throw new PatchMismatchError(op.p);
  }
  return result as T;
}
