/**
 * The risk register and the next steps as rows (shared/workshop/rows.ts, rowActions.ts): stored
 * documents from before the rows open unchanged, the actions keep their limits with messages that
 * name the field, the check of changed parts agrees with the whole check, and the history, the
 * comparison and the report's freshness read the rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRows, compareStates } from '@shared/history/compare';
import { describeChange } from '@shared/history/describe';
import { applyPatch, diff, invert } from '@shared/history/patch';
import { reportChanges } from '@shared/report/freshness';
import type { Session } from '@shared/sessions/schema';
import { changedPartsValid } from '@shared/workshop/check';
import {
  ActionSchema,
  applyAction,
  coalesceKey,
  describeAction,
  initialWorkshopState,
  ActionRowSchema,
  printedActionRows,
  printedRiskRows,
  RiskRowSchema,
  ROW_LIMITS,
  WorkshopStateSchema,
} from '@shared/workshop';
import { ROW_ACTION_SCHEMAS, ROW_ACTION_TYPES } from '@shared/workshop/rowActions';
import type { Action, WorkshopState } from '@shared/workshop';

const R1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const R2 = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const S1 = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const session: Session = {
  id: '99999999-9999-4999-8999-999999999999',
  clientName: 'Northwind',
  projectName: 'Portal',
  facilitator: 'Dana',
  workshopDate: '2026-03-12',
  description: '',
  participants: [],
  createdAt: '2026-03-12T09:00:00.000Z',
  updatedAt: '2026-03-12T09:00:00.000Z',
};

/** Each action parsed as the boundary parses it, and the result checked as the service checks it. */
function run(state: WorkshopState, ...actions: unknown[]): WorkshopState {
  return actions.reduce<WorkshopState>((current, action) => {
    const next = applyAction(current, ActionSchema.parse(action));
    expect(WorkshopStateSchema.parse(next)).toEqual(next);
    return next;
  }, state);
}

const refusal = (action: unknown): string => {
  const parsed = ActionSchema.safeParse(action);
  return parsed.success ? '' : (parsed.error.issues[0]?.message ?? '');
};

const withRows = () =>
  run(
    initialWorkshopState(),
    { type: 'addRisk', id: R1 },
    { type: 'updateRisk', id: R1, field: 'risk', value: 'The team is new to Django' },
    { type: 'updateRisk', id: R1, field: 'likelihood', value: 'high' },
    { type: 'updateRisk', id: R1, field: 'mitigation', value: 'Two weeks of pairing with a contractor' },
    { type: 'updateRisk', id: R1, field: 'owner', value: 'Amara' },
    { type: 'addNextStep', id: S1 },
    { type: 'updateNextStep', id: S1, field: 'action', value: 'Book the security review' },
    { type: 'updateNextStep', id: S1, field: 'owner', value: 'Ben' },
    { type: 'updateNextStep', id: S1, field: 'due', value: '2027-01-31' },
  );

describe('documents stored before the rows', () => {
  it('open with no rows, everything else as it was, and keep their free-text risks and next steps', () => {
    const stored = JSON.parse(JSON.stringify(initialWorkshopState())) as Record<string, unknown> & {
      notes: Record<string, unknown>;
    };
    delete stored.notes['riskRows'];
    delete stored.notes['actionRows'];
    stored.notes['risks'] = 'Hiring is slow  ';
    stored.notes['nextSteps'] = 'Pilot in March';
    const read = WorkshopStateSchema.parse(stored);
    expect(read.notes).toEqual({
      notes: '',
      risks: 'Hiring is slow  ',
      nextSteps: 'Pilot in March',
      riskRows: [],
      actionRows: [],
    });
    const { notes: _readNotes, ...rest } = read;
    const { notes: _storedNotes, ...storedRest } = stored;
    expect(rest).toEqual(storedRest);
    // Reading one does not change it in place, and two reads share no array.
    expect(Object.hasOwn(stored.notes, 'riskRows')).toBe(false);
    expect(WorkshopStateSchema.parse(stored).notes.riskRows).not.toBe(read.notes.riskRows);
  });

  it('compare with the same document read now as unchanged, so an old report stays current', () => {
    const before = initialWorkshopState();
    const stored = JSON.parse(JSON.stringify(before)) as { notes: Record<string, unknown> };
    delete stored.notes['riskRows'];
    delete stored.notes['actionRows'];
    const old = WorkshopStateSchema.parse(stored);
    const brand = { logo: null } as never;
    expect(reportChanges({ session, workshop: old, brand }, { session, workshop: before, brand })).toEqual(
      [],
    );
    expect(changedRows(compareStates({ session, workshop: old }, { session, workshop: before }))).toEqual([]);
  });
});

