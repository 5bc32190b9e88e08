/**
 * Inputs for the channel fuzz test, generated from the contract's own zod schemas: mostly values
 * that fit a schema's shape (so calls reach the services, not just the parser), with hostile
 * values swapped in at random nodes. Deterministic for a given seed, so a failure can be replayed.
 *
 * It reads zod 4's schema definitions (`schema._zod.def`) for the kinds the contract uses; an
 * unknown kind gets a random value, which the test's "no internal error" rule still covers.
 */
import type { z } from 'zod';
import { mulberry32 } from '../helpers/random';

export type Random = {
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

/** The fuzzer's draws, from the suite's one seeded generator. */
export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    chance: (probability) => next() < probability,
  };
}

/** Keys that reach the prototype when a plain object is indexed with them. */
export const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

const HOSTILE_STRINGS = [
  '',
  ' ',
  ...PROTOTYPE_KEYS,
  'NUL\u0000inside',
  'ESC\u001b[31mred',
  'tab\there',
  'line\nbreak',
  'report\u202Efdp.exe',
  '\u2066isolate\u2069',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '# forged heading',
  '=HYPERLINK("http://example.invalid")',
  '1;=1+1',
  '@SUM(A1)',
  '../../../etc/passwd',
  '%E0%A4%A',
  '😀👩‍👩‍👧',
  '北京市朝阳区',
  'مرحبا بالعالم',
  'a'.repeat(300),
  'b'.repeat(6000),
  '\uD800',
];

export type Pools = {
  /** Ids that exist (sessions, participants, brands, snapshots) and some that do not. */
  uuids: string[];
  /** Ids of sessions that exist (or did), for the fields that name a session. */
  sessionIds: string[];
  /** Ids of participants that exist (or did). */
  participantIds: string[];
  /** Criterion and candidate ids, built-in and custom. */
  itemIds: string[];
  /** Ordinary text: names, notes. */
  words: string[];
  /**
   * The latest revision seen in answers, by `session:<id>` and `workshop:<id>`, so that writes
   * based on a current copy occur as well as stale ones.
   */
  revisions: Map<string, number>;
};

export type GenerateOptions = {
  random: Random;
  pools: Pools;
  /** Chance, at each node, of a hostile value instead of one that fits. */
  mutation: number;
  /** Whether values JSON cannot carry (NaN, Infinity, -0, undefined in arrays) may appear. */
  structuredClone: boolean;
};

type Def = {
  type: string;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  pattern?: RegExp;
};
type CheckDef = {
  check: string;
  format?: string;
  pattern?: RegExp;
  maximum?: number;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((check) => check._zod.def);
}

/** The revision the generated object's session or workshop is at now, as far as answers told. */
function currentRevision(value: Record<string, unknown>, pools: Pools): number {
  const sessionId = value['sessionId'];
  if (typeof sessionId === 'string') return pools.revisions.get(`workshop:${sessionId}`) ?? 0;
  const id = value['id'];
  return typeof id === 'string' ? (pools.revisions.get(`session:${id}`) ?? 0) : 0;
}

/** `key` is the name of the field being generated, which decides which pool an id comes from. */
export function generate(schema: z.ZodType, options: GenerateOptions, depth = 0, key = ''): unknown {
  const { random } = options;
  if (depth > 12 || random.chance(options.mutation)) return hostile(options, depth);
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return generateObject(def, options, depth);
    case 'string':
      return generateString(def, options, key);
    case 'number':
      return generateNumber(def, random);
    case 'boolean':
      return random.chance(0.5);
    case 'enum':
      return random.pick(Object.values(def.entries ?? {}));
    case 'literal':
      return random.pick(def.values ?? [null]);
    case 'union':
      return generate(random.pick(def.options ?? []), options, depth + 1, key);
    case 'array': {
      const checks = checksOf(def);
      const min = checks.find((check) => check.check === 'min_length')?.minimum ?? 0;
      const max = Math.min(checks.find((check) => check.check === 'max_length')?.maximum ?? 6, min + 6);
      const length = min + random.int(max - min + 1);
      return Array.from({ length }, () => generate(def.element as z.ZodType, options, depth + 1));
    }
    case 'optional':
    case 'default':
      return random.chance(0.2) ? undefined : generate(def.innerType as z.ZodType, options, depth + 1, key);
    case 'nullable':
      return random.chance(0.15) ? null : generate(def.innerType as z.ZodType, options, depth + 1, key);
    case 'pipe':
      return generate(def.in as z.ZodType, options, depth + 1, key);
    default:
      return hostile(options, depth);
  }
}

