/**
 * One workshop as a facilitator runs it, call by call through the app's channels: the session
 * form (its description typed in a burst), the project profile, weights entered by each person
 * with their own method (slider drags that coalesce, 100 points, rankings, a few pairwise), rating
 * overrides with notes, notes typed in bursts, undo and redo, sometimes a second round, a named
 * snapshot and a report export. Every choice comes from the seeded `Random`, every moment from the
 * injected clock, so the same seed gives the same session.
 */
import type { Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract';
import { PROJECT_QUESTIONS, SAATY_SCALE } from '@shared/decision';
import type { Action } from '@shared/workshop';
import { FACILITATORS, FIRST_NAMES, LAST_NAMES, PROJECTS, WORDS } from './random';
import type { Random } from './random';

export type Call = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

export type Clock = { now(): Date; advance(ms: number): void };

export type Shape = { criteria: number; candidates: number; people: number };
export const TYPICAL: Shape = { criteria: 7, candidates: 2, people: 0 };
export const LARGE: Shape = { criteria: 40, candidates: 8, people: 40 };

const BUILT_IN_CRITERIA = [
  'performance',
  'scalability',
  'development-speed',
  'learning-curve',
  'ecosystem',
  'use-case-fit',
  'security',
];
const BUILT_IN_CANDIDATES = ['django', 'nodejs'];
const SECOND = 1000;

/**
 * A call the app failed with an internal error (a defect, not a refusal): the generator records it
 * and goes on, as the user would after "Something went wrong", so one defect does not stop a
 * 10,000-session run. Each is listed in `APP_FAILURES` and printed.
 */
export class AppFailure extends Error {}
export const APP_FAILURES: string[] = [];

/**
 * An action the app refused with its reason (an invalid_input answer), such as a zero that would
 * leave the geometric mean at zero everywhere: the facilitator reads the message and goes on, so
 * the generator does too. Counted in `APP_REFUSALS` and printed; the same seed refuses the same.
 */
export class AppRefusal extends Error {}
export const APP_REFUSALS: string[] = [];

async function tolerate(task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof AppRefusal) APP_REFUSALS.push(error.message);
    else if (!(error instanceof AppFailure)) throw error;
  }
}

/** The open workshop of one session, applied one action at a time on the last receipt, as the console does. */
export class Workshop {
  revision = 0;
  constructor(
    private readonly call: Call,
    private readonly clock: Clock,
    readonly sessionId: string,
    readonly criteria: string[],
    readonly candidates: string[],
    readonly people: string[],
  ) {}

  /** Applies `action` `gap` ms after the previous one (under 2 s, the same control's changes coalesce). */
  async apply(action: Action, gap: number): Promise<void> {
    this.clock.advance(gap);
    await tolerate(async () => {
      const receipt = await this.call('workshop:apply', {
        sessionId: this.sessionId,
        baseRevision: this.revision,
        action,
      });
      this.revision = receipt.revision;
    });
  }

  async undo(gap: number): Promise<void> {
    this.clock.advance(gap);
    await tolerate(async () => {
      this.revision = (
        await this.call('workshop:undo', { sessionId: this.sessionId, baseRevision: this.revision })
      ).revision;
    });
  }

  async redo(gap: number): Promise<void> {
    this.clock.advance(gap);
    await tolerate(async () => {
      this.revision = (
        await this.call('workshop:redo', { sessionId: this.sessionId, baseRevision: this.revision })
      ).revision;
    });
  }
}

/** A pause between two separate edits: long enough never to coalesce. */
const pause = (random: Random) => random.int(3, 25) * SECOND;

function sentence(random: Random, words: number): string {
  return Array.from({ length: words }, () => random.pick(WORDS)).join(' ');
}

/** A slider dragged a few steps, each step an autosave within the coalescing window. */
async function dragSlider(ws: Workshop, random: Random, person: string, criterion: string): Promise<void> {
  let value = 5;
  const target = random.int(0, 10);
  const step = target > value ? 1 : -1;
  let gap = pause(random);
  // A drag sends a value every few hundred ms; big jumps are sent as a few intermediate values.
  for (let moves = 0; value !== target && moves < 3; moves++) {
    value = moves === 2 ? target : value + step * random.int(1, 2);
    if ((step > 0 && value > target) || (step < 0 && value < target)) value = target;
    await ws.apply({ type: 'setDirect', participantId: person, criterionId: criterion, value }, gap);
    gap = random.int(150, 400);
  }
}

/** Notes typed in one burst: the text grows by a few words each autosave, which coalesce. */
async function typeNotes(
  ws: Workshop,
  random: Random,
  field: 'notes' | 'risks' | 'nextSteps',
  text: string,
): Promise<string> {
  let gap = pause(random);
  for (let chunks = random.int(2, 5); chunks > 0; chunks--) {
    text = `${text}${text ? ' ' : ''}${sentence(random, random.int(3, 9))}`.slice(0, 4000);
    await ws.apply({ type: 'setNotes', field, text }, gap);
    gap = random.int(300, 900);
  }
  return text;
}

