/**
 * A ballot from a phone repaints the console from the change's own event: the console applies the
 * action with the same reducer instead of reading the whole workshop back, which is what keeps the
 * ranking live while a room of phones votes at once.
 */
import { PARTICIPANT_API } from '@shared/room/schema';
import { callHost, expect, test } from './fixtures';
import type { WebHostProcess } from './fixtures';
import { sessionOnHost } from './helpers';

type OpenStatus = { open: true; url: string; code: string };

async function vote(origin: string, code: string, participantId: string, ranking: string[]) {
  const call = async (path: string, method: 'POST' | 'PUT', body: unknown, cookie = '') => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}`).toBe(200);
    return response.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  };
  const cookie = await call(PARTICIPANT_API.join, 'POST', { code, pick: { participantId } });
  await call(
    PARTICIPANT_API.ballot,
    'PUT',
    { round: 1, basedOn: 0, ballot: { method: 'rank', ranking } },
    cookie,
  );
}

/** The built-in criteria, most important first: one complete ranking ballot. */
const CRITERIA = [
  'security',
  'performance',
  'scalability',
  'development-speed',
  'learning-curve',
  'ecosystem',
  'use-case-fit',
];

/** Ana and Ben's session on the weighting step, with the room open on loopback for ranking ballots. */
async function roomSession(host: WebHostProcess, actions: unknown[] = []) {
  const session = await sessionOnHost(host, {
    client: 'Harbour Freight',
    project: 'Booking API',
    date: '2026-06-01',
    participants: ['Ana', 'Ben'],
  });
  for (const action of [{ type: 'setStep', step: 'weighting' }, ...actions]) await session.apply(action);
  const open = () =>
    callHost<OpenStatus>(host, 'room:open', {
      sessionId: session.id,
      address: '127.0.0.1',
      port: 0,
      settings: { methods: ['rank'], newNames: 'closed', showOwnResult: false },
    });
  return { session, people: session.people as [string, string], open };
}

test('a phone’s ballot reaches the console’s ranking without the console reading the workshop back', async ({
  app: page,
  host,
}) => {
  const { session, people, open } = await roomSession(host);
  const [ana, ben] = people;
  await page.goto(`${host.origin}/#/workshop/${session.id}`);
  await expect(page.getByRole('heading', { name: 'Participants' })).toBeVisible();

  const reads: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/invoke') && request.postData()?.includes('"workshop:get"'))
      reads.push(request.postData() ?? '');
  });
  const room = await open();
  const origin = new URL(room.url).origin;
  await vote(origin, room.code, ana, CRITERIA);
  await expect(page.getByText(/1 of 2 voters have voted/).first()).toBeVisible();
  await vote(origin, room.code, ben, [...CRITERIA].reverse());
  await expect(page.getByText(/2 of 2 voters have voted/).first()).toBeVisible();
  expect(reads).toEqual([]);
});

test('in a round hidden from everyone the console does not claim that someone who voted from a phone has not', async ({
  app: page,
  host,
}) => {
  const { session, people, open } = await roomSession(host, [
    { type: 'setAnonymity', anonymity: 'hiddenFromEveryone' },
  ]);
  await page.goto(`${host.origin}/#/workshop/${session.id}`);
  const panel = page.locator('.person__status');
  await expect(panel).toHaveCount(2);
  const room = await open();
  await vote(new URL(room.url).origin, room.code, people[0], CRITERIA);
  await expect(page.getByText(/1 of 2 have voted/).first()).toBeVisible();
  await expect(panel).toHaveText([
    'Not known: phone ballots are unnamed',
    'Not known: phone ballots are unnamed',
  ]);
});
