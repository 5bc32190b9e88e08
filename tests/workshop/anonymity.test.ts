/**
 * The three levels of anonymity: documents from before them read as the level they meant, a round
 * cannot move to or from "hidden from everyone" once it has ballots, and ballots stored without a
 * name count as voters everywhere while nothing (report, record, verdict, the shared screen's next
 * steps) ever names them, not even as the owner of a risk or a next step.
 */
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SAATY_SCALE } from '@shared/decision';
import { decisionRecord } from '@shared/portable/exports';
import { buildReport } from '@shared/report/model';
import type { BallotSubmission } from '@shared/room/schema';
import type { Session } from '@shared/sessions/schema';
import {
  ActionSchema,
  anonymityNotice,
  anonymityOf,
  applyAction,
  evaluateWorkshop,
  hiddenView,
  initialWorkshopState,
  pairKey,
  remapParticipants,
  toggledAnonymity,
  WorkshopRuleError,
  WorkshopStateSchema,
} from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import { DEMO_BRAND } from '../../src-main/report/demo';
import { PresenterNextSteps } from '../../src-renderer/src/features/presenter/PresenterNextSteps';
import { storedSession } from '../helpers/fixtures';

const people = [
  { id: '11111111-1111-4111-8111-111111111111', name: 'Agnieszka Wróbel' },
  { id: '22222222-2222-4222-8222-222222222222', name: 'Bartholomew Quince' },
  { id: '33333333-3333-4333-8333-333333333333', name: 'Chiamaka Obi' },
];
const [ann, ben] = people.map((p) => p.id) as [string, string];
const ballotIds = [
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
];
const session: Session = storedSession({ participants: people });
const ids = initialWorkshopState().criteria.map((c) => c.id);

const apply = (state: WorkshopState, ...actions: unknown[]) =>
  actions.reduce<WorkshopState>((current, action) => applyAction(current, ActionSchema.parse(action)), state);
const level = (anonymity: string) => ({ type: 'setAnonymity', anonymity });
const byDevice = (participantId: string, ballot: BallotSubmission) => ({
  type: 'submitBallot',
  voter: { participantId },
  ballot,
});
const anonymously = (ballotId: string, ballot: BallotSubmission) => ({
  type: 'submitBallot',
  voter: { ballotId },
  ballot,
});
const ranking = (order: readonly string[]): BallotSubmission => ({ method: 'rank', ranking: [...order] });
const refusal = (run: () => unknown): WorkshopRuleError => {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkshopRuleError) return error;
    throw error;
  }
  throw new Error('expected the reducer to refuse');
};

/** A document as the release before saved it: one `anonymous` switch, rounds without a level. */
function savedBefore(anonymous: boolean, rounds = 2): unknown {
  const state = apply(initialWorkshopState(), byDevice(ann, ranking(ids)), { type: 'startRound' });
  const raw = JSON.parse(JSON.stringify(state)) as Record<string, unknown> & {
    rounds: Array<Record<string, unknown>>;
  };
  raw.rounds = raw.rounds.slice(0, rounds).map(({ anonymity: _a, anonymousBallots: _b, ...round }) => round);
  return { ...raw, anonymous };
}

describe('documents saved with one anonymous switch', () => {
  it.each([
    [true, 'hiddenFromRoom'],
    [false, 'named'],
  ] as const)('read anonymous: %s as %s, every round, and read the same again', (anonymous, expected) => {
    const read = WorkshopStateSchema.parse(savedBefore(anonymous));
    expect(read.rounds.map((r) => r.anonymity)).toEqual([expected, expected]);
    expect(read.rounds.map((r) => Object.keys(r.anonymousBallots))).toEqual([[], []]);
    expect(Object.hasOwn(read, 'anonymous')).toBe(false);
    const again = JSON.parse(JSON.stringify(read)) as unknown;
    expect(WorkshopStateSchema.parse(again)).toEqual(again);
  });

  it('read the old switch action as the level it meant', () => {
    expect(anonymityOf(apply(initialWorkshopState(), { type: 'setAnonymous', anonymous: true }))).toBe(
      'hiddenFromRoom',
    );
    const on = apply(initialWorkshopState(), level('hiddenFromRoom'));
    expect(anonymityOf(apply(on, { type: 'setAnonymous', anonymous: false }))).toBe('named');
  });
});