/** One person's weights with their method; returns nothing, the workshop keeps the revision. */
async function enterWeights(ws: Workshop, random: Random, person: string, criteria: string[]): Promise<void> {
  const roll = random.next();
  const method = roll < 0.55 ? 'direct' : roll < 0.8 ? 'points' : roll < 0.93 ? 'rank' : 'pairwise';
  await ws.apply({ type: 'setMethod', participantId: person, method }, pause(random));
  if (random.chance(0.15)) {
    // "Use the suggested weights": the values on screen become the vote.
    await ws.apply({ type: 'castVote', participantId: person }, pause(random));
    return;
  }
  const touched = random.sample(criteria, Math.min(criteria.length, random.int(2, 4)));
  switch (method) {
    case 'direct':
      for (const criterion of touched) await dragSlider(ws, random, person, criterion);
      return;
    case 'points':
      for (const criterion of touched) {
        const value = random.int(5, 35);
        await ws.apply(
          { type: 'setPoints', participantId: person, criterionId: criterion, value },
          pause(random),
        );
      }
      return;
    case 'rank':
      for (const criterion of touched)
        await ws.apply(
          {
            type: 'moveRank',
            participantId: person,
            criterionId: criterion,
            offset: random.chance(0.6) ? -1 : 1,
          },
          pause(random),
        );
      return;
    case 'pairwise':
      for (let i = random.int(3, 8); i > 0; i--) {
        const [a, b] = random.sample(criteria, 2);
        if (a === undefined || b === undefined) return;
        await ws.apply(
          { type: 'setJudgment', participantId: person, a, b, value: random.pick(SAATY_SCALE) },
          pause(random),
        );
      }
  }
}

