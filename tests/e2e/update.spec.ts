/**
 * The first start after an upgrade, in the browser: the web host starts on a database of the
 * release before (tests/db/fixtures, schema 50) and updates it in its check worker, held at a gate
 * (`STACKWISE_TEST_UPDATE_GATE`) until the test has seen the update screen; then the page moves
 * on to the sessions list by itself, on the host's `data:status` event. An update that fails is
 * undone and the recovery screen says so.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, launchWebHost, screenshot, test } from './fixtures';
import { expectNoSeriousViolations } from './helpers';

const FIXTURE = join(import.meta.dirname, '..', 'db', 'fixtures', 'changeLog.sqlite');

test('an older database shows the update screen while it is updated, then the sessions', async ({
  page,
}, testInfo) => {
  const dir = testInfo.outputPath('data');
  mkdirSync(dir, { recursive: true });
  const databasePath = join(dir, 'stackwise.sqlite');
  copyFileSync(FIXTURE, databasePath);
  const gate = join(dir, 'release-the-update');
  const host = await launchWebHost(databasePath, { STACKWISE_TEST_UPDATE_GATE: gate });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Updating your data to this version…' })).toBeVisible();
    await expect(page.getByText('This happens once; nothing is lost if the app is closed now')).toBeVisible();
    await expect(page.getByText(/^Step 1 of \d+: Preparing the sessions list and its search$/)).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'Update progress' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await screenshot(page, 'updating');

    writeFileSync(gate, '');
    await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /Fixture client/ }).first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('an update that fails is undone, and the recovery screen says so and what went wrong', async ({
  page,
}, testInfo) => {
  const dir = testInfo.outputPath('data');
  mkdirSync(dir, { recursive: true });
  const databasePath = join(dir, 'stackwise.sqlite');
  copyFileSync(FIXTURE, databasePath);
  // A change whose action this version cannot read: the change log's conversion stops on it.
  const edit = new Database(databasePath);
  edit.prepare('UPDATE workshop_changes SET action = \'{"type":"teleport"}\' WHERE id = 40').run();
  edit.close();
  const before = readFileSync(databasePath);
  // The gate is open from the start: the update runs in the worker at once.
  const gate = join(dir, 'release-the-update');
  writeFileSync(gate, '');
  const host = await launchWebHost(databasePath, { STACKWISE_TEST_UPDATE_GATE: gate });
  try {
    await page.goto(host.url);
    await expect(
      page.getByRole('heading', { name: 'Stackwise could not update your data to this version' }),
    ).toBeVisible();
    await expect(
      page.getByText('the file is exactly as it was. Nothing has been changed or deleted.'),
    ).toBeVisible();
    await expect(page.getByText(/The update stopped at step 2 of \d+ and was undone/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try the update again' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await screenshot(page, 'update-failed');
    expect(readFileSync(databasePath).equals(before)).toBe(true);
  } finally {
    await host.stop();
  }
});