describe('the level of a round', () => {
  it('starts named, and a new round keeps the level the last one had', () => {
    expect(anonymityOf(initialWorkshopState())).toBe('named');
    const state = apply(initialWorkshopState(), level('hiddenFromEveryone'), { type: 'startRound' });
    expect(state.rounds.map((r) => r.anonymity)).toEqual(['hiddenFromEveryone', 'hiddenFromEveryone']);
  });

  it('moves between named and hidden from the room whenever, ballots or not', () => {
    const voted = apply(initialWorkshopState(), byDevice(ann, ranking(ids)));
    expect(anonymityOf(apply(voted, level('hiddenFromRoom')))).toBe('hiddenFromRoom');
    expect(anonymityOf(apply(voted, level('hiddenFromRoom'), level('named')))).toBe('named');
  });

  it.each([
    ['a vote', [byDevice(ann, ranking(ids))]],
    ['an abstention', [{ type: 'abstain', participantId: ann }]],
  ])('cannot be made hidden from everyone once the round has %s', (_, actions) => {
    const state = apply(initialWorkshopState(), ...actions);
    const error = refusal(() => apply(state, level('hiddenFromEveryone')));
    expect(error.field).toBe('anonymity');
    expect(error.message).toMatch(/after the fact/);
    // A new round can be.
    expect(anonymityOf(apply(state, { type: 'startRound' }, level('hiddenFromEveryone')))).toBe(
      'hiddenFromEveryone',
    );
  });

  it('cannot leave hidden from everyone once the round has an anonymous ballot', () => {
    const state = apply(
      initialWorkshopState(),
      level('hiddenFromEveryone'),
      anonymously(ballotIds[0]!, ranking(ids)),
    );
    for (const other of ['named', 'hiddenFromRoom'])
      expect(refusal(() => apply(state, level(other))).message).toMatch(/cannot be given them/);
    // Before any ballot it can still be changed back.
    expect(anonymityOf(apply(initialWorkshopState(), level('hiddenFromEveryone'), level('named')))).toBe(
      'named',
    );
  });

  it('is said before the round starts, most plainly where it cannot be taken back', () => {
    expect(anonymityNotice('named')).toBeNull();
    expect(anonymityNotice('hiddenFromRoom')).toMatch(/still shows who said what/);
    expect(anonymityNotice('hiddenFromEveryone')).toMatch(/without any link to a name.*cannot be undone/);
  });

  it('is toggled by the shortcut between named and hidden from the room, never into hidden from everyone', () => {
    expect(toggledAnonymity('named')).toBe('hiddenFromRoom');
    expect(toggledAnonymity('hiddenFromRoom')).toBe('named');
    expect(toggledAnonymity('hiddenFromEveryone')).toBe('named');
  });
});

describe('a ballot at hidden from everyone', () => {
  const hidden = apply(initialWorkshopState(), level('hiddenFromEveryone'));

  it('is stored under its own id, linked to nobody, and replaced when sent again', () => {
    const once = apply(hidden, anonymously(ballotIds[0]!, ranking(ids)));
    const twice = apply(once, anonymously(ballotIds[0]!, ranking([...ids].reverse())));
    const round = twice.rounds[0]!;
    expect(Object.keys(round.anonymousBallots)).toEqual([ballotIds[0]]);
    expect(round.anonymousBallots[ballotIds[0]!]?.ranking).toEqual([...ids].reverse());
    expect(round.inputs).toEqual({});
    expect(round.votes).toEqual({});
  });

  it('refuses a ballot that carries a name, or an anonymous one in a round that is not hidden', () => {
    expect(refusal(() => apply(hidden, byDevice(ann, ranking(ids)))).message).toMatch(/cannot carry a name/);
    const named = initialWorkshopState();
    expect(refusal(() => apply(named, anonymously(ballotIds[0]!, ranking(ids)))).field).toBe('voter');
  });

  it('refuses an anonymous ballot under a participant’s own reference', () => {
    const known = apply(initialWorkshopState(), { type: 'setRole', participantId: ann, role: 'voter' });
    const state = apply(known, level('hiddenFromEveryone'));
    expect(refusal(() => apply(state, anonymously(ann, ranking(ids)))).field).toBe('voter.ballotId');
  });

  it('is checked complete like any ballot', () => {
    expect(refusal(() => apply(hidden, anonymously(ballotIds[0]!, ranking(ids.slice(1))))).field).toBe(
      'ballot.ranking',
    );
  });

  it('follows a criterion removed afterwards, and still counts', () => {
    const state = apply(
      initialWorkshopState(),
      { type: 'addCriterion', id: 'hosting', name: 'Hosting', description: '' },
      level('hiddenFromEveryone'),
    );
    const withAll = apply(state, anonymously(ballotIds[0]!, ranking(state.criteria.map((c) => c.id))));
    const after = apply(withAll, { type: 'removeCriterion', id: 'hosting' });
    expect(after.rounds[0]?.anonymousBallots[ballotIds[0]!]?.ranking).toEqual(ids);
    expect(evaluateWorkshop(after, people).counted).toHaveLength(1);
  });
});