function personName(random: Random, taken: Set<string>): string {
  for (;;) {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export type SessionPlan = { client: string; shape: Shape; extraChanges?: number };

/** How far a session got; the list's status filter sees the same mix. */
type Reach = 'draft' | 'workshop' | 'recommendation';

/**
 * Runs one session from the form to (perhaps) its report. `extraChanges` adds that many more
 * separate edits at the end (the bench's 1,500-change session).
 */
export async function runSession(
  call: Call,
  clock: Clock,
  random: Random,
  plan: SessionPlan,
): Promise<string> {
  const { shape } = plan;
  const taken = new Set<string>();
  const people = shape.people || random.int(3, 12);
  const session = await call('sessions:create', {
    clientName: plan.client,
    projectName: `${random.pick(PROJECTS)} ${random.int(2021, 2026)}`,
    facilitator: random.pick(FACILITATORS),
    workshopDate: clock.now().toISOString().slice(0, 10),
    participants: Array.from({ length: people }, () => ({ name: personName(random, taken) })),
  });
  let revision = session.revision;
  if (random.chance(0.35)) {
    // The description typed in the form: autosaves a second or two apart, one history entry.
    let description = '';
    for (let chunks = random.int(2, 4); chunks > 0; chunks--) {
      clock.advance(random.int(800, 2500));
      description = `${description} ${sentence(random, random.int(4, 10))}`.trim();
      revision = (
        await call('sessions:update', { id: session.id, baseRevision: revision, patch: { description } })
      ).revision;
    }
  }
  const roll = random.next();
  const reach: Reach =
    plan.extraChanges || shape.people
      ? 'recommendation'
      : roll < 0.08
        ? 'draft'
        : roll < 0.4
          ? 'workshop'
          : 'recommendation';
  if (reach === 'draft') return session.id;

  const ws = new Workshop(
    call,
    clock,
    session.id,
    [...BUILT_IN_CRITERIA],
    [...BUILT_IN_CANDIDATES],
    session.participants.map((p) => p.id),
  );
  for (const question of random.sample(PROJECT_QUESTIONS, random.int(3, PROJECT_QUESTIONS.length)))
    await ws.apply(
      {
        type: 'setAnswer',
        question: question.id,
        value: random.pick<{ value: string }>(question.options).value,
      },
      pause(random),
    );

  await ws.apply({ type: 'setStep', step: 'criteria' }, pause(random));
  for (let i = 0; i < shape.criteria - 7; i++) {
    const id = `criterion-${i + 1}`;
    await ws.apply(
      { type: 'addCriterion', id, name: `Criterion ${i + 1}`, description: sentence(random, 6) },
      pause(random),
    );
    ws.criteria.push(id);
  }
  // Now and then the room adds a criterion of its own, and rewords it once.
  const own = shape.criteria - 7 + (shape.people === 0 && random.chance(0.1) ? 1 : 0);
  for (let i = shape.criteria - 7; i < own; i++) {
    const id = `criterion-${i + 1}`;
    await ws.apply(
      { type: 'addCriterion', id, name: 'Compliance', description: sentence(random, 6) },
      pause(random),
    );
    ws.criteria.push(id);
    await ws.apply(
      { type: 'updateCriterion', id, name: 'Compliance', description: sentence(random, 12) },
      pause(random),
    );
  }
  for (let i = 0; i < shape.candidates - 2; i++) {
    const id = `candidate-${i + 1}`;
    await ws.apply({ type: 'addCandidate', id, name: `Stack ${i + 1}` }, pause(random));
    ws.candidates.push(id);
  }
  // Ratings only where the knowledge base has none: custom candidates, and custom criteria.
  for (const candidate of ws.candidates)
    for (const criterion of ws.criteria)
      if (!(BUILT_IN_CANDIDATES.includes(candidate) && BUILT_IN_CRITERIA.includes(criterion)))
        await ws.apply(
          {
            type: 'setRating',
            candidateId: candidate,
            criterionId: criterion,
            value: random.int(1, 5),
            rationale: '',
          },
          pause(random),
        );

  await ws.apply({ type: 'setStep', step: 'weighting' }, pause(random));
  const hidden = random.chance(0.1);
  if (hidden) await ws.apply({ type: 'setHideUntilReveal', hide: true }, pause(random));
  for (const person of ws.people) {
    if (random.chance(0.08)) {
      await ws.apply({ type: 'setRole', participantId: person, role: 'observer' }, pause(random));
      continue;
    }
    if (random.chance(0.04)) {
      await ws.apply({ type: 'abstain', participantId: person }, pause(random));
      continue;
    }
    await enterWeights(ws, random, person, ws.criteria);
  }
  if (hidden) await ws.apply({ type: 'setRevealed', revealed: true }, pause(random));
  if (random.chance(0.3)) {
    // Someone took a change back, and sometimes brought it back again.
    const undos = random.int(1, 3);
    for (let i = 0; i < undos; i++) await ws.undo(pause(random));
    if (random.chance(0.5)) await ws.redo(pause(random));
  }
  if (random.chance(0.15)) {
    await ws.apply({ type: 'startRound' }, pause(random));
    for (const person of random.sample(ws.people, Math.max(1, Math.floor(ws.people.length / 2))))
      await enterWeights(ws, random, person, ws.criteria);
  }
  if (random.chance(0.1))
    await ws.apply(
      { type: 'setAggregation', aggregation: random.pick(['median', 'geometric'] as const) },
      pause(random),
    );

  const notes = { notes: '', risks: '', nextSteps: '' };
  if (reach === 'workshop' && random.chance(0.5)) {
    notes.notes = await typeNotes(ws, random, 'notes', notes.notes);
    return session.id;
  }
  await ws.apply({ type: 'setStep', step: 'compare' }, pause(random));
  for (let i = random.int(0, 2) + (shape.people ? 6 : 0); i > 0; i--)
    await ws.apply(
      {
        type: 'setOverride',
        candidateId: random.pick(ws.candidates),
        criterionId: random.pick(ws.criteria),
        value: random.int(1, 5),
        note: sentence(random, random.int(5, 14)),
      },
      pause(random),
    );
  for (let bursts = random.int(1, 3); bursts > 0; bursts--) {
    const field = random.pick(['notes', 'risks', 'nextSteps'] as const);
    notes[field] = await typeNotes(ws, random, field, notes[field]);
  }
  if (random.chance(0.2)) await ws.undo(pause(random));
  if (reach === 'workshop') return session.id;

  await ws.apply({ type: 'setStep', step: 'recommendation' }, pause(random));
  for (let extra = plan.extraChanges ?? 0; extra > 0; extra--) {
    // Long sessions keep being worked on: separate slider changes, a note now and then.
    const person = random.pick(ws.people);
    if (extra % 25 === 0) notes.notes = await typeNotes(ws, random, 'notes', notes.notes.slice(-3000));
    else
      await ws.apply(
        {
          type: 'setDirect',
          participantId: person,
          criterionId: random.pick(ws.criteria),
          value: random.int(0, 10),
        },
        pause(random),
      );
  }
  if (random.chance(0.1)) {
    clock.advance(pause(random));
    await tolerate(() =>
      call('snapshots:create', {
        sessionId: session.id,
        name: `Before the steering committee ${random.int(1, 9)}`,
      }),
    );
  }
  if (random.chance(0.4)) {
    // A report never shows hidden inputs: a new round or an undo may have hidden them again.
    if (hidden) await ws.apply({ type: 'setRevealed', revealed: true }, pause(random));
    clock.advance(pause(random));
    await tolerate(() => call('report:export', { sessionId: session.id }));
  }
  return session.id;
}
