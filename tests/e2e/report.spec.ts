import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { jpegHeader, pngImage } from '../helpers/images';
import { pageTexts, pdfInfo } from '../helpers/pdf';
import { expect, screenshot, test } from './fixtures';
import { expectNoSeriousViolations, sessionOnHost } from './helpers';

const pagesDir = join(import.meta.dirname, '..', '..', 'test-results', 'report-pages');

test('a brand profile with a logo, chosen for a session, exported as a PDF download from the workshop', async ({
  app: page,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Make a brand profile; a file that is not an image is refused at the logo field.
  await page.getByRole('link', { name: 'Brand profiles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brand profiles' })).toBeVisible();
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Profile name').fill('Harbour & Vale');
  await page.getByLabel('Company name').fill('Harbour & Vale Consulting');
  await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#1F4E5F');
  await page.getByRole('textbox', { name: 'Accent colour', exact: true }).fill('#C9733A');
  await page.getByLabel('Contact line').fill('hello@harbourvale.example · +44 20 7946 0321');
  await page.getByLabel('Footer text').fill('Confidential: prepared for the client');
  const logo = page.getByLabel('Logo', { exact: true });
  await logo.setInputFiles({
    name: 'logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not really a PNG'),
  });
  await expect(page.getByText('The logo must be a PNG or JPEG image.')).toBeVisible();
  await logo.setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: jpegHeader(900, 300) });
  await expect(page.getByText('JPEG, 900 × 300 pixels.')).toBeVisible();
  await logo.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: pngImage(360, 100) });
  await expect(page.getByText('PNG, 360 × 100 pixels.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('teal');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Primary colour must be a colour like #1F4E79.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#1F4E5F');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Harbour & Vale”.' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Harbour & Vale Consulting logo' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await screenshot(page, 'report-brands');

  // A session with a workshop behind it.
  const session = await sessionOnHost(host, {
    client: 'Øresund Ferries · Москва office',
    project: 'Booking platform',
    date: '2026-06-04',
    participants: ['Zofia Łukasiewicz', 'Νίκος Παπαδόπουλος'],
  });
  const { apply } = session;
  const [zofia, nikos] = session.people;
  await apply({ type: 'setAnswer', question: 'workload', value: 'io-realtime' });
  await apply({ type: 'setDirect', participantId: zofia, criterionId: 'performance', value: 9 });
  await apply({ type: 'setMethod', participantId: nikos, method: 'points' });
  await apply({ type: 'setPoints', participantId: nikos, criterionId: 'scalability', value: 30 });
  await apply({ type: 'setNotes', field: 'risks', text: 'Team is new to <b>async</b> code.' });
  await apply({ type: 'setStep', step: 'recommendation' });

  // Choose the brand on the session page, then export from the workshop's last step.
  await page.goto(`${host.url}#/sessions/${session.id}`);
  await page.getByLabel('Brand profile').selectOption({ label: 'Harbour & Vale' });
  await expect(page.getByRole('img', { name: 'Harbour & Vale Consulting logo' })).toBeVisible();
  await page.getByRole('link', { name: 'Open workshop' }).click();
  await expect(page.getByRole('heading', { name: 'Recommendation report' })).toBeVisible();
  await expect(page.getByLabel('Brand profile')).toHaveValue(/.+/);
  await screenshot(page, 'report-recommendation-step');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    'Øresund Ferries · Москва office - Booking platform - ' + new Date().toISOString().slice(0, 10) + '.pdf',
  );
  const file = testInfo.outputPath('report.pdf');
  await download.saveAs(file);
  await expect(page.getByText(/Downloaded “Øresund Ferries/)).toBeVisible();
  await expectNoSeriousViolations(page);

  const info = pdfInfo(file);
  expect(Number(info['Pages'])).toBeGreaterThanOrEqual(6);
  const text = pageTexts(file).join('\n');
  expect(text).toContain('Øresund Ferries · Москва office');
  expect(text).toContain('Νίκος Παπαδόπουλος');
  expect(text).toContain('Harbour & Vale Consulting');
  expect(text).toContain('Team is new to <b>async</b> code.');

  // Pages as pictures, for people to look at.
  mkdirSync(pagesDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(pagesDir, 'web-export')]);

  // The session remembers the export.
  await page.goto(`${host.url}#/sessions/${session.id}`);
  await expect(page.getByText(/^The last report \(exported .+\) is up to date\.$/)).toBeVisible();

  // The list shows where each session stands, and filters by it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Reported' });
  const rows = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Reported');
  await expect(rows.first()).toContainText('Øresund Ferries · Москва office');
  await expect(rows.first()).toContainText(/Leader(Django|Node\.js)/);
  await page.getByLabel('Status').selectOption({ label: 'Draft' });
  await expect(page.getByRole('heading', { name: 'No sessions match these filters' })).toBeVisible();
  await screenshot(page, 'sessions-filtered-empty');
});
