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
  expect(download.suggestedFilename()).toMatch(/^Øresund Ferries - Booking platform - .*\.stackwise\.json$/);
  const path = testInfo.outputPath('session.stackwise.json');
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
    name: 'edited.stackwise.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.replace('"security": 10', '"security": 2')),
  });
  await expect(page.getByRole('alert')).toContainText('checksum does not match');
  await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible();

  await importer.setInputFiles({
    name: 'session.stackwise.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Øresund Ferries' })).toBeVisible();
  const { state } = await callHost<{
    state: { rounds: Array<{ inputs: Record<string, { direct: Record<string, number> }> }> };
  }>(host, 'workshop:get', { sessionId: session.id });
  expect(state.rounds[0]?.inputs[zofia ?? '']?.direct['security']).toBe(10);
});
