/**
 * Two windows on one session, and the save indicator when a change is not stored. A second page
 * in the same browser context is a second window (it shares the host's cookie). A window whose
 * event stream is blocked stands for one that has not heard of the other's change yet.
 */
import type { Page } from '@playwright/test';
import { callHost, expect, screenshot, test } from './fixtures';
import { sessionOnHost } from './helpers';

type Stored = { clientName: string; projectName: string; participants: Array<{ name: string }> };

const CHANGED_ELSEWHERE = /This session was changed in another window/;
const EVENTS = (url: URL) => url.pathname === '/api/events';
const INVOKE = (url: URL) => url.pathname === '/api/invoke';

const saveStatus = (page: Page) => page.locator('.page__actions').getByRole('status');
const workshopStatus = (page: Page) => page.getByRole('toolbar', { name: 'Workshop' }).getByRole('status');
const participantNames = (page: Page) =>
  page.getByRole('group', { name: 'Participants' }).getByRole('textbox', { name: /^Participant \d+ name$/ });

async function expectParticipants(page: Page, names: string[]): Promise<void> {
  await expect(participantNames(page)).toHaveCount(names.length);
  for (const [index, name] of names.entries())
    await expect(participantNames(page).nth(index)).toHaveValue(name);
}

async function openSession(page: Page, url: string, id: string): Promise<void> {
  await page.goto(`${url}#/sessions/${id}`);
  await expect(page.getByLabel('Client name')).toBeVisible();
}

async function addParticipant(page: Page, name: string): Promise<void> {
  await page.getByLabel('New participant name').fill(name);
  await page.getByRole('button', { name: 'Add participant' }).click();
}

async function twoSessions(host: Parameters<typeof sessionOnHost>[0]) {
  return sessionOnHost(host, {
    client: 'Northwind Logistics',
    project: 'Customer portal rebuild',
    date: '2026-03-12',
    participants: ['Priya (CTO)', 'Marek'],
  });
}

test('two windows each add a participant: both are kept, and each window shows the other’s', async ({
  app: first,
  host,
  context,
}) => {
  const session = await twoSessions(host);
  const second = await context.newPage();
  // The second window has not heard of the first one's change when it makes its own.
  await second.route(EVENTS, (route) => route.abort());
  await openSession(first, host.url, session.id);
  await openSession(second, host.url, session.id);

  await addParticipant(first, 'Ana');
  await expect(saveStatus(first)).toHaveText('All changes saved');
  await addParticipant(second, 'Ben');
  await expect(saveStatus(second)).toHaveText('All changes saved');

  const stored = await callHost<Stored>(host, 'sessions:get', { id: session.id });
  expect(stored.participants.map((p) => p.name)).toEqual(['Priya (CTO)', 'Marek', 'Ana', 'Ben']);
  // The second window's save answered with the whole list; the first follows the change event.
  await expectParticipants(second, ['Priya (CTO)', 'Marek', 'Ana', 'Ben']);
  await expectParticipants(first, ['Priya (CTO)', 'Marek', 'Ana', 'Ben']);

  // The rest of the form follows too.
  await second.getByLabel('Project name').fill('Portal and mobile app');
  await expect(saveStatus(second)).toHaveText('All changes saved');
  await expect(first.getByLabel('Project name')).toHaveValue('Portal and mobile app');
  await screenshot(first, '40-two-windows');
});

test('a stale edit is refused with a notice, and the window shows the latest version', async ({
  app: first,
  host,
  context,
}) => {
  const session = await twoSessions(host);
  const second = await context.newPage();
  await second.route(EVENTS, (route) => route.abort());
  await openSession(first, host.url, session.id);
  await openSession(second, host.url, session.id);

  await first.getByLabel('Client name').fill('Contoso');
  await expect(saveStatus(first)).toHaveText('All changes saved');
  await second.getByLabel('Client name').fill('Fabrikam');

  await expect(second.getByRole('alert').filter({ hasText: CHANGED_ELSEWHERE })).toBeVisible();
  await expect(second.getByLabel('Client name')).toHaveValue('Contoso');
  await expect(saveStatus(second)).toContainText('Not saved');
  // Every part of the page shows the latest copy, the report's cover preview included.
  await expect(second.getByRole('figure', { name: /Report cover/ })).toContainText('Contoso');
  expect((await callHost<Stored>(host, 'sessions:get', { id: session.id })).clientName).toBe('Contoso');
  await screenshot(second, '41-stale-edit-refused');
});

