/**
 * The risk register and the next steps typed as rows in the Recommendation step, from the
 * keyboard, saved as typed; the warning about what the PDF will print as □; and the export's
 * status and version on the PDF's cover (a second export, chosen Final, says Final, version 2).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { pageTexts } from '../helpers/pdf';
import { callHost, expect, screenshot, test } from './fixtures';
import { expectNoSeriousViolations, sessionOnHost } from './helpers';

const pagesDir = join(import.meta.dirname, '..', '..', 'test-results', 'report-pages');
const status = (page: Page) => page.getByRole('toolbar', { name: 'Workshop' }).getByRole('status');

type Notes = {
  riskRows: Array<{ risk: string; likelihood: string; impact: string; mitigation: string; owner: string }>;
  actionRows: Array<{ action: string; owner: string; due: string }>;
};

test('risks and next steps as rows, the □ warning, and a second export as Final, version 2', async ({
  app: page,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const session = await sessionOnHost(host, {
    client: 'Kestrel Freight',
    project: 'Driver app back end',
    date: '2026-05-20',
    participants: ['Amara', 'Jonas'],
  });
  const [amara = ''] = session.people;
  await session.apply({ type: 'setDirect', participantId: amara, criterionId: 'performance', value: 9 });
  await session.apply({ type: 'setStep', step: 'recommendation' });
  await page.goto(`${host.origin}/#/workshop/${session.id}`);
  const rows = page.getByRole('region', { name: 'Risks and next steps' });
  await expect(rows.getByText('No risks yet.', { exact: false })).toBeVisible();
  // A new session shows the tables only; the free-text boxes are for text written before them.
  await expect(page.getByLabel('Risks, as notes')).toHaveCount(0);

  // From the keyboard: Add focuses the new row's first cell; Tab walks its cells; Enter starts the next row.
  await rows.getByRole('button', { name: 'Add a risk' }).click();
  await expect(page.getByLabel('Risk 1', { exact: true })).toBeFocused();
  await page.keyboard.type('Few Django developers to hire locally');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Likelihood of risk 1')).toBeFocused();
  await page.getByLabel('Likelihood of risk 1').selectOption('high');
  await page.getByLabel('Impact of risk 1').selectOption('low');
  await page.getByLabel('Mitigation of risk 1').fill('Train two Node.js developers; budget a contractor');
  await page.getByLabel('Owner of risk 1').fill('Amara');
  await page.getByLabel('Risk 1', { exact: true }).press('Enter');
  await expect(page.getByLabel('Risk 2', { exact: true })).toBeFocused();
  await page.keyboard.type('Launch slips past June 🚀');

  await rows.getByRole('button', { name: 'Add a next step' }).click();
  await expect(page.getByLabel('Next step 1', { exact: true })).toBeFocused();
  await page.keyboard.type('Two-week spike on background jobs');
  await page.getByLabel('Owner of next step 1').fill('Jonas');
  await page.getByLabel('Due date of next step 1').fill('2026-06-15');
  await expect(status(page)).toHaveText('Saved');

  const stored = await callHost<{ state: { notes: Notes } }>(host, 'workshop:get', { sessionId: session.id });
  expect(stored.state.notes.riskRows).toEqual([
    {
      id: expect.any(String),
      risk: 'Few Django developers to hire locally',
      likelihood: 'high',
      impact: 'low',
      mitigation: 'Train two Node.js developers; budget a contractor',
      owner: 'Amara',
    },
    expect.objectContaining({ risk: 'Launch slips past June 🚀', likelihood: 'medium', impact: 'medium' }),
  ]);
  expect(stored.state.notes.actionRows).toEqual([
    {
      id: expect.any(String),
      action: 'Two-week spike on background jobs',
      owner: 'Jonas',
      due: '2026-06-15',
    },
  ]);

  // Moved and removed by the row's own buttons; focus stays in the table.
  await page.getByRole('button', { name: 'Move risk 2 up' }).click();
  await expect(page.getByLabel('Risk 1', { exact: true })).toHaveValue('Launch slips past June 🚀');
  await page.getByRole('button', { name: 'Move risk 1 down' }).click();
  await expect(page.getByLabel('Risk 2', { exact: true })).toHaveValue('Launch slips past June 🚀');

  // The emoji will print as □: the panel says so before the export, and export still works.
  const report = page.getByRole('region', { name: 'Recommendation report' });
  const warning = report.getByRole('note').filter({ hasText: 'will print as □' });
  await expect(warning).toContainText('U+1F680');
  await expect(warning).toContainText('once');
  await expect(
    report.getByText('The next export will be version 1, reference KESTREL-FREIGHT-DABE-2026-05-20-v1.'),
  ).toBeVisible();
  await expectNoSeriousViolations(page, 'recommendation step with rows and the □ warning');
  await screenshot(page, 'rows-recommendation-step');

  // A first export as Draft, then a second as Final.
  const exportPdf = async (name: string) => {
    const downloading = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Export PDF' }).click();
    const file = testInfo.outputPath(name);
    await (await downloading).saveAs(file);
    return file;
  };
  const first = await exportPdf('first.pdf');
  await expect(
    report.getByText(/^Downloaded “.+\. Draft, version 1, reference KESTREL-FREIGHT-DABE-2026-05-20-v1\.$/),
  ).toBeVisible();
  expect(pageTexts(first)[0]).toMatch(/Draft, version 1/);

  await expect(report.getByText('The next export will be version 2,')).toBeVisible();
  await report.getByRole('radio', { name: 'Final' }).check();
  const second = await exportPdf('second.pdf');
  await expect(
    report.getByText(/^Downloaded “.+\. Final, version 2, reference KESTREL-FREIGHT-DABE-2026-05-20-v2\.$/),
  ).toBeVisible();
  const pages = pageTexts(second);
  expect(pages[0]).toMatch(/Final, version 2/);
  expect(pages[0]).not.toMatch(/Draft/);
  // The reference names the client, the project (Driver app back end) and the workshop's date.
  expect(pages[0]).toContain('KESTREL-FREIGHT-DABE-2026-05-20-v2');
  const text = pages.join('\n');
  // Table cells wrap, so each row is found by its words.
  expect(text).toMatch(/Few Django developers to\s+hire locally/);
  expect(text).toMatch(/Two-week spike on\s+background jobs|Two-week spike on background jobs/);
  expect(text).toContain('Launch slips past June □');
  await screenshot(page, 'rows-after-final-export');

  mkdirSync(pagesDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', second, join(pagesDir, 'rows-final')]);

  // Removing the emoji clears the warning.
  await page.getByRole('button', { name: 'Remove risk 2' }).click();
  await expect(page.getByLabel('Risk 2', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Risk 1', { exact: true })).toBeFocused();
  await expect(warning).toHaveCount(0);
});