describe('risk and next-step rows', () => {
  it('are added empty, edited field by field, moved and removed by their own id', () => {
    const state = withRows();
    expect(state.notes.riskRows).toEqual([
      {
        id: R1,
        risk: 'The team is new to Django',
        likelihood: 'high',
        impact: 'medium',
        mitigation: 'Two weeks of pairing with a contractor',
        owner: 'Amara',
      },
    ]);
    expect(state.notes.actionRows).toEqual([
      { id: S1, action: 'Book the security review', owner: 'Ben', due: '2027-01-31' },
    ]);
    const two = run(state, { type: 'addRisk', id: R2 }, { type: 'moveRisk', id: R2, offset: -1 });
    expect(two.notes.riskRows.map((row) => row.id)).toEqual([R2, R1]);
    // At the top a move up changes nothing.
    expect(run(two, { type: 'moveRisk', id: R2, offset: -1 }).notes.riskRows.map((r) => r.id)).toEqual([
      R2,
      R1,
    ]);
    const removed = run(two, { type: 'removeRisk', id: R1 }, { type: 'removeNextStep', id: S1 });
    expect(removed.notes.riskRows.map((row) => row.id)).toEqual([R2]);
    expect(removed.notes.actionRows).toEqual([]);
    // The free text beside them is untouched.
    expect(removed.notes.risks).toBe('');
  });

  it('refuse a row that is gone, an id used twice, and more rows than the limit, saying so', () => {
    const state = withRows();
    expect(() => applyAction(state, { type: 'removeRisk', id: R2 })).toThrow(
      'That row is no longer in the table.',
    );
    expect(() => applyAction(state, { type: 'addRisk', id: R1 })).toThrow('That row already exists.');
    // A risk and a step never share an id either.
    expect(() => applyAction(state, { type: 'addRisk', id: S1 })).toThrow('That row already exists.');
    let full = initialWorkshopState();
    for (let i = 0; i < ROW_LIMITS.riskRows; i++)
      full = applyAction(full, {
        type: 'addRisk',
        id: `aaaaaaaa-aaaa-4aaa-8aaa-${String(i).padStart(12, '0')}`,
      });
    expect(() => applyAction(full, { type: 'addRisk', id: R2 })).toThrow(
      `The risk register can hold at most ${ROW_LIMITS.riskRows} risks.`,
    );
    expect(WorkshopStateSchema.safeParse(full).success).toBe(true);
    const tooMany = {
      ...full,
      notes: { ...full.notes, riskRows: [...full.notes.riskRows, full.notes.riskRows[0]!] },
    };
    expect(WorkshopStateSchema.safeParse(tooMany).error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([`The risk register can hold at most ${ROW_LIMITS.riskRows} risks.`]),
    );
  });

  it('refuse values with messages that name the field', () => {
    expect(refusal({ type: 'updateRisk', id: R1, field: 'mitigation', value: 'x'.repeat(401) })).toBe(
      'Mitigation must be 400 characters or fewer.',
    );
    expect(refusal({ type: 'updateRisk', id: R1, field: 'owner', value: 'x'.repeat(81) })).toBe(
      'Owner must be 80 characters or fewer.',
    );
    expect(refusal({ type: 'updateRisk', id: R1, field: 'impact', value: 'severe' })).toBe(
      'Choose low, medium or high.',
    );
    expect(refusal({ type: 'updateRisk', id: R1, field: 'risk', value: 'two\nlines' })).toBe(
      'Risk cannot contain line breaks or control characters.',
    );
    expect(refusal({ type: 'updateNextStep', id: S1, field: 'action', value: 'x'.repeat(201) })).toBe(
      'Next step must be 200 characters or fewer.',
    );
    expect(refusal({ type: 'updateNextStep', id: S1, field: 'due', value: '2027-02-30' })).toMatch(
      /^The due date must be a real date/,
    );
    expect(refusal({ type: 'updateNextStep', id: S1, field: 'due', value: '31/01/2027' })).toMatch(
      /^The due date must be a real date/,
    );
    expect(refusal({ type: 'updateNextStep', id: S1, field: 'due', value: '' })).toBe('');
    // Ids are UUIDs made by the app; a key such as __proto__ is not one.
    expect(refusal({ type: 'addRisk', id: '__proto__' })).toBe(
      'That row is not one this app made (its reference is not valid).',
    );
  });

  it('check a changed field as the row’s own schema checks it, for every field', () => {
    const samples = [
      '',
      'Fine',
      ' padded ',
      'low',
      'high',
      'severe',
      'x'.repeat(401),
      'two\nlines',
      'a\u202Eb',
      '2027-01-31',
      '2027-02-30',
    ];
    const rowRefusal = (
      schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } },
      value: string,
    ) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? '' : (parsed.error?.issues[0]?.message ?? '');
    };
    const risk = RiskRowSchema.shape;
    const step = ActionRowSchema.shape;
    for (const field of ['risk', 'likelihood', 'impact', 'mitigation', 'owner'] as const)
      for (const value of samples)
        expect(refusal({ type: 'updateRisk', id: R1, field, value }), `${field} ${value}`).toBe(
          rowRefusal(risk[field], value),
        );
    for (const field of ['action', 'owner', 'due'] as const)
      for (const value of samples)
        expect(refusal({ type: 'updateNextStep', id: S1, field, value }), `${field} ${value}`).toBe(
          rowRefusal(step[field], value),
        );
    // A row's id is never a field an update changes.
    expect(refusal({ type: 'updateRisk', id: R1, field: 'id', value: R2 })).toBe(
      'Choose the risk, its likelihood, impact, mitigation or owner.',
    );
    expect(refusal({ type: 'updateNextStep', id: S1, field: 'id', value: R2 })).toBe(
      'Choose the next step, its owner or its due date.',
    );
    // Every row action is known as one, and nothing else is.
    expect([...ROW_ACTION_TYPES].sort()).toEqual(
      ROW_ACTION_SCHEMAS.map((schema) => schema.shape.type.value).sort(),
    );
    expect(ROW_ACTION_TYPES.has('setNotes')).toBe(false);
  });

  it('keep text as typed (saved while typed) and print only the rows that say something, trimmed', () => {
    const state = run(
      withRows(),
      { type: 'addRisk', id: R2 },
      { type: 'updateRisk', id: R1, field: 'owner', value: ' Amara ' },
    );
    expect(state.notes.riskRows[0]?.owner).toBe(' Amara ');
    expect(printedRiskRows(state.notes.riskRows).map((row) => [row.id, row.owner])).toEqual([[R1, 'Amara']]);
    expect(printedActionRows([{ id: S1, action: '  ', owner: '', due: '' }])).toEqual([]);
  });

  it('merge the typing in one cell into one undo step, but not a level or a new row', () => {
    const type = (value: string): Action => ({ type: 'updateRisk', id: R1, field: 'risk', value });
    expect(coalesceKey(type('a'))).toBe(coalesceKey(type('ab')));
    expect(coalesceKey({ type: 'updateRisk', id: R1, field: 'owner', value: 'a' })).not.toBe(
      coalesceKey(type('a')),
    );
    expect(coalesceKey({ type: 'updateRisk', id: R1, field: 'impact', value: 'low' })).toBeNull();
    expect(coalesceKey({ type: 'addRisk', id: R1 })).toBeNull();
  });

  it('undo through the stored patch exactly', () => {
    const before = withRows();
    const after = run(before, { type: 'removeRisk', id: R1 });
    const patch = diff(before, after);
    expect(applyPatch(after, invert(patch))).toEqual(before);
    expect(applyPatch(before, patch)).toEqual(after);
  });
});

