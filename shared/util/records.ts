/**
 * Records keyed by ids, names or keys that came from a user (or a crafted file).
 *
 * A plain object answers `record['constructor']`, `record['toString']` and `record['__proto__']`
 * from its prototype, so an id such as `constructor` would find a function where a value belongs.
 * Every lookup by such a key goes through `own`, which sees only the record's own properties, and
 * every record built here has no prototype at all. Objects that arrive over IPC or from JSON are
 * plain again, which is why the lookup, not the construction, is what keeps them safe.
 */

export type IdRecord<T> = Record<string, T>;

/** The record's own value for `key`, never an inherited one. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether the record itself (not its prototype) holds `key`. */
export function hasOwnKey(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/**
 * A prototype-free record from entries; a later entry for the same key replaces the earlier one in
 * its place. (`Object.fromEntries` makes a plain object, and assigning `__proto__` to one would
 * set its prototype instead of storing a value.)
 */
export function recordOf<T>(entries: Iterable<readonly [string, T]>): IdRecord<T> {
  const record = Object.create(null) as IdRecord<T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** An empty prototype-free record. */
export function emptyRecord<T>(): IdRecord<T> {
  return Object.create(null) as IdRecord<T>;
}

/** A copy of `record` with `key` set to `value` (in its old place when it was there). */
export function withEntry<T>(
  record: Readonly<Record<string, T>> | null | undefined,
  key: string,
  value: T,
): IdRecord<T> {
  return recordOf<T>([...Object.entries(record ?? {}), [key, value]]);
}

/** A copy of `record` without `key`. */
export function withoutEntry<T>(record: Readonly<Record<string, T>>, key: string): IdRecord<T> {
  return recordOf(Object.entries(record).filter(([k]) => k !== key));
}

/** A copy of `record` with every value passed through `change`. */
export function mapRecord<T, U>(
  record: Readonly<Record<string, T>>,
  change: (value: T, key: string) => U,
): IdRecord<U> {
  return recordOf(Object.entries(record).map(([key, value]) => [key, change(value, key)] as const));
}
