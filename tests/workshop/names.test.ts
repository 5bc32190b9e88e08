import { describe, expect, it } from 'vitest';
import { BrandFieldsSchema, DEFAULT_BRAND } from '@shared/brands/schema';
import { errorFromZod } from '@shared/ipc/result';
import { buildReport, reportFileName } from '@shared/report/model';
import { SessionDraftSchema } from '@shared/sessions/schema';
import type { Session } from '@shared/sessions/schema';
import { SnapshotNameSchema } from '@shared/snapshots/schema';
import {
  ActionSchema,
  applyAction,
  initialWorkshopState,
  WorkshopRuleError,
  WorkshopStateSchema,
} from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const SESSION: Session = {
  id: '3d9a7c1e-5b2f-4e8a-9c6d-0e1f2a3b4c5d',
  clientName: 'Northwind',
  projectName: 'Portal',
  facilitator: 'Dana',
  workshopDate: '2026-03-12',
  description: '',
  participants: [],
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-12T16:30:00.000Z',
};

/** The message a person sees when the action is refused at the boundary, or null when it passes. */
function refusal(action: unknown): string | null {
  const parsed = ActionSchema.safeParse(action);
  return parsed.success ? null : errorFromZod(parsed.error).message;
}

function run(...actions: Action[]): WorkshopState {
  return actions.reduce(
    (state, action) => applyAction(state, ActionSchema.parse(action)),
    initialWorkshopState(),
  );
}

describe('criterion and candidate names', () => {
  const hostile = {
    NUL: 'Hiring\u0000market',
    ESC: 'Hiring\u001b[31mmarket',
    tab: 'Hiring\tmarket',
    newline: 'Hiring\nmarket',
    'C1 control': 'Hiring\u0085market',
    'right-to-left override': 'Report\u202Efdp.exe',
    'left-to-right embedding': 'Hiring\u202Amarket',
    'first-strong isolate': 'Hiring\u2068market\u2069',
  };

  it.each(Object.entries(hostile))('refuse a %s, naming the field', (_what, name) => {
    expect(refusal({ type: 'addCriterion', id: 'hiring', name, description: '' })).toMatch(
      /^Criterion name /,
    );
    expect(refusal({ type: 'updateCriterion', id: 'hiring', name, description: '' })).toMatch(
      /^Criterion name /,
    );
    expect(refusal({ type: 'addCandidate', id: 'fastapi', name })).toMatch(/^Candidate name /);
    expect(refusal({ type: 'renameCandidate', id: 'fastapi', name })).toMatch(/^Candidate name /);
  });

  it('refuse control characters in a criterion description', () => {
    expect(refusal({ type: 'addCriterion', id: 'hiring', name: 'Hiring', description: 'a\u0000b' })).toMatch(
      /description/i,
    );
  });

  it('keep plain right-to-left names working', () => {
    for (const name of ['سوق التوظيف', 'שוק העבודה', 'Hiring (שוק)'])
      expect(refusal({ type: 'addCriterion', id: 'hiring', name, description: '' })).toBeNull();
    const state = run(
      { type: 'addCriterion', id: 'hiring', name: 'سوق التوظيف', description: '' },
      { type: 'addCandidate', id: 'rails', name: 'ריילס' },
    );
    expect(state.criteria.at(-1)?.name).toBe('سوق التوظيف');
    expect(state.candidates.at(-1)?.name).toBe('ריילס');
  });

  it('are still read from a stored document, which an earlier version may have saved', () => {
    // Typed names and imported files are refused (tests/portable/portable.test.ts); what the
    // database already holds stays readable (tests/db/legacyNames.test.ts).
    const state = initialWorkshopState();
    const stored = {
      ...state,
      candidates: [...state.candidates, { id: 'x', name: 'Go\u202Eog', builtIn: false }],
    };
    expect(WorkshopStateSchema.safeParse(stored).success).toBe(true);
  });
});