describe('the words for the rows', () => {
  const title = (action: Action, before: WorkshopState, after = applyAction(before, action)) =>
    describeChange(action, before, after, session);

  it('name the risk or step a change touched, in the history', () => {
    const state = withRows();
    expect(title({ type: 'addRisk', id: R2 }, state)).toBe('Added a risk');
    expect(title({ type: 'removeRisk', id: R1 }, state)).toBe('Removed the risk “The team is new to Django”');
    expect(title({ type: 'updateRisk', id: R1, field: 'owner', value: 'Amara' }, state)).toBe(
      'Made Amara the owner of the risk “The team is new to Django”',
    );
    expect(title({ type: 'updateRisk', id: R1, field: 'impact', value: 'high' }, state)).toBe(
      'Set the impact of the risk “The team is new to Django” to high',
    );
    expect(title({ type: 'updateNextStep', id: S1, field: 'due', value: '2027-02-01' }, state)).toBe(
      'Set the due date of the next step “Book the security review” to 2027-02-01',
    );
    const empty = run(state, { type: 'addNextStep', id: R2 });
    expect(title({ type: 'removeNextStep', id: R2 }, empty)).toBe('Removed an empty next step');
    // The undo button's short label never quotes user text.
    expect(describeAction({ type: 'removeRisk', id: R1 })).toBe('Removed a risk');
  });

  it('quote a long risk or step the same way in the history and in a comparison, cut at whole characters', () => {
    // 58 characters, then an emoji (two UTF-16 units) as the last one kept, then more.
    const long = `${'Hiring '.repeat(8)}Go🚀 and a good deal more after it`;
    const state = run(withRows(), { type: 'updateRisk', id: R1, field: 'risk', value: long });
    const shown = `${Array.from(long).slice(0, 59).join('').trimEnd()}…`;
    expect(Array.from(shown)).toHaveLength(60);
    expect(shown.endsWith('Go🚀…')).toBe(true);
    expect(title({ type: 'removeRisk', id: R1 }, state)).toBe(`Removed the risk “${shown}”`);
    const removed = run(state, { type: 'removeRisk', id: R1 });
    expect(
      changedRows(compareStates({ session, workshop: state }, { session, workshop: removed }))[0]?.what,
    ).toBe(`Risk “${shown}”`);
    const short = run(withRows(), { type: 'updateNextStep', id: S1, field: 'action', value: '  Book it  ' });
    expect(title({ type: 'removeNextStep', id: S1 }, short)).toBe('Removed the next step “Book it”');
  });

  it('compare one row per risk, matched by id, so an edit is one changed line', () => {
    const before = withRows();
    const after = run(before, { type: 'updateRisk', id: R1, field: 'impact', value: 'high' });
    expect(changedRows(compareStates({ session, workshop: before }, { session, workshop: after }))).toEqual([
      {
        what: 'Risk “The team is new to Django”',
        before:
          'The team is new to Django (likelihood high, impact medium); mitigation: Two weeks of pairing with a contractor; owner: Amara',
        after:
          'The team is new to Django (likelihood high, impact high); mitigation: Two weeks of pairing with a contractor; owner: Amara',
        changed: true,
      },
    ]);
    const removed = run(before, { type: 'removeNextStep', id: S1 });
    expect(changedRows(compareStates({ session, workshop: before }, { session, workshop: removed }))).toEqual(
      [
        {
          what: 'Next step “Book the security review”',
          before: 'Book the security review; owner: Ben; due 2027-01-31',
          after: null,
          changed: true,
        },
      ],
    );
  });

  it('count as the risks and the next steps of the report', () => {
    const before = initialWorkshopState();
    const brand = { logo: null } as never;
    expect(
      reportChanges({ session, workshop: before, brand }, { session, workshop: withRows(), brand }),
    ).toEqual(['risks', 'nextSteps']);
  });
});

