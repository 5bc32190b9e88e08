import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { damage } from '../helpers/damage';
import { makeReadOnly } from '../helpers/readOnly';
import type { DamageKind } from '../helpers/damage';
import { callHost, expect, screenshot, test } from './fixtures';
import type { WebHostProcess } from './fixtures';
import { expectNoSeriousViolations } from './helpers';

const newSession = (host: WebHostProcess, clientName: string) =>
  callHost(host, 'sessions:create', {
    clientName,
    projectName: 'Platform choice',
    facilitator: 'Dana Whitfield',
    workshopDate: '2026-06-04',
    description: '',
    participants: [],
  });

/** Two sessions in a checked backup, then a third one made after it. */
async function twoBackedUpOneNot(host: WebHostProcess): Promise<void> {
  await newSession(host, 'Northwind');
  await newSession(host, 'Fabrikam');
  await callHost(host, 'data:backup', {});
  await newSession(host, 'Contoso');
}

async function expectSessions(page: Page, names: string[]): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  for (const name of names)
    await expect(page.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();
}

/** Restarts the host on a damaged file; answers the damaged bytes. */
async function restartDamaged(
  host: WebHostProcess & { restart(meanwhile: () => void): Promise<void> },
  kind: DamageKind,
) {
  await twoBackedUpOneNot(host);
  let bytes = Buffer.alloc(0);
  await host.restart(() => {
    damage(host.databasePath, kind);
    bytes = readFileSync(host.databasePath);
  });
  return bytes;
}

const keptFiles = (databasePath: string) => {
  const dir = join(dirname(databasePath), 'kept');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.sqlite'))
        .map((f) => join(dir, f))
    : [];
};

test('a damaged database opens the recovery screen, and the newest backup brings the sessions back', async ({
  page,
  host,
}) => {
  const damagedBytes = await restartDamaged(host, 'garbage header');

  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Stackwise could not open your data' })).toBeVisible();
  await expect(page.getByText('Nothing has been changed or deleted.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByText('Newest sound backup', { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);
  await screenshot(page, 'recovery');

  await page
    .getByRole('button', { name: /^Restore the backup from/ })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore the backup' }).click();
  await expectSessions(page, ['Northwind', 'Fabrikam']);
  await expect(page.getByRole('link', { name: /Contoso/ })).toHaveCount(0);

  const [kept] = keptFiles(host.databasePath);
  expect(kept).toMatch(/stackwise-damaged-/);
  expect(readFileSync(kept ?? '').equals(damagedBytes)).toBe(true);
});

/** Fills a closed database with rows, then zeroes its last page of them: damage no cheap look sees. */
function damageDeepInTheFile(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE filler (bytes BLOB NOT NULL)');
  db.prepare(
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000) ' +
      'INSERT INTO filler (bytes) SELECT randomblob(1000) FROM n',
  ).run();
  const page = db
    .prepare("SELECT max(pageno) FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf'")
    .pluck()
    .get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(file);
  bytes.fill(0, (page - 1) * pageSize, page * pageSize);
  writeFileSync(file, bytes);
}

test('damage found by the check after opening moves the open app to the recovery screen', async ({
  page,
  host,
}) => {
  await twoBackedUpOneNot(host);
  let bytes = Buffer.alloc(0);
  await host.restart(() => {
    damageDeepInTheFile(host.databasePath);
    bytes = readFileSync(host.databasePath);
  });

  // The window works at once; the check of every page answers afterwards, in its worker.
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Stackwise found damage in your data' })).toBeVisible();
  await expect(page.getByText('Everything saved until now is still in that file')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await screenshot(page, 'recovery-found-after-opening');

  await page
    .getByRole('button', { name: /^Restore the backup from/ })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore the backup' }).click();
  await expectSessions(page, ['Northwind', 'Fabrikam']);
  const [kept] = keptFiles(host.databasePath);
  expect(readFileSync(kept ?? '').equals(bytes)).toBe(true);
});

test('starting fresh from a damaged database keeps the damaged file', async ({ page, host }) => {
  const damagedBytes = await restartDamaged(host, 'text file');

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Start fresh…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start fresh' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No workshops yet' })).toBeVisible();
  expect(keptFiles(host.databasePath).map((f) => readFileSync(f).equals(damagedBytes))).toEqual([true]);
});

