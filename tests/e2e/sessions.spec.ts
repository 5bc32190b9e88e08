import type { Page } from '@playwright/test';
import { callHost, expect, screenshot, test } from './fixtures';
import { backToList, createSession } from './helpers';

const rows = (page: Page) => page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');

test('a facilitator creates, finds, edits, duplicates and deletes sessions that survive a restart', async ({
  app: page,
  host,
}) => {
  await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible();
  await screenshot(page, '01-sessions-empty');

  // Create: the form refuses to submit without the required fields, and says which.
  await page.getByRole('link', { name: 'New session' }).first().click();
  await page.getByLabel('Facilitator').fill('');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByLabel('Client name')).toHaveAccessibleDescription('Client name is required.');
  await expect(page.getByLabel('Project name')).toHaveAccessibleDescription('Project name is required.');
  await expect(page.getByLabel('Client name')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '02-new-session-errors');
  await page.getByRole('link', { name: 'Cancel' }).click();

  await createSession(page, {
    client: 'Northwind Logistics',
    project: 'Customer portal rebuild',
    date: '2026-03-12',
    description: 'Pick the back-end stack for the portal before the Q3 hiring round.',
    participants: ['Priya (CTO)', 'Marek', 'Ana'],
  });
  await screenshot(page, '03-session');
  await backToList(page);
  await createSession(page, {
    client: 'Łódź Transit Authority',
    project: 'Timetable API',
    date: '2026-05-02',
  });
  await backToList(page);
  await expect(rows(page)).toHaveCount(2);
  await screenshot(page, '04-sessions-list');

  // Find: by client, ignoring accents and case, and a friendly message when nothing matches.
  const search = page.getByRole('searchbox', { name: 'Search sessions' });
  await search.fill('lodz');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Łódź Transit Authority');
  await search.fill('portal');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Northwind Logistics');
  await search.fill('kubernetes');
  await expect(page.getByRole('heading', { name: /No sessions match/ })).toBeVisible();
  await screenshot(page, '05-sessions-no-match');
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(rows(page)).toHaveCount(2);

  // Sort by client name.
  await page.getByLabel('Sort by').selectOption('client');
  await expect(rows(page).first()).toContainText('Łódź Transit Authority');
  await expect(rows(page).nth(1)).toContainText('Northwind Logistics');

  // Edit: saved as typed; an invalid value shows its error beside the field and is not saved.
  await page.getByRole('link', { name: /Northwind Logistics/ }).click();
  await page.getByLabel('Client name').fill('Northwind Freight');
  await page.getByLabel('Participant 2 name').fill('Marek (lead dev)');
  // The page's save status (the report and files panels have live regions of their own).
  const saveStatus = page.getByRole('status').filter({ hasText: /changes saved|Saving|Not saved/ });
  await expect(saveStatus).toHaveText('All changes saved');
  await page.getByLabel('Project name').fill('');
  await expect(page.getByLabel('Project name')).toHaveAccessibleDescription('Project name is required.');
  await expect(saveStatus).toContainText('Not saved');
  await screenshot(page, '06-session-field-error');
  await page.reload();
  await expect(page.getByLabel('Client name')).toHaveValue('Northwind Freight');
  await expect(page.getByLabel('Project name')).toHaveValue('Customer portal rebuild');
  await expect(page.getByLabel('Participant 2 name')).toHaveValue('Marek (lead dev)');

  // Restart the host: everything is still there.
  const sessionPath = new URL(page.url()).hash;
  await host.restart();
  // The secret link keeps a deep link's fragment through its redirect.
  await page.goto(`${host.url}${sessionPath}`);
  await expect(page.getByLabel('Client name')).toHaveValue('Northwind Freight');
  await expect(page.getByLabel('Participant 3 name')).toHaveValue('Ana');

  // Duplicate, then delete the copy (cancelling once first).
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Freight' })).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('Customer portal rebuild (copy)');
  await expect(page.getByLabel('Participant 1 name')).toHaveValue('Priya (CTO)');
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this session?' });
  await expect(dialog).toBeVisible();
  await screenshot(page, '07-delete-confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete session' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByText('Customer portal rebuild (copy)')).toHaveCount(0);

  // Delete from the list too.
  await page.getByRole('button', { name: 'Delete Łódź Transit Authority: Timetable API' }).click();
  await dialog.getByRole('button', { name: 'Delete session' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Northwind Freight');
});

test('user text is shown as text, never run as markup', async ({ app: page }) => {
  const hostile = '<img src=x onerror="document.title=\'pwned\'"><script>alert(1)</script>';
  await createSession(page, { client: hostile, project: '"><b>bold</b>', participants: ['<i>Eve</i>'] });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostile);
  await expect(page.getByLabel('Participant 1 name')).toHaveValue('<i>Eve</i>');
  await backToList(page);
  await expect(rows(page).first()).toContainText(hostile);
  expect(await page.title()).toBe('Stackwise');
  expect(await page.locator('img[src="x"], b, i').count()).toBe(0);
});

