import { describe, expect, it } from 'vitest';
import { storedSession } from '../helpers/fixtures';
import type { SessionRecord } from '@shared/sessions/schema';
import {
  changesSince,
  expectedAfter,
  rebase,
  standing,
  toFormValues,
} from '../../src-renderer/src/features/sessions/rebase';

const PRIYA = '11111111-1111-4111-8111-111111111111';
const MAREK = '22222222-2222-4222-8222-222222222222';
const ANA = '33333333-3333-4333-8333-333333333333';
const BEN = '44444444-4444-4444-8444-444444444444';

function stored(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    ...storedSession({
      id: '99999999-9999-4999-8999-999999999999',
      participants: [
        { id: PRIYA, name: 'Priya' },
        { id: MAREK, name: 'Marek' },
      ],
    }),
    revision: 3,
    ...overrides,
  };
}

describe('the session form against what is stored', () => {
  it('sends only what changed, and participants item by item', () => {
    const base = toFormValues(stored());
    const values = {
      ...base,
      clientName: 'Contoso ',
      participants: [{ id: PRIYA, name: 'Priya K.' }, { name: 'Ana' }],
    };
    expect(changesSince(base, values)).toEqual({
      clientName: 'Contoso',
      participants: {
        add: [{ name: 'Ana' }],
        rename: [{ id: PRIYA, from: 'Priya', name: 'Priya K.' }],
        remove: [MAREK],
      },
    });
  });

  it('sends nothing invalid, and says the edit is not saved', () => {
    const base = toFormValues(stored());
    const values = { ...base, clientName: '' };
    expect(changesSince(base, values)).toEqual({});
    expect(standing(base, values)).toEqual({ status: 'invalid', message: 'Client name is required.' });
  });

  it('keeps typing that went on while a save was on its way', () => {
    const base = toFormValues(stored());
    const sent = { ...base, projectName: 'Portal v' };
    const patch = changesSince(base, sent);
    const onScreen = {
      ...sent,
      projectName: 'Portal v2',
      participants: [...sent.participants, { name: 'Ana' }],
    };
    const answer = stored({ projectName: 'Portal v', revision: 4 });
    const { values, lost } = rebase(onScreen, expectedAfter(base, patch), answer);
    expect(lost).toEqual([]);
    expect(values.projectName).toBe('Portal v2');
    expect(values.participants).toEqual([...answer.participants, { name: 'Ana' }]);
  });

  it('takes another window’s changes into untouched fields and keeps the edits in progress', () => {
    const base = toFormValues(stored());
    const onScreen = {
      ...base,
      description: 'Half-typed',
      participants: [...base.participants, { name: 'Ana' }],
    };
    const elsewhere = stored({
      clientName: 'Contoso',
      participants: [...stored().participants, { id: BEN, name: 'Ben' }],
      revision: 4,
    });
    const { values, lost } = rebase(onScreen, base, elsewhere);
    expect(lost).toEqual([]);
    expect(values).toMatchObject({ clientName: 'Contoso', description: 'Half-typed' });
    expect(values.participants.map((p) => p.name)).toEqual(['Priya', 'Marek', 'Ben', 'Ana']);
  });

  it('adopts the id of a participant this form added once the save answers', () => {
    const base = toFormValues(stored());
    const onScreen = { ...base, participants: [...base.participants, { name: 'Ana' }] };
    const answer = stored({
      participants: [...stored().participants, { id: ANA, name: 'Ana' }],
      revision: 4,
    });
    const { values } = rebase(onScreen, expectedAfter(base, changesSince(base, onScreen)), answer);
    expect(values.participants).toEqual(answer.participants);
    expect(changesSince(toFormValues(answer), values)).toEqual({});
  });

  it('names the fields changed in both windows, and shows the stored value there', () => {
    const base = toFormValues(stored());
    const onScreen = {
      ...base,
      clientName: 'Fabrikam',
      participants: [{ id: PRIYA, name: 'Priya S.' }, base.participants[1] ?? { name: 'Marek' }],
    };
    const elsewhere = stored({
      clientName: 'Contoso',
      participants: [
        { id: PRIYA, name: 'Priya K.' },
        { id: MAREK, name: 'Marek' },
      ],
      revision: 4,
    });
    const { values, lost } = rebase(onScreen, base, elsewhere);
    expect(lost).toEqual(['clientName', 'participants']);
    expect(values.clientName).toBe('Contoso');
    expect(values.participants[0]?.name).toBe('Priya K.');
  });

  it('keeps a removal not yet saved removed', () => {
    const base = toFormValues(stored());
    const onScreen = { ...base, participants: base.participants.filter((p) => p.id !== MAREK) };
    const { values } = rebase(onScreen, base, stored({ facilitator: 'Sam', revision: 4 }));
    expect(values.participants.map((p) => p.name)).toEqual(['Priya']);
    expect(values.facilitator).toBe('Sam');
  });
});
