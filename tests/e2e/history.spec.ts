import { readFileSync } from 'node:fs';
import { pageTexts } from '../helpers/pdf';
import type { Page } from '@playwright/test';
import { callHost, expect, screenshot, test } from './fixtures';
import { applyOnHost, expectNoSeriousViolations, sessionOnHost } from './helpers';

test('a session revisited: snapshots compared, a report exported again as it was, a snapshot restored', async ({
  app: page,
  host,
}, testInfo) => {
  const session = await sessionOnHost(host, {
    client: 'Kestrel Freight',
    project: 'Driver app back end',
    date: '2026-05-20',
    participants: ['Amara', 'Jonas'],
  });
  const [amara = '', jonas = ''] = session.people;
  const weigh = async (criterionId: string, value: number) => {
    await session.apply({ type: 'setDirect', participantId: amara, criterionId, value });
    await session.apply({ type: 'setDirect', participantId: jonas, criterionId, value });
  };
  await weigh('performance', 10);
  await weigh('scalability', 10);

  await page.goto(`${host.url}#/sessions/${session.id}`);
  await page.getByRole('link', { name: 'History and snapshots' }).click();
  await expect(page.getByRole('heading', { name: 'History and snapshots', level: 1 })).toBeVisible();

  // A snapshot needs a name; then the facilitator freezes the first workshop.
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(page.getByText('Give the snapshot a name.')).toBeVisible();
  await page.getByLabel('Snapshot name').fill('After workshop 1');
  await page.getByRole('button', { name: 'Save snapshot' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the snapshot “After workshop 1”.' }),
  ).toBeVisible();

  // The second workshop changes its mind, and the report is exported.
  await weigh('performance', 0);
  await weigh('scalability', 0);
  await weigh('ecosystem', 10);
  await applyOnHost(host, session.id, { type: 'setRole', participantId: jonas, role: 'observer' });
  const exported = await callHost<{ base64: string }>(host, 'report:export', { sessionId: session.id });

  const snapshots = page.getByRole('list', { name: 'Snapshots, newest first' });
  await expect(snapshots.getByRole('listitem')).toHaveCount(2);
  await expect(snapshots.getByRole('listitem').first()).toContainText('Made on export');

  await page.getByRole('button', { name: 'Compare “After workshop 1” with now' }).click();
  const weights = page.getByRole('region', { name: 'Weights' });
  await expect(weights.getByRole('row', { name: /Performance/ })).toHaveClass(/comparison__row--changed/);
  const participants = page.getByRole('region', { name: 'Participants' });
  await expect(participants.getByRole('row', { name: /Jonas/ })).toContainText('Jonas, observer');
  await expectNoSeriousViolations(page, 'history page');
  await screenshot(page, 'history');

  await page.getByLabel('Only what changed').check();
  await expect(page.getByRole('region', { name: 'Ratings' })).toHaveCount(0); // no rating changed
  await screenshot(page, 'history-only-changed');

  // The timeline: each weight change, the export, the snapshot; a change opened says before and after.
  const timeline = page.getByRole('list', { name: 'History, newest first' });
  await expect(timeline.getByText(/^Exported the PDF report “Kestrel Freight/)).toBeVisible();
  await expect(timeline.getByText('Saved the snapshot “After workshop 1”')).toBeVisible();
  await expect(timeline.getByText('Created the session')).toBeVisible();
  const ecosystem = timeline
    .getByRole('listitem')
    .filter({ hasText: 'Jonas set Ecosystem and community to 10 of 10' });
  await ecosystem.getByRole('button', { name: 'What changed' }).click();
  await expect(ecosystem.getByText(/^Weight of Ecosystem and community:/)).toBeVisible();

  // The exported report, again, from its snapshot: byte for byte what the client received.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export the PDF of “Report exported as/ }).click();
  const download = await downloading;
  const path = testInfo.outputPath('again.pdf');
  await download.saveAs(path);
  expect(readFileSync(path).equals(Buffer.from(exported.base64, 'base64'))).toBe(true);
  expect(pageTexts(path).join(' ')).toContain('Kestrel Freight');

  // Restore the first workshop; what it replaces is kept.
  await page.getByRole('button', { name: 'Restore “After workshop 1”' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore the snapshot' }).click();
  await expect(
    page.getByText(
      'Restored “After workshop 1”. What it replaced is kept as “Before restoring “After workshop 1””.',
    ),
  ).toBeVisible();
  await expect(snapshots.getByRole('listitem')).toHaveCount(3);
  await expect(snapshots.getByRole('listitem').first()).toContainText('Kept before a restore');
  await expect(timeline.getByText(/^Restored the snapshot “After workshop 1”/)).toBeVisible();
  const workshop = await callHost<{ state: { roles: Record<string, string> } }>(host, 'workshop:get', {
    sessionId: session.id,
  });
  expect(workshop.state.roles[jonas] ?? 'voter').toBe('voter');
  await screenshot(page, 'history-restored');
});

test('a long history opens a page at a time', async ({ app: page, host }) => {
  const session = await sessionOnHost(host, {
    client: 'Long History Ltd',
    project: 'Many small changes',
    date: '2026-05-20',
    participants: ['Amara'],
  });
  for (let i = 0; i < 55; i++) {
    await session.apply({
      type: 'setDirect',
      participantId: session.people[0],
      criterionId: i % 2 ? 'security' : 'performance',
      value: i % 11,
    });
  }
  await page.goto(`${host.url}#/sessions/${session.id}/history`);
  const entries = page.getByRole('list', { name: 'History, newest first' }).locator('> li');
  await expect(entries).toHaveCount(50);
  await expect(page.getByText('Showing the newest 50 of 56 entries.')).toBeVisible();
  await page.getByRole('button', { name: 'Show older entries' }).click();
  await expect(entries).toHaveCount(56);
  await expect(entries.last()).toContainText('Created the session');
  await expect(page.getByRole('button', { name: 'Show older entries' })).toHaveCount(0);
});

const INVOKE = (url: URL) => url.pathname === '/api/invoke';

/** Holds or refuses the page's `history:entry` calls (every other call goes through). */
async function interceptEntries(page: Page, answer: () => Promise<'continue' | 'refuse'>): Promise<void> {
  await page.route(INVOKE, async (route) => {
    const body: unknown = route.request().postDataJSON();
    const channel: unknown =
      typeof body === 'object' && body !== null ? Reflect.get(body, 'channel') : undefined;
    if (channel !== 'history:entry' || (await answer()) === 'continue') return route.continue();
    return route.fulfill({
      json: { ok: false, error: { code: 'unavailable', message: 'The database is not open.' } },
    });
  });
}

test('an entry opens to say what changed: loading first, and why when it cannot', async ({
  app: page,
  host,
}) => {
  const session = await sessionOnHost(host, {
    client: 'Kestrel Freight',
    project: 'Driver app back end',
    date: '2026-05-20',
    participants: ['Amara'],
  });
  const [amara = ''] = session.people;
  await session.apply({ type: 'setDirect', participantId: amara, criterionId: 'security', value: 9 });
  await session.apply({ type: 'setDirect', participantId: amara, criterionId: 'performance', value: 2 });

  // The lines are asked for when the entry opens; until they come, it says so.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await interceptEntries(page, async () => {
    await held;
    return 'continue';
  });
  await page.goto(`${host.url}#/sessions/${session.id}/history`);
  const timeline = page.getByRole('list', { name: 'History, newest first' });
  const security = timeline.getByRole('listitem').filter({ hasText: 'Amara set Security to 9 of 10' });
  await expect(security.getByRole('list')).toHaveCount(0);
  // Nothing to open on an entry without a before and after.
  const created = timeline.getByRole('listitem').filter({ hasText: 'Created the session' });
  await expect(created.getByRole('button')).toHaveCount(0);
  const open = security.getByRole('button', { name: 'What changed' });
  await open.click();
  await expect(security.getByRole('button', { name: 'Hide what changed' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(security.getByRole('status')).toHaveText('Loading what changed…');
  release();
  // The lines: the first few shown, the rest folded (as long entries always were).
  const lines = security.getByRole('list').first();
  await expect(lines.getByRole('listitem').first()).toBeVisible();
  await expect(security).toContainText('Weight of Security:');
  await expect(security.getByRole('status')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'history entry opened');
  await screenshot(page, 'history-entry-opened');
  await security.getByRole('button', { name: 'Hide what changed' }).click();
  await expect(security.getByRole('list')).toHaveCount(0);
  await page.unroute(INVOKE);

  // Refused: the reason is shown, and Try again asks once more.
  let refuse = true;
  await interceptEntries(page, () => Promise.resolve(refuse ? 'refuse' : 'continue'));
  const performance = timeline.getByRole('listitem').filter({ hasText: 'Amara set Performance to 2 of 10' });
  await performance.getByRole('button', { name: 'What changed' }).click();
  await expect(performance.getByRole('alert')).toContainText(
    'What changed could not be shown. The database is not open.',
  );
  await screenshot(page, 'history-entry-failed');
  refuse = false;
  await performance.getByRole('button', { name: 'Try again' }).click();
  await expect(performance.getByRole('list').first().getByRole('listitem').first()).toBeVisible();
  await expect(performance).toContainText('Weight of Performance:');
  await expect(performance.getByRole('alert')).toHaveCount(0);
  await page.unroute(INVOKE);
});