/** One complete ballot for the built-in criteria, in any method. */
const ballotArb: fc.Arbitrary<BallotSubmission> = fc.oneof(
  fc
    .array(fc.integer({ min: 1, max: 10 }), { minLength: ids.length, maxLength: ids.length })
    .map((v): BallotSubmission => ({
      method: 'direct',
      direct: Object.fromEntries(ids.map((id, i) => [id, v[i] ?? 1])),
    })),
  fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }).map(ranking),
  fc.array(fc.constantFrom(...SAATY_SCALE), { minLength: 21, maxLength: 21 }).map((v): BallotSubmission => {
    const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => pairKey(a, b).key));
    return { method: 'pairwise', pairwise: Object.fromEntries(pairs.map((key, i) => [key, v[i] ?? 1])) };
  }),
);

describe('anonymous ballots in the result', () => {
  it('count as the same ballots from named voters would, one voter each (property)', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { minLength: 1, maxLength: 3 }), (ballots) => {
        const named = apply(initialWorkshopState(), ...ballots.map((b, i) => byDevice(people[i]!.id, b)));
        const anonymous = apply(
          initialWorkshopState(),
          level('hiddenFromEveryone'),
          ...ballots.map((b, i) => anonymously(ballotIds[i]!, b)),
        );
        const a = evaluateWorkshop(named, people);
        const b = evaluateWorkshop(anonymous, people);
        expect(b.counted.length + b.ballots.inconsistent.filter((x) => !x.included).length).toBe(
          ballots.length,
        );
        expect(b.counted.length).toBe(a.counted.length);
        expect(b.ballots).toMatchObject({ voted: a.ballots.voted, notYet: a.ballots.notYet, abstained: 0 });
        b.evaluation.weights.forEach((w, k) => expect(w).toBeCloseTo(a.evaluation.weights[k] ?? NaN, 12));
        // Never a participant: each is "Anonymous ballot N".
        for (const p of [...b.counted, ...b.ballots.inconsistent.map((x) => x.participant)])
          expect(p.name).toMatch(/^Anonymous ballot \d$/);
        // The hidden view counts them the same way, and calls no one "not yet" who may have voted.
        expect(hiddenView(anonymous, people)).toMatchObject({
          voters: [],
          ballots: { voted: ballots.length, abstained: 0, notYet: people.length - ballots.length },
        });
      }),
      { numRuns: 60 },
    );
  });

  it('count an inconsistent one only when the facilitator includes it, and keep that on a copied session', () => {
    const contradictory: BallotSubmission = {
      method: 'pairwise',
      pairwise: Object.fromEntries(
        ids.flatMap((a, i) => ids.slice(i + 1).map((b, j) => [pairKey(a, b).key, (i + j) % 2 ? 9 : 1 / 9])),
      ),
    };
    const state = apply(
      initialWorkshopState(),
      level('hiddenFromEveryone'),
      anonymously(ballotIds[0]!, contradictory),
    );
    const result = evaluateWorkshop(state, people);
    expect(result.ballots.inconsistent).toHaveLength(1);
    const included = apply(state, {
      type: 'includeInconsistent',
      participantId: ballotIds[0],
      include: true,
    });
    expect(evaluateWorkshop(included, people).counted).toHaveLength(1);
    const copied = remapParticipants(included, new Map(people.map((p) => [p.id, p.id.replace(/^1/, '9')])));
    expect(evaluateWorkshop(copied, people).counted).toHaveLength(1);
  });
});

