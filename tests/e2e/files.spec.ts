import { readFileSync } from 'node:fs';
import { callHost, expect, screenshot, test } from './fixtures';
import { sessionOnHost } from './helpers';

test('a session leaves as a file and comes back, and a tampered file is refused', async ({
  app: page,
  host,
}, testInfo) => {
  const session = await sessionOnHost(host, {
    client: 'Øresund Ferries',
    project: 'Booking platform',
    date: '2026-06-04',
    participants: ['Zofia', 'Nikos'],
  });
  const [zofia] = session.people;
  await session.apply({ type: 'setDirect', participantId: zofia, criterionId: 'security', value: 10 });

  await page.goto(`${host.url}#/sessions/${session.id}`);
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Session file' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(/^Øresund Ferries - Booking platform - .*\.stackwise$/);
  const path = testInfo.outputPath('session.stackwise');
  await download.saveAs(path);
  const csvSaving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scores as CSV' }).click();
  expect((await csvSaving).suggestedFilename()).toMatch(/\.csv$/);
  await screenshot(page, 'session-files');

  await callHost(host, 'sessions:delete', { id: session.id });
  await page.goto(host.url);
  const text = readFileSync(path, 'utf8');
  const importer = page.getByLabel('Import session file…');

  // Someone edited a weight in the file: refused, nothing added.
  await importer.setInputFiles({
    name: 'edited.stackwise',
    mimeType: 'application/json',
    buffer: Buffer.from(text.replace('"security": 10', '"security": 2')),
  });
  await expect(page.getByRole('alert')).toContainText('checksum does not match');
  await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible();

  await importer.setInputFiles({
    name: 'session.stackwise',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Øresund Ferries' })).toBeVisible();
  await expect(page.getByLabel('Project name')).toHaveValue('Booking platform');
  const { state } = await callHost<{
    state: { rounds: Array<{ inputs: Record<string, { direct: Record<string, number> }> }> };
  }>(host, 'workshop:get', { sessionId: session.id });
  expect(state.rounds[0]?.inputs[zofia ?? '']?.direct['security']).toBe(10);

  // The same file again, named as earlier versions named it: a distinct copy that says what it is.
  await page.goto(host.url);
  await page.getByLabel('Import session file…').setInputFiles({
    name: 'session.stackwise.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByLabel('Project name')).toHaveValue('Booking platform (imported copy)');
  await expect(page.getByRole('status').filter({ hasText: 'imported as a copy' })).toContainText(
    'this session was already here',
  );
  expect(new URL(page.url()).hash).not.toContain(session.id);
});

test('the secret link’s token leaves the address and the history, and is no cookie', async ({
  app: page,
  host,
}) => {
  const token = new URL(host.url).searchParams.get('token') ?? '';
  expect(token).not.toBe('');
  expect(page.url()).not.toContain(token);
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  expect(entries.map((entry) => entry.url).filter((url) => url.includes(token))).toEqual([]);
  expect((await page.context().cookies()).filter((cookie) => cookie.value.includes(token))).toEqual([]);

  // Still signed in after a reload, and in a second tab of this host (as the presenter view opens).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible();
  const tab = await page.context().newPage();
  await tab.goto(`${host.origin}/#/brands`);
  await expect(tab.getByRole('heading', { level: 1, name: 'Brand profiles' })).toBeVisible();
  await expect(tab.getByRole('alert')).toHaveCount(0);
});
