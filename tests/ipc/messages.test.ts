/**
 * Every refusal speaks the user's language. Bad inputs, made by breaking one field at a time of a
 * good request for every channel (and every kind of workshop change), go through the production
 * IPC registration; no answer may carry zod's default English or an internal field path.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '@shared/ipc/contract';
import type { Channel } from '@shared/ipc/contract';
import { useIpcCore } from '../helpers/core';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const start = useIpcCore(tempDir);

const SESSION = '3d9a7c1e-5b2f-4e8a-9c6d-0e1f2a3b4c5d';
const PERSON = '6f1c2a4e-8b3d-4c5e-9f10-1a2b3c4d5e01';
const SNAPSHOT = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const BRAND = '9b2f6c1e-3d4a-4b5c-8d6e-7f8091a2b3c4';

const fields = {
  clientName: 'Northwind',
  projectName: 'Portal',
  facilitator: 'Dana',
  workshopDate: '2026-03-12',
  description: 'Pick a stack.',
};

const ACTIONS: unknown[] = [
  { type: 'setStep', step: 'criteria' },
  { type: 'setAnswer', question: 'compliance', value: 'strict' },
  { type: 'addCriterion', id: 'hiring', name: 'Hiring', description: 'How easily we hire.' },
  { type: 'updateCriterion', id: 'hiring', name: 'Hiring', description: '' },
  { type: 'removeCriterion', id: 'hiring' },
  { type: 'moveCriterion', id: 'hiring', offset: 1 },
  { type: 'addCandidate', id: 'go', name: 'Go' },
  { type: 'renameCandidate', id: 'go', name: 'Golang' },
  { type: 'removeCandidate', id: 'go' },
  { type: 'setRating', candidateId: 'go', criterionId: 'hiring', value: 3, rationale: 'Fine' },
  { type: 'setOverride', candidateId: 'django', criterionId: 'security', value: 4, note: 'Audited' },
  { type: 'clearOverride', candidateId: 'django', criterionId: 'security' },
  { type: 'setRole', participantId: PERSON, role: 'observer' },
  { type: 'setMethod', participantId: PERSON, method: 'points' },
  { type: 'setDirect', participantId: PERSON, criterionId: 'security', value: 7 },
  { type: 'setPoints', participantId: PERSON, criterionId: 'security', value: 30 },
  { type: 'moveRank', participantId: PERSON, criterionId: 'security', offset: -1 },
  { type: 'setJudgment', participantId: PERSON, a: 'security', b: 'performance', value: 3 },
  { type: 'setAggregation', aggregation: 'median' },
  { type: 'setThreshold', threshold: 0.2 },
  { type: 'setAnonymous', anonymous: true },
  { type: 'setHideUntilReveal', hide: true },
  { type: 'setRevealed', revealed: true },
  { type: 'startRound' },
  { type: 'setNotes', field: 'risks', text: 'Hiring is slow.' },
  { type: 'addRisk', id: SNAPSHOT },
  { type: 'updateRisk', id: SNAPSHOT, field: 'likelihood', value: 'high' },
  { type: 'moveRisk', id: SNAPSHOT, offset: 1 },
  { type: 'removeRisk', id: SNAPSHOT },
  { type: 'addNextStep', id: BRAND },
  { type: 'updateNextStep', id: BRAND, field: 'due', value: '2027-01-31' },
  { type: 'moveNextStep', id: BRAND, offset: -1 },
  { type: 'removeNextStep', id: BRAND },
];

/** One good request per channel (several for the workshop's changes). */
const SAMPLES: Record<Channel, unknown[]> = {
  'app:info': [{}],
  'data:status': [{}],
  'data:backups': [{}],
  'data:backup': [{}],
  'data:restore': [{ fileName: 'stackwise-20260312-090000123.sqlite' }],
  'data:recreate': [{}],
  'data:reopen': [{}],
  'sessions:list': [{ search: 'north', sort: 'client', status: 'draft', client: 'Northwind' }],
  'sessions:get': [{ id: SESSION }],
  'sessions:clients': [{}],
  'sessions:create': [{ ...fields, participants: [{ name: 'Priya' }] }],
  'sessions:update': [
    {
      id: SESSION,
      baseRevision: 1,
      patch: {
        clientName: 'Contoso',
        participants: { add: [{ name: 'Ann' }], rename: [{ id: PERSON, from: 'A', name: 'B' }], remove: [] },
      },
    },
  ],
  'sessions:duplicate': [{ id: SESSION }],
  'sessions:delete': [{ id: SESSION }],
  'workshop:get': [{ sessionId: SESSION }],
  'workshop:apply': ACTIONS.map((action) => ({ sessionId: SESSION, baseRevision: 0, action })),
  'workshop:undo': [{ sessionId: SESSION, baseRevision: 0 }],
  'workshop:redo': [{ sessionId: SESSION, baseRevision: 0 }],
  'workshop:present': [{ sessionId: SESSION }],
  'brands:list': [{}],
  'brands:save': [
    {
      id: BRAND,
      profileName: 'Harbour',
      companyName: 'Harbour & Vale',
      primaryColor: '#1F4E79',
      accentColor: '#C9733A',
      contactLine: 'hello@example.com',
      footerText: 'Confidential',
      disclaimer: 'Advice, not a guarantee.',
      logo: null,
    },
  ],
  'brands:delete': [{ id: BRAND }],
  'report:settings': [{ sessionId: SESSION }],
  'report:configure': [{ sessionId: SESSION, brandId: BRAND }],
  'report:export': [{ sessionId: SESSION }, { sessionId: SESSION, status: 'final' }],
  'report:check': [{ sessionId: SESSION }],
  'report:open': [{ path: '/tmp/report.pdf' }],
  'portable:export': [{ sessionId: SESSION }],
  'portable:import': [{ text: '{}' }],
  'portable:csv': [{ sessionId: SESSION }],
  'portable:adr': [{ sessionId: SESSION }],
  'history:list': [{ sessionId: SESSION, offset: 0, limit: 20 }],
  'history:entry': [
    { sessionId: SESSION, entryId: 'change-12' },
    { sessionId: SESSION, entryId: 'event-3' },
  ],
  'snapshots:list': [{ sessionId: SESSION }],
  'snapshots:create': [{ sessionId: SESSION, name: 'Before lunch' }],
  'snapshots:compare': [{ sessionId: SESSION, from: SNAPSHOT, to: 'now' }],
  'snapshots:restore': [{ sessionId: SESSION, snapshotId: SNAPSHOT }],
  'snapshots:report': [{ sessionId: SESSION, snapshotId: SNAPSHOT }],
  'room:interfaces': [{}],
  'room:status': [{ sessionId: SESSION }],
  'room:open': [
    {
      sessionId: SESSION,
      address: '127.0.0.1',
      port: 0,
      settings: { methods: ['direct', 'pairwise'], newNames: 'approval', showOwnResult: true },
    },
  ],
  'room:configure': [
    {
      sessionId: SESSION,
      settings: { methods: ['points'], newNames: 'closed', showOwnResult: false },
      locked: true,
    },
  ],
  'room:device': [{ sessionId: SESSION, deviceId: SNAPSHOT, action: 'approve' }],
  'room:round': [{ sessionId: SESSION, accepting: false }],
  'room:timer': [{ sessionId: SESSION, seconds: 120 }],
  'room:check': [{ sessionId: SESSION }],
  'room:close': [{ sessionId: SESSION }],
};

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  7,
  -1,
  1.5,
  1e12,
  true,
  '',
  ' ',
  'x',
  'a'.repeat(6000),
  'Tab\there',
  'Spoof\u202Efdp.exe',
  [],
  {},
  ['x'],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value`, containers included. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return here;
}

/** `value` with the thing at `path` replaced (or removed, for undefined). */
function replaced(value: unknown, path: ReadonlyArray<string | number>, bad: unknown): unknown {
  const copy = structuredClone(value) as Json;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (bad === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = bad;
  return copy;
}

function badInputs(sample: unknown): unknown[] {
  const whole = [undefined, null, 7, 'x', [], { unexpected: 1 }];
  const extra = sample && typeof sample === 'object' ? [{ ...sample, unexpected: 1 }] : [];
  const fieldByField = paths(sample).flatMap((path) => BAD_VALUES.map((bad) => replaced(sample, path, bad)));
  return [...whole, ...extra, ...fieldByField];
}

/** zod's own wording, which must never reach a person. */
const ZOD_DEFAULTS =
  /Invalid input|Invalid option|Invalid string|Invalid UUID|Invalid ISO|Invalid (date|number|type)|expected|Too big|Too small|Unrecognized key/i;

describe('refusals', () => {
  it('have a good request for every channel, each accepted by the contract', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      for (const sample of SAMPLES[channel]) {
        const parsed = contract[channel].input.safeParse(sample);
        expect(parsed.success, `${channel}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
      }
    }
  });

  it('name the field in the user’s words, never zod’s English or an internal path', async () => {
    const { ipc } = start();
    const seen = new Set<string>();
    let refused = 0;
    for (const channel of CHANNELS) {
      const internalNames = new Set(
        SAMPLES[channel].flatMap((sample) =>
          paths(sample)
            .flat()
            .filter((key): key is string => typeof key === 'string' && /[a-z][A-Z]/.test(key)),
        ),
      );
      for (const input of SAMPLES[channel].flatMap(badInputs)) {
        const result = await ipc.call(channel, input);
        if (result.ok || result.error.code !== 'invalid_input') continue;
        refused++;
        const { message, field } = result.error;
        if (seen.has(message)) continue;
        seen.add(message);
        const where = `${channel} ${JSON.stringify(input)?.slice(0, 200)} -> ${message}`;
        expect(message, where).not.toMatch(ZOD_DEFAULTS);
        expect(message, where).not.toMatch(/^[\w.]+: /);
        if (field?.includes('.')) expect(message, where).not.toContain(field);
        for (const name of internalNames) expect(message, where).not.toContain(name);
        expect(message, where).toMatch(/^[A-Z“"]/);
        expect(message, where).toMatch(/[.?]$/);
      }
    }
    expect(refused).toBeGreaterThan(1000);
  });
});