describe('duplicate names', () => {
  const refused = (...actions: Action[]) => {
    try {
      run(...actions);
    } catch (error) {
      if (error instanceof WorkshopRuleError) return { message: error.message, field: error.field };
      throw error;
    }
    return null;
  };

  it('refuse a criterion named like another, ignoring case and accents', () => {
    expect(refused({ type: 'addCriterion', id: 'sec', name: 'SECURITY', description: '' })).toEqual({
      message: 'There is already a criterion called “Security”; give this one a different name.',
      field: 'name',
    });
    expect(
      refused(
        { type: 'addCriterion', id: 'cafe', name: 'Café culture', description: '' },
        { type: 'addCriterion', id: 'cafe-2', name: '  cafe   CULTURE ', description: '' },
      )?.message,
    ).toMatch(/already a criterion called “Café culture”/);
    expect(
      refused(
        { type: 'addCriterion', id: 'a', name: 'Hiring', description: '' },
        { type: 'addCriterion', id: 'b', name: 'Hosting', description: '' },
        { type: 'updateCriterion', id: 'b', name: 'hiring', description: '' },
      )?.message,
    ).toMatch(/already a criterion called “Hiring”/);
  });

  it('refuse a candidate named like another, and let an item keep its own name', () => {
    expect(refused({ type: 'addCandidate', id: 'dj', name: 'django' })?.message).toBe(
      'There is already a candidate called “Django”; give this one a different name.',
    );
    expect(
      refused(
        { type: 'addCandidate', id: 'go', name: 'Go' },
        { type: 'addCandidate', id: 'rails', name: 'Rails' },
        { type: 'renameCandidate', id: 'rails', name: 'GO' },
      )?.message,
    ).toMatch(/already a candidate called “Go”/);
    expect(
      refused(
        { type: 'addCandidate', id: 'go', name: 'Go' },
        { type: 'renameCandidate', id: 'go', name: 'go' },
        { type: 'addCriterion', id: 'h', name: 'Hiring', description: '' },
        { type: 'updateCriterion', id: 'h', name: 'HIRING', description: 'More words' },
      ),
    ).toBeNull();
  });
});

describe('file names the app suggests', () => {
  it('carry no direction or control characters', () => {
    const session = { ...SESSION, clientName: 'Acme\u202Efdp.exe', projectName: 'Port\u2066al\u0007\u200B' };
    const name = reportFileName(session, '2026-03-13T10:00:00.000Z');
    expect(name).toBe('Acme fdp.exe - Port al - 2026-03-13.pdf');
    expect(name).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    const report = buildReport({
      session,
      state: initialWorkshopState(),
      brand: { ...DEFAULT_BRAND },
      generatedAt: '2026-03-13T10:00:00.000Z',
      appVersion: 'test',
    });
    expect(report.fileName).toBe(name);
  });

  it('keep right-to-left words and never split a character', () => {
    const session = { ...SESSION, clientName: 'شركة النقل', projectName: `${'😀'.repeat(59)}x` };
    expect(reportFileName(session, '2026-03-13T10:00:00.000Z')).toBe(
      `شركة النقل - ${'😀'.repeat(59)}x - 2026-03-13.pdf`,
    );
  });
});

describe('every other single-line name', () => {
  const spoof = 'Acme\u202Efdp.exe';
  const firstMessage = (result: { success: boolean; error?: Parameters<typeof errorFromZod>[0] }) =>
    result.error ? errorFromZod(result.error).message : null;
  const session = {
    clientName: 'Northwind',
    projectName: 'Portal',
    facilitator: 'Dana',
    workshopDate: '2026-03-12',
  };

  const { logo: _logo, clientLogo: _clientLogo, ...brandFields } = DEFAULT_BRAND;

  it('refuses direction controls, naming the field, and keeps right-to-left text', () => {
    expect(BrandFieldsSchema.safeParse(brandFields).success).toBe(true);
    expect(firstMessage(SessionDraftSchema.safeParse({ ...session, clientName: spoof }))).toMatch(
      /^Client name /,
    );
    expect(
      firstMessage(SessionDraftSchema.safeParse({ ...session, participants: [{ name: `Ann${'\u2066'}` }] })),
    ).toMatch(/^Participant name /);
    expect(firstMessage(BrandFieldsSchema.safeParse({ ...brandFields, companyName: spoof }))).toMatch(
      /^Company name /,
    );
    expect(firstMessage(SnapshotNameSchema.safeParse(spoof))).toMatch(/^The snapshot name /);
    expect(firstMessage(SnapshotNameSchema.safeParse('Before\u0000lunch'))).toMatch(/control characters/);
    expect(SessionDraftSchema.safeParse({ ...session, clientName: 'شركة النقل' }).success).toBe(true);
    expect(SnapshotNameSchema.safeParse('לפני הצהריים').success).toBe(true);
  });
});
