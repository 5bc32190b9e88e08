import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS, contract, events } from '@shared/ipc/contract';
import { errorFromZod, resultSchema } from '@shared/ipc/result';
import {
  SessionDraftSchema,
  SessionListQuerySchema,
  SessionPatchSchema,
  SessionSchema,
  searchKey,
} from '@shared/sessions/schema';
import { draft } from '../helpers/fixtures';

describe('contract', () => {
  it('names exactly the channels and events of the zod-free lists the preload uses', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });

  it('uses feature:verb channel names', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+$/);
  });

  it('parses both arms of the result envelope and rejects anything else', () => {
    const schema = resultSchema(contract['sessions:delete'].output);
    const id = '6f1c1b6e-7b0a-4f43-9d47-0c1f2c8f8a11';
    expect(schema.parse({ ok: true, value: { id } })).toEqual({ ok: true, value: { id } });
    expect(schema.safeParse({ ok: true, value: { id: 'nope' } }).success).toBe(false);
    expect(schema.safeParse({ ok: false, error: { code: 'teapot', message: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, value: { id }, extra: 1 }).success).toBe(false);
  });
});

describe('session schemas', () => {
  it('accepts a complete draft and fills in defaults', () => {
    const parsed = SessionDraftSchema.parse({ ...draft(), description: undefined, participants: undefined });
    expect(parsed.description).toBe('');
    expect(parsed.participants).toEqual([]);
  });

  it('trims text and keeps names in any script', () => {
    const parsed = SessionDraftSchema.parse(draft({ clientName: '  Łódź Ελληνικά Москва Øresund  ' }));
    expect(parsed.clientName).toBe('Łódź Ελληνικά Москва Øresund');
  });

  it.each([
    [{ clientName: '' }, 'clientName', 'Client name is required.'],
    [{ clientName: '   ' }, 'clientName', 'Client name is required.'],
    [{ projectName: 'x'.repeat(161) }, 'projectName', 'Project name must be 160 characters or fewer.'],
    [
      { facilitator: 'Dana\nWhitfield' },
      'facilitator',
      'Facilitator cannot contain line breaks or control characters.',
    ],
    [{ workshopDate: '2026-02-30' }, 'workshopDate', 'Workshop date must be a real date (YYYY-MM-DD).'],
    [{ workshopDate: '12/03/2026' }, 'workshopDate', 'Workshop date must be a real date (YYYY-MM-DD).'],
    [
      { participants: [{ name: 'Ann' }, { name: 'ann' }] },
      'participants.1.name',
      'Two participants are called "ann"',
    ],
  ])('rejects %j with a message that names the field', (overrides, field, message) => {
    const result = SessionDraftSchema.safeParse(draft(overrides));
    expect(result.success).toBe(false);
    if (result.success) return;
    const error = errorFromZod(result.error);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
    // The path travels as `field`; the message is only the sentence a person reads.
    expect(error.message).toBe(error.message.replace(/^[\w.]+: /, ''));
    expect(error.message).not.toContain(field);
  });

  it('rejects unknown keys, including __proto__, naming the key', () => {
    const payload: unknown = JSON.parse('{"clientName":"A","__proto__":{"polluted":true}}');
    const result = SessionPatchSchema.safeParse(payload);
    expect(result.success).toBe(false);
    if (!result.success) expect(errorFromZod(result.error).field).toBe('__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses an empty patch', () => {
    expect(SessionPatchSchema.safeParse({}).success).toBe(false);
  });

  it('caps the number of participants', () => {
    const participants = Array.from({ length: 61 }, (_, i) => ({ name: `Person ${i}` }));
    expect(SessionDraftSchema.safeParse(draft({ participants })).success).toBe(false);
  });

  it('requires stored sessions to carry ids and timestamps', () => {
    expect(SessionSchema.safeParse({ ...draft(), participants: [] }).success).toBe(false);
  });

  it('defaults the list query to the first page, most recently edited first', () => {
    expect(SessionListQuerySchema.parse({})).toEqual({
      search: '',
      sort: 'updated',
      status: 'all',
      client: '',
      limit: 50,
      offset: 0,
    });
    expect(SessionListQuerySchema.safeParse({ limit: 501 }).error?.issues[0]?.message).toBe(
      'Page size must be at most 500.',
    );
    expect(SessionListQuerySchema.safeParse({ offset: -1 }).error?.issues[0]?.message).toBe(
      'Page start cannot be negative.',
    );
    expect(SessionListQuerySchema.safeParse({ limit: 2.5 }).error?.issues[0]?.message).toBe(
      'Page size must be a whole number.',
    );
    expect(SessionListQuerySchema.safeParse({ sort: 'random' }).success).toBe(false);
    expect(SessionListQuerySchema.safeParse({ status: 'archived' }).error?.issues[0]?.message).toBe(
      'Status must be one of: draft, workshop, recommended, reported, all.',
    );
  });
});

describe('searchKey', () => {
  it('folds case and accents so people find names however they type them', () => {
    expect(searchKey('Müller São Paulo ÉCOLE')).toBe('muller sao paulo ecole');
    expect(searchKey('Łódź Øresund Straße Æbeltoft')).toBe('lodz oresund strasse aebeltoft');
  });
});