function generateObject(def: Def, options: GenerateOptions, depth: number): Record<string, unknown> {
  const { random } = options;
  // JSON.parse keeps "__proto__" as an own key, as a hostile payload arrives.
  const value: Record<string, unknown> = random.chance(0.03)
    ? (JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>)
    : {};
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    if (random.chance(0.03)) continue; // a required field left out
    const generated =
      key === 'baseRevision' && random.chance(0.8)
        ? currentRevision(value, options.pools)
        : generate(field, options, depth + 1, key);
    if (generated !== undefined) value[key] = generated;
  }
  if (random.chance(0.03)) value[random.pick(['extra', ...PROTOTYPE_KEYS])] = random.pick(HOSTILE_STRINGS);
  return value;
}

function generateString(def: Def, options: GenerateOptions, key: string): string {
  const { random, pools } = options;
  if (def.format === 'uuid') {
    const named =
      key === 'sessionId' || key === 'id'
        ? pools.sessionIds
        : key === 'participantId'
          ? pools.participantIds
          : [];
    if (named.length > 0 && random.chance(0.7)) return random.pick(named);
    return random.chance(0.9) ? random.pick(pools.uuids) : randomUuid(random);
  }
  if (def.format === 'date') {
    const day = 1 + random.int(31);
    return `20${10 + random.int(30)}-${String(1 + random.int(12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  if (def.format === 'datetime')
    return new Date(Date.UTC(2026, random.int(12), 1 + random.int(28))).toISOString();
  const checks = checksOf(def);
  const pattern = checks.find((check) => check.check === 'string_format')?.pattern ?? def.pattern;
  const max = checks.find((check) => check.check === 'max_length')?.maximum ?? 200;
  const candidates = [
    ...pools.itemIds,
    ...pools.words,
    '#1F4E79',
    '#C9733A',
    'stackwise-20260101-000000000.sqlite',
  ];
  if (pattern) {
    const fitting = candidates.filter((candidate) => pattern.test(candidate));
    if (fitting.length > 0 && random.chance(0.9)) return random.pick(fitting);
  }
  const base = random.chance(0.5) ? random.pick(pools.itemIds) : random.pick(pools.words);
  return random.chance(0.1) ? `${base} ${random.int(1000)}`.slice(0, max) : base.slice(0, max);
}

function generateNumber(def: Def, random: Random): number {
  const checks = checksOf(def);
  const integer = checks.some((check) => check.check === 'number_format' && check.format?.includes('int'));
  const low = checks.find((check) => check.check === 'greater_than')?.value ?? -10;
  const high = checks.find((check) => check.check === 'less_than')?.value ?? Math.max(low + 20, 100);
  const span = Math.min(high - low, 1_000_000);
  const value = low + random.next() * span;
  return integer ? Math.round(value) : Math.round(value * 1000) / 1000;
}

/** A well-formed version 4 UUID from the seeded generator (so runs repeat exactly). */
export function randomUuid(random: Random): string {
  const hex = (length: number) => Array.from({ length }, () => random.int(16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[random.int(4)]}${hex(3)}-${hex(12)}`;
}

/** A value no schema asked for: the wrong type, an edge of a range, a hostile string, a deep nest. */
export function hostile(options: GenerateOptions, depth = 0): unknown {
  const { random } = options;
  const choices: (() => unknown)[] = [
    () => random.pick(HOSTILE_STRINGS),
    () => random.pick(HOSTILE_STRINGS),
    () => random.pick([0, -1, 1.5, 11, 101, -0.0001, 2 ** 53, -(2 ** 31), 1e308]),
    () => null,
    () => random.chance(0.5),
    () => ({}),
    () => [],
    (): unknown =>
      JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
    () => (depth < 4 ? [hostile(options, depth + 1), hostile(options, depth + 1)] : 'leaf'),
    () => nested(random.pick([50, 500, 2000])),
  ];
  if (options.structuredClone) {
    choices.push(() => random.pick([Number.NaN, Number.POSITIVE_INFINITY, -0, undefined]));
  }
  return random.pick(choices)();
}

/** An array nested `depth` levels deep, as a crafted file or request would carry. */
export function nestedText(depth: number): string {
  return `${'['.repeat(depth)}"bottom"${']'.repeat(depth)}`;
}

/** The same as a value (deep enough to test parsers, shallow enough for JSON.stringify). */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