test('the save indicator says "Not saved" when the host is unreachable or the write fails', async ({
  app,
  host,
  context,
}) => {
  const session = await twoSessions(host);
  // A window of its own: the browser logs every refused request, which the app's page must not.
  await expect(app.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  const page = await context.newPage();
  await openSession(page, host.url, session.id);

  // Unreachable: the edit stays in the form, is not reported as saved, and goes through later.
  await page.route(INVOKE, (route) => route.abort());
  await page.getByLabel('Client name').fill('Contoso');
  await expect(saveStatus(page)).toHaveText(/^Not saved: Stackwise could not reach its data/);
  await page.unroute(INVOKE);
  await expect(saveStatus(page)).toHaveText('All changes saved', { timeout: 10_000 });
  expect((await callHost<Stored>(host, 'sessions:get', { id: session.id })).clientName).toBe('Contoso');

  // The main side could not write (a full disk): its reason is shown, not "saved".
  await page.route(INVOKE, async (route) => {
    const body: unknown = route.request().postDataJSON();
    if (typeof body === 'object' && body !== null && Reflect.get(body, 'channel') === 'sessions:update') {
      await route.fulfill({
        json: {
          ok: false,
          error: { code: 'write_failed', message: 'The disk is full, so nothing was changed.' },
        },
      });
    } else await route.continue();
  });
  await page.getByLabel('Project name').fill('Portal and mobile app');
  await expect(saveStatus(page)).toHaveText('Not saved: The disk is full, so nothing was changed.');
  await page.unroute(INVOKE);

  // The workshop console says the same when its changes cannot reach the host.
  await page.goto(`${host.url}#/workshop/${session.id}`);
  await expect(workshopStatus(page)).toHaveText('Saved');
  await page.route(INVOKE, (route) => route.abort());
  await page
    .getByRole('navigation', { name: 'Workshop steps' })
    .getByRole('button', { name: 'Weighting' })
    .click();
  await expect(workshopStatus(page)).toHaveText(/^Not saved: Stackwise could not reach its data/);
  await page.unroute(INVOKE);
  await expect(workshopStatus(page)).toHaveText('Saved', { timeout: 10_000 });
  const workshop = await callHost<{ state: { step: string } }>(host, 'workshop:get', {
    sessionId: session.id,
  });
  expect(workshop.state.step).toBe('weighting');
});

test('a duplicate participant keeps the typed name and says why; delete names what goes with it', async ({
  app: page,
  host,
}) => {
  const session = await twoSessions(host);
  await openSession(page, host.url, session.id);
  await addParticipant(page, 'marek');
  await expect(page.getByLabel('New participant name')).toHaveValue('marek');
  await expect(page.getByRole('alert').filter({ hasText: 'Marek is already a participant' })).toBeVisible();
  await expect(participantNames(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete this session?' })).toContainText(
    'its history and its snapshots',
  );
});

test('undo says what it undid and shows the step the change was made on', async ({ app: page, host }) => {
  const session = await twoSessions(host);
  const [priya = ''] = session.people;
  await session.apply({ type: 'setStep', step: 'weighting' });
  await session.apply({ type: 'setDirect', participantId: priya, criterionId: 'security', value: 9 });
  await session.apply({ type: 'setStep', step: 'compare' });
  await page.goto(`${host.url}#/workshop/${session.id}`);
  const steps = page.getByRole('navigation', { name: 'Workshop steps' });
  await expect(steps.getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-current', 'step');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(
    page.getByText("Undid: a participant's Security weight, on the Weighting step."),
  ).toBeVisible();
  await expect(steps.getByRole('button', { name: 'Weighting' })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(
    page.getByText("Redid: a participant's Security weight, on the Weighting step."),
  ).toBeVisible();
});

test('a workshop change from a console that missed another’s is refused, and it shows the stored state', async ({
  app: first,
  host,
  context,
}) => {
  const session = await twoSessions(host);
  const second = await context.newPage();
  await second.route(EVENTS, (route) => route.abort());
  const steps = (page: Page) => page.getByRole('navigation', { name: 'Workshop steps' });
  for (const page of [first, second]) {
    await page.goto(`${host.url}#/workshop/${session.id}`);
    await expect(workshopStatus(page)).toHaveText('Saved');
  }

  await steps(first).getByRole('button', { name: 'Weighting' }).click();
  await expect(workshopStatus(first)).toHaveText('Saved');
  await steps(second).getByRole('button', { name: 'Criteria' }).click();

  await expect(second.getByRole('alert').filter({ hasText: CHANGED_ELSEWHERE })).toBeVisible();
  await expect(steps(second).getByRole('button', { name: 'Weighting' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  const stored = await callHost<{ state: { step: string } }>(host, 'workshop:get', { sessionId: session.id });
  expect(stored.state.step).toBe('weighting');
});