test('the web host refuses requests without its token', async ({ host, request }) => {
  // The page holds no data, so it loads without the token; what it shows comes through the API.
  const page = await request.get(`${host.origin}/`);
  expect(page.status()).toBe(200);
  const api = await request.post(`${host.origin}/api/invoke`, {
    data: { channel: 'sessions:list', input: {} },
  });
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const events = await request.get(`${host.origin}/api/events`);
  expect(events.status()).toBe(401);
});

test('an empty database shows a welcoming start, and a missing session says so', async ({
  app: page,
  host,
}) => {
  await page.goto(`${host.url}#/sessions/6f1c1b6e-7b0a-4f43-9d47-0c1f2c8f8a11`);
  await expect(page.getByRole('heading', { name: 'This session is not here' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to all sessions' }).click();
  await expect(page.getByRole('link', { name: 'Create your first session' })).toBeVisible();
});

test('a filter picked while a search is still pending is kept when the search applies', async ({
  app: page,
  host,
}) => {
  await callHost(host, 'sessions:create', {
    clientName: 'Northwind Logistics',
    projectName: 'Customer portal',
    facilitator: 'Ana',
    workshopDate: '2026-03-12',
  });
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  // The search waits for a pause in typing; the page's own clock decides when it applies, so the
  // filter is certain to be picked inside that pause, however busy the machine is.
  await page.clock.install();
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('northwind');
  await page.getByLabel('Status').selectOption({ label: 'Draft' });
  await page.clock.runFor(1000);
  await expect(page).toHaveURL(/q=northwind/);
  expect(new URL(page.url().replace('#/', '')).searchParams.get('status')).toBe('draft');
  await expect(page.getByLabel('Status')).toHaveValue('draft');
  await expect(rows(page)).toHaveCount(1);
});

test('a long list shows its first 50 sessions, more as it scrolls, and search finds one far down', async ({
  app: page,
  host,
}) => {
  const clients = ['Łódź Transit', 'Müller GmbH', 'Northwind', 'São Paulo Bank'];
  for (let n = 0; n < 120; n++) {
    await callHost(host, 'sessions:create', {
      clientName: clients[n % clients.length],
      projectName: `Project ${String(n + 1).padStart(3, '0')}`,
      facilitator: 'Ana',
      workshopDate: '2026-03-12',
      participants: n === 0 ? [{ name: 'Søren Kierkegaard' }] : [{ name: 'Priya' }],
    });
  }
  await page.reload();
  await expect(page.getByText('120 workshops saved on this computer')).toBeVisible();
  await expect(rows(page)).toHaveCount(50);
  await screenshot(page, '20-sessions-long-list');
  await page.getByRole('button', { name: /^Show more/ }).scrollIntoViewIfNeeded();
  await expect(rows(page)).toHaveCount(100);
  await page.getByRole('button', { name: /^Show more/ }).scrollIntoViewIfNeeded();
  await expect(rows(page)).toHaveCount(120);
  await expect(page.getByRole('button', { name: /^Show more/ })).toHaveCount(0);
  // The first one made is the last by its edit; a participant's name finds it, accents folded.
  await expect(rows(page).last()).toContainText('Project 001');
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('soren');
  await expect(page.getByText('1 workshop found')).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Project 001');
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('lodz');
  await expect(page.getByText('30 workshops found')).toBeVisible();
  await expect(rows(page)).toHaveCount(30);
});