describe('checking only the parts a row action changed', () => {
  const ids = [R1, R2, S1, '__proto__'];
  const arbitrary = fc.oneof(
    fc.record({
      type: fc.constantFrom('addRisk', 'removeRisk', 'addNextStep', 'removeNextStep'),
      id: fc.constantFrom(...ids),
    }),
    fc.record({
      type: fc.constantFrom('moveRisk', 'moveNextStep'),
      id: fc.constantFrom(...ids),
      offset: fc.constantFrom(-1, 1),
    }),
    fc.record({
      type: fc.constant('updateRisk'),
      id: fc.constantFrom(...ids),
      field: fc.constantFrom('risk', 'likelihood', 'impact', 'mitigation', 'owner'),
      value: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('low', 'high', 'x'.repeat(401), 'a\nb')),
    }),
    fc.record({
      type: fc.constant('updateNextStep'),
      id: fc.constantFrom(...ids),
      field: fc.constantFrom('action', 'owner', 'due'),
      value: fc.constantFrom('', 'Pilot', '2027-01-31', '2027-02-30', ' padded '),
    }),
  ) as fc.Arbitrary<Action>;

  it('accepts only what the whole check accepts and returns unchanged', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(arbitrary, { minLength: 1, maxLength: 30 }), (actions) => {
        let state = initialWorkshopState();
        for (const action of actions) {
          let after: WorkshopState;
          try {
            // Unparsed on purpose: values the boundary refuses reach the reducer too.
            after = applyAction(state, action);
          } catch {
            continue;
          }
          const whole = WorkshopStateSchema.safeParse(after);
          if (changedPartsValid(after, diff(state, after))) {
            accepted++;
            expect(whole.success).toBe(true);
            expect(whole.data).toEqual(after);
          }
          if (whole.success) state = whole.data;
        }
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