test('a database from a newer Stackwise is refused and left as it is', async ({ page, host }) => {
  await newSession(host, 'Northwind');
  let bytes = Buffer.alloc(0);
  await host.restart(() => {
    const db = new Database(host.databasePath);
    db.pragma('user_version = 9990');
    db.close();
    bytes = readFileSync(host.databasePath);
  });

  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This data belongs to a newer Stackwise' })).toBeVisible();
  await expect(page.getByRole('button')).toHaveText(['Keyboard shortcuts']);
  await screenshot(page, 'recovery-too-new');
  await host.stop();
  expect(readFileSync(host.databasePath).equals(bytes)).toBe(true);
  expect(keptFiles(host.databasePath)).toEqual([]);
});

test('a backup is restored from the Backups page, keeping the current data aside', async ({
  app: page,
  host,
}) => {
  await twoBackedUpOneNot(host);
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
  await expect(page.getByText('SQLite read every page and found no damage.')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backed up at' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem')).toHaveCount(
    3,
  );
  await expectNoSeriousViolations(page);
  await screenshot(page, 'backups');

  // The oldest backup (made on start, before any session) is last; the one with two sessions is second.
  await page
    .getByRole('button', { name: /^Restore the backup from/ })
    .nth(1)
    .click();
  await expect(page.getByRole('dialog')).toContainText('moved, whole, into the “kept” folder');
  await page.getByRole('dialog').getByRole('button', { name: 'Restore the backup' }).click();
  await expectSessions(page, ['Northwind', 'Fabrikam']);
  await expect(page.getByRole('link', { name: /Contoso/ })).toHaveCount(0);

  const [kept] = keptFiles(host.databasePath);
  const db = new Database(kept ?? '', { readonly: true });
  expect(db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(3);
  db.close();
});

const loseDatabase = {
  missing: (file: string) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  },
  empty: (file: string) => {
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    writeFileSync(file, '');
  },
};

for (const kind of ['missing', 'empty'] as const) {
  test(`${kind === 'empty' ? 'an' : 'a'} ${kind} database with backups opens recovery, and the newest good backup brings the sessions back`, async ({
    page,
    host,
  }) => {
    await twoBackedUpOneNot(host);
    await host.restart(() => loseDatabase[kind](host.databasePath));

    await page.goto(host.url);
    await expect(
      page.getByRole('heading', { name: `Your database is ${kind}, but its backups are here` }),
    ).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await screenshot(page, `recovery-${kind}`);

    await page.getByRole('button', { name: 'Restore the newest good backup' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore the backup' }).click();
    await expectSessions(page, ['Northwind', 'Fabrikam']);
    await expect(page.getByRole('link', { name: /Contoso/ })).toHaveCount(0);
  });
}

test('a read-only database is not called damaged, is never moved, and opens once it is writable', async ({
  page,
  host,
}) => {
  await twoBackedUpOneNot(host);
  let writable: () => void = () => undefined;
  let bytes = Buffer.alloc(0);
  await host.restart(() => {
    bytes = readFileSync(host.databasePath);
    writable = makeReadOnly(host.databasePath);
  });
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Stackwise cannot save to its database' })).toBeVisible();
    await expect(page.getByText('The database does not look damaged')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What to do' })).toBeVisible();
    // Nothing here can move or replace the file.
    await expect(page.getByRole('button', { name: /Start fresh|Restore/ })).toHaveCount(0);
    await expectNoSeriousViolations(page);
    await screenshot(page, 'recovery-read-only');

    await page.getByRole('button', { name: 'Check again' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Still not writable.' })).toBeVisible();
    expect(readFileSync(host.databasePath).equals(bytes)).toBe(true);
    expect(keptFiles(host.databasePath)).toEqual([]);

    writable();
    await page.getByRole('button', { name: 'Check again' }).click();
    await expectSessions(page, ['Northwind', 'Fabrikam', 'Contoso']);
  } finally {
    writable();
  }
});