describe('the report and the decision record', () => {
  const generatedAt = '2026-03-13T10:00:00.000Z';
  const text = (state: WorkshopState) =>
    JSON.stringify(buildReport({ session, state, brand: DEMO_BRAND, generatedAt, appVersion: '1.2.3' })) +
    decisionRecord(session, state);
  const roomOf = (anonymity: string) =>
    apply(
      initialWorkshopState(),
      level(anonymity),
      ...(anonymity === 'hiddenFromEveryone'
        ? [anonymously(ballotIds[0]!, ranking(ids)), anonymously(ballotIds[1]!, ranking([...ids].reverse()))]
        : [byDevice(ann, ranking(ids)), byDevice(ben, ranking([...ids].reverse()))]),
    );

  it.each([
    ['named', /Named: everyone could see who said what\./],
    ['hiddenFromRoom', /Hidden from the room: screens showed counts and numbers only/],
    [
      'hiddenFromEveryone',
      /Hidden from everyone: ballots from devices were stored without any link to a name/,
    ],
  ])('state the level a one-round workshop ran under (%s)', (anonymity, sentence) => {
    expect(text(roomOf(anonymity))).toMatch(sentence);
  });

  it('state each round’s level when there were several', () => {
    const state = apply(roomOf('named'), { type: 'startRound' }, level('hiddenFromEveryone'), {
      type: 'startRound',
    });
    const all = text(state);
    expect(all).toContain('Round 1: Named; Round 2: Hidden from everyone; Round 3: Hidden from everyone.');
    expect(all).toMatch(/Named: everyone could see.*Hidden from everyone: ballots from devices/);
  });

  /** Risks and next steps owned by participants (typed in any case, spacing or accents) and by others. */
  const withOwners = (state: WorkshopState): WorkshopState => {
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const risk = (n: number, owner: string) => ({
      id: id(n),
      risk: `Risk ${n}`,
      likelihood: 'high' as const,
      impact: 'medium' as const,
      mitigation: 'A spike first',
      owner,
    });
    return {
      ...state,
      notes: {
        ...state.notes,
        riskRows: [
          risk(1, 'Agnieszka Wróbel'),
          risk(2, 'bartholomew   QUINCE'),
          risk(3, 'Chiamaka Obi and the IT team'),
          risk(4, 'Jan Nowak'),
        ],
        actionRows: [
          { id: id(5), action: 'Book the spike', owner: 'agnieszka wrobel', due: '2026-03-27' },
          { id: id(6), action: 'Ask legal', owner: 'Legal', due: '' },
        ],
      },
    };
  };
  /** A name as someone might type it: any case, without its accents. */
  const spellings = (name: string) => [
    name,
    name.toLocaleLowerCase(),
    name.normalize('NFKD').replace(/\p{M}/gu, ''),
  ];

  it.each(['hiddenFromRoom', 'hiddenFromEveryone'])(
    'count ballots and never name anyone, not even as an owner (%s)',
    (anonymity) => {
      const state = withOwners(roomOf(anonymity));
      const all = text(state);
      const presenter = renderToStaticMarkup(
        createElement(PresenterNextSteps, {
          state,
          participants: people,
          nameOf: (participantId: string) =>
            `Participant ${people.findIndex((p) => p.id === participantId) + 1}`,
        }),
      );
      expect(all).toMatch(/2 voters weighed the criteria by ranking\./);
      if (anonymity === 'hiddenFromEveryone') expect(all).toContain('Anonymous ballot');
      for (const person of people) {
        for (const shown of [all, presenter]) {
          for (const spelling of spellings(person.name))
            expect(shown.toLocaleLowerCase()).not.toContain(spelling.toLocaleLowerCase());
          expect(shown).not.toContain(person.id);
        }
      }
      for (const id of ballotIds) expect(all).not.toContain(id);
      // Owners print as the report names the participant; anyone else as typed, and the documents say so.
      expect(all).toContain('owned by Participant 1, due 27 March 2026');
      expect(all).toContain('Participant 3 and the IT team');
      expect(all).toContain('Jan Nowak');
      expect(all).toContain('Owner: Participant 2');
      expect(all).toContain('This report names participants by number only.');
      expect(all.split('Owners who are not participants are shown as entered.')).toHaveLength(3);
      expect(presenter).toContain('(Participant 1, by 27 March 2026)');
      expect(presenter).toContain('(Legal)');
    },
  );

  it('print owners as typed when names are shown, and say nothing about them', () => {
    const all = text(withOwners(roomOf('named')));
    expect(all).toContain('Agnieszka Wróbel');
    expect(all).toContain('owned by agnieszka wrobel');
    expect(all).not.toContain('shown as entered');
  });

  it('say nothing about owners when every owner is a participant', () => {
    const state = withOwners(roomOf('hiddenFromRoom'));
    const rows = {
      ...state,
      notes: {
        ...state.notes,
        riskRows: state.notes.riskRows.slice(0, 2),
        actionRows: state.notes.actionRows.slice(0, 1),
      },
    };
    const all = text(rows);
    expect(all).toContain('Owner: Participant 2');
    expect(all).not.toContain('shown as entered');
  });
});
