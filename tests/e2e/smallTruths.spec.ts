/**
 * Small things the app says about a session, checked as a facilitator sees them: a long note's
 * late edit in the comparison, the list's Edited order after a workshop change, and the notice
 * that the last exported report is out of date.
 */
import type { Page } from '@playwright/test';
import { callHost, expect, screenshot, test } from './fixtures';
import { expectNoSeriousViolations, sessionOnHost } from './helpers';

const LONG =
  'The room agreed that the first release must ship before the summer trade fair, with the ' +
  'existing Python team of four and one contractor. Hosting stays on the current provider. ' +
  'Marek asked for a spike on background jobs before anything is signed off.';
const EDITED = LONG.replace('before anything is signed off', 'before the budget is approved');

const status = (page: Page) => page.getByRole('toolbar', { name: 'Workshop' }).getByRole('status');

async function toRecommendation(page: Page): Promise<void> {
  const steps = page.getByRole('navigation', { name: 'Workshop steps' });
  await steps.getByRole('button', { name: 'Recommendation' }).click();
  await expect(steps.getByRole('button', { name: 'Recommendation' })).toHaveAttribute('aria-current', 'step');
}

async function exportPdf(page: Page): Promise<void> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await downloading;
  await expect(page.getByText(/^Downloaded “/)).toBeVisible();
}

test('a note edited after its 120th character shows as changed, with the edit marked in context', async ({
  app: page,
  host,
}) => {
  const session = await sessionOnHost(host, {
    client: 'Kestrel Freight',
    project: 'Driver app back end',
    date: '2026-05-20',
    participants: ['Amara'],
  });
  await session.apply({ type: 'setNotes', field: 'notes', text: LONG });
  // Another field in between, so the later edit is an undo step (and a history entry) of its own.
  await session.apply({ type: 'setNotes', field: 'risks', text: 'The contractor leaves in June.' });
  await callHost(host, 'snapshots:create', { sessionId: session.id, name: 'Before the review' });
  await session.apply({ type: 'setNotes', field: 'notes', text: EDITED });

  await page.goto(`${host.url}#/sessions/${session.id}/history`);
  await page.getByRole('button', { name: 'Compare “Before the review” with now' }).click();
  await page.getByLabel('Only what changed').check();
  const other = page.getByRole('region', { name: 'Details, criteria and settings' });
  const notes = other.getByRole('row', { name: /^Notes/ });
  await expect(notes).toHaveClass(/comparison__row--changed/);
  await expect(notes).toContainText('Changed near the end');
  await expect(notes.locator('mark')).toHaveText([
    'changed: anything is signed off.',
    'changed: the budget is approved.',
  ]);
  await expect(page.getByText('1 difference.')).toBeVisible();

  const timeline = page.getByRole('list', { name: 'History, newest first' });
  const edited = timeline.getByRole('listitem').filter({ hasText: 'Edited the notes' }).first();
  await edited.getByRole('button', { name: 'What changed' }).click();
  await expect(edited.getByText('Notes (changed near the end):')).toBeVisible();
  await expectNoSeriousViolations(page, 'comparison of a long note');
  await screenshot(page, 'truths-long-note-compared');
});

test('a workshop edit brings the session to the top of the list with a new Edited time', async ({
  app: page,
  host,
}) => {
  await sessionOnHost(host, {
    client: 'Kestrel Freight',
    project: 'Driver app back end',
    date: '2026-05-20',
    participants: ['Amara'],
  });
  await sessionOnHost(host, {
    client: 'Fabrikam',
    project: 'Billing',
    date: '2026-05-21',
    participants: ['Jo'],
  });

  await page.reload();
  const rows = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  const kestrel = rows.filter({ hasText: 'Kestrel Freight' });
  const editedTime = (row: typeof rows) =>
    row.locator('dl > div').filter({ hasText: 'Edited' }).locator('time');
  await expect(rows.first()).toContainText('Fabrikam');
  const before = await editedTime(kestrel).getAttribute('datetime');

  await kestrel.getByRole('link').first().click();
  await page.getByRole('link', { name: 'Open workshop' }).click();
  await toRecommendation(page);
  await page.getByRole('button', { name: 'Add a risk' }).click();
  await page.getByLabel('Risk 1', { exact: true }).fill('The contractor leaves in June.');
  await expect(status(page)).toHaveText('Saved');

  // Back through the app's own links: the list the page had is not trusted to be fresh.
  await page.getByRole('link', { name: /session details$/ }).click();
  await page.getByRole('link', { name: '← All sessions' }).click();
  await expect(rows.first()).toContainText('Kestrel Freight');
  await expect(rows.nth(1)).toContainText('Fabrikam');
  const after = await editedTime(rows.first()).getAttribute('datetime');
  expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  await expect(editedTime(rows.first())).toHaveText('just now');
  await screenshot(page, 'truths-list-after-workshop-edit');
});

test('the session page and the Recommendation step say when the last report is out of date, until it is exported again', async ({
  app: page,
  host,
}) => {
  const session = await sessionOnHost(host, {
    client: 'Kestrel Freight',
    project: 'Driver app back end',
    date: '2026-05-20',
    participants: ['Amara', 'Jonas'],
  });
  const [amara = ''] = session.people;
  await session.apply({ type: 'setDirect', participantId: amara, criterionId: 'performance', value: 9 });

  await page.goto(`${host.url}#/sessions/${session.id}`);
  const report = page.getByRole('region', { name: 'Recommendation report' });
  await expect(report).toBeVisible();
  await exportPdf(page);

  await page.getByRole('link', { name: 'Open workshop' }).click();
  await toRecommendation(page);
  await expect(report.getByText(/^The last report \(exported .+\) is up to date\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Add a next step' }).click();
  await page.getByLabel('Next step 1', { exact: true }).fill('Spike on background jobs; review on 1 June.');
  await expect(status(page)).toHaveText('Saved');
  const outdated = report.getByText(/^The last report \(exported .+\) is out of date/);
  await expect(outdated).toHaveText(
    /is out of date: the next steps changed since\. Export again to include the changes\.$/,
  );
  await expectNoSeriousViolations(page, 'recommendation step with an outdated report');
  await screenshot(page, 'truths-recommendation-report-outdated');

  // Another console changes a weight while the session page is open: the notice follows.
  await page.getByRole('link', { name: /session details$/ }).click();
  await expect(outdated).toHaveText(/the next steps changed since/);
  await session.apply({ type: 'setDirect', participantId: amara, criterionId: 'security', value: 2 });
  await expect(outdated).toHaveText(/out of date: the weights and the next steps changed since\./);
  await screenshot(page, 'truths-session-report-outdated');

  await exportPdf(page);
  await expect(outdated).toHaveCount(0);
  await page.getByRole('link', { name: 'Open workshop' }).click();
  await toRecommendation(page);
  await expect(report.getByText(/is up to date\.$/)).toBeVisible();
  await expect(outdated).toHaveCount(0);
  await screenshot(page, 'truths-recommendation-report-current');
});
