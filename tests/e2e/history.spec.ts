import { readFileSync } from 'node:fs';
import { pageTexts } from '../helpers/pdf';
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

  // The timeline: each weight change with before and after, the export, the snapshot.
  const timeline = page.getByRole('list', { name: 'History, newest first' });
  await expect(timeline.getByText(/^Exported the PDF report “Kestrel Freight/)).toBeVisible();
  await expect(timeline.getByText('Saved the snapshot “After workshop 1”')).toBeVisible();
  await expect(timeline.getByText('Created the session')).toBeVisible();
  await expect(timeline.getByText(/^Weight of Ecosystem and community:/).first()).toBeVisible();

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
