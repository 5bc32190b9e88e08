/**
 * The brand profile form: each text's limit and the print preview's "…" where the report cuts
 * it, the contrast warning on saving a light colour (with its ratio and the shade text uses), and
 * the client's logo, uploaded, saved and back with the profile after a reload.
 */
import { jsPDF } from 'jspdf';
import { BRAND_TEXT_PLACES, fitLines, pageFooterLines } from '@shared/brands/fit';
import type { BrandTextPlace } from '@shared/brands/fit';
import { loadReportFonts } from '../../src-main/report/fonts';
import { FONTS_DIR } from '../helpers/fixtures';
import { pngImage } from '../helpers/images';
import { callHost, expect, screenshot, test } from './fixtures';
import { expectNoSeriousViolations } from './helpers';

/** jsPDF in the report's font at a brand text's size: it measures what the PDF prints. */
function pdfMeasure(place: BrandTextPlace): (text: string) => number {
  const box = BRAND_TEXT_PLACES[place];
  const fonts = loadReportFonts(FONTS_DIR);
  const doc = new jsPDF({ unit: 'pt', format: 'a4' });
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', 'DejaVuSans', 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', 'DejaVuSans', 'bold');
  doc.setFont('DejaVuSans', box.bold ? 'bold' : 'normal');
  doc.setFontSize(box.size);
  return (text) => doc.getTextWidth(text);
}

test.beforeEach(async ({ app: page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.getByRole('link', { name: 'Brand profiles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brand profiles' })).toBeVisible();
  await page.getByRole('button', { name: 'New profile' }).click();
  // The preview measures in the report's font once it has loaded.
  await expect(page.getByRole('figure', { name: 'Cover preview' })).toHaveAttribute('data-font', 'ready');
});

test('long texts show their limits, and the preview ends them with “…” where the report does', async ({
  app: page,
}) => {
  await expect(page.getByText(/Up to 120 characters\. Prints on up to 2 lines on the cover/)).toBeVisible();
  await expect(page.getByText(/Up to 200 characters, on up to 2 lines on every page/)).toBeVisible();

  const company = 'Harbour, Vale & Lindqvist International Technology Advisory Partners LLP';
  // In capitals, as confidentiality lines often are: wider than two lines of the footer.
  const footer =
    'CONFIDENTIAL: PREPARED FOR THE CLIENT’S BOARD AND ITS ADVISERS ONLY; NOT TO BE SHARED, QUOTED OR ' +
    'RELIED ON BY ANYONE ELSE WITHOUT THE WRITTEN CONSENT OF HARBOUR, VALE & LINDQVIST, LEEDS AND LONDON.';
  await page.getByLabel('Profile name').fill('Long texts');
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Footer text').fill(footer);
  const contact = 'hello@harbourvale.example · +44 20 7946 0321';
  await page.getByLabel('Contact line').fill(contact);

  // The running header has one line for the company: cut, and the field says where.
  const header = page.getByRole('group', { name: 'Running header' });
  await expect(header.locator('text').filter({ hasText: /…$/ })).toHaveCount(1);
  await expect(header).not.toContainText(company);
  await expect(
    page.getByText('As typed, it is too long for the running header, where the report ends it with “…”.'),
  ).toBeVisible();
  // The footer takes two lines of it, the second ending with "…"; the contact line fits whole.
  const footerStrip = page.getByRole('group', { name: 'Footer' });
  await expect(footerStrip.locator('text').filter({ hasText: /…$/ })).toHaveCount(1);
  await expect(footerStrip).toContainText('hello@harbourvale.example · +44 20 7946 0321');
  await expect(
    page.getByText(
      'As typed, it is too long for the cover and the footer, where the report ends it with “…”.',
    ),
  ).toBeVisible();
  // Measured in the report's font, the preview's lines are the ones jsPDF's widths give.
  const box = BRAND_TEXT_PLACES.headerCompany;
  const [headerLine] = fitLines(company, box.width, box.lines, pdfMeasure('headerCompany')).lines;
  await expect(header.locator('text').first()).toHaveText(headerLine ?? '');
  const foot = pageFooterLines(footer, contact, pdfMeasure('pageFooter'));
  await expect(footerStrip.locator('text')).toHaveText([
    ...foot.footerText.lines,
    ...foot.contactLine.lines,
    'Page 2 of 12',
  ]);
  // The cover keeps the whole company name on its two lines.
  await expect(
    page.getByRole('group', { name: 'Cover' }).locator('text').filter({ hasText: 'Harbour, Vale' }).first(),
  ).toBeVisible();

  // Near its limit a text counts its characters; past it, the form says how much to take out.
  await page.getByLabel('Footer text').fill(`${footer} ${'x'.repeat(10)}`);
  await expect(page.getByText(/of 200 characters/)).toBeVisible();
  await expectNoSeriousViolations(page, 'brand form with long texts');
  await screenshot(page, 'brands-long-texts');

  await page.getByLabel('Footer text').fill('Confidential');
  await expect(footerStrip.locator('text').filter({ hasText: /…$/ })).toHaveCount(0);
});

test('saving a light colour warns with its ratio and the darker shade text will use, and still saves', async ({
  app: page,
  host,
}) => {
  await page.getByLabel('Profile name').fill('Sunflower');
  await page.getByLabel('Company name').fill('Sunflower Digital');
  await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#F2C14E');
  // Said at the field as it is typed...
  await expect(page.getByText('Too light for text: 1.68:1 on white, below 4.5:1.')).toBeVisible();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Sunflower”.' })).toBeVisible();
  // ...and on saving, with the ratio and the shade.
  const warning = page.getByRole('alert').filter({ hasText: 'too light for text' });
  await expect(warning).toContainText('Primary colour #F2C14E has a contrast of 1.68:1 on white');
  await expect(warning).toContainText(/prints its text in the darker #[0-9A-F]{6} \(4\.\d\d:1\)/);
  // The preview's cover text is in that shade; the band keeps the brand colour.
  const shade = /darker (#[0-9A-F]{6})/.exec((await warning.textContent()) ?? '')?.[1] ?? '';
  const cover = page.getByRole('group', { name: 'Cover' });
  await expect(cover.locator('text').filter({ hasText: 'TECHNOLOGY RECOMMENDATION' })).toHaveAttribute(
    'fill',
    shade,
  );
  await expect(cover.locator(`rect[fill="#F2C14E"]`).first()).toBeAttached();
  await screenshot(page, 'brands-light-colour');

  const [saved] = await callHost<Array<{ primaryColor: string }>>(host, 'brands:list', {});
  expect(saved?.primaryColor).toBe('#F2C14E');
});

test('a client logo is uploaded, shown on the cover, saved and returned with the profile', async ({
  app: page,
  host,
}) => {
  await page.getByLabel('Profile name').fill('For Northwind');
  await page.getByLabel('Company name').fill('Harbour & Vale Consulting');
  await page.getByLabel('Client logo').setInputFiles({
    name: 'not-a-logo.png',
    mimeType: 'image/png',
    buffer: Buffer.from('not really a PNG'),
  });
  await expect(page.getByText('The logo must be a PNG or JPEG image.')).toBeVisible();
  await page.getByLabel('Client logo').setInputFiles({
    name: 'northwind.png',
    mimeType: 'image/png',
    buffer: pngImage(240, 80, [180, 40, 40]),
  });
  await expect(page.getByText('PNG, 240 × 80 pixels.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Client name logo' })).toBeVisible();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “For Northwind”.' })).toBeVisible();

  const [saved] = await callHost<
    Array<{ clientLogo: { format: string; width: number } | null; logo: unknown }>
  >(host, 'brands:list', {});
  expect(saved?.clientLogo).toMatchObject({ format: 'PNG', width: 240, height: 80 });
  expect(saved?.logo).toBeNull();

  // After a reload, the profile opens with its client logo.
  await page.reload();
  await page.getByRole('link', { name: 'Brand profiles' }).click();
  await page.getByRole('button', { name: /For Northwind/ }).click();
  await expect(page.getByText('PNG, 240 × 80 pixels.')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Client name logo' })).toBeVisible();
  await expectNoSeriousViolations(page, 'brand form with a client logo');
  await screenshot(page, 'brands-client-logo');

  await page.getByRole('button', { name: 'Remove client logo' }).click();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “For Northwind”.' })).toBeVisible();
  const [cleared] = await callHost<Array<{ clientLogo: unknown }>>(host, 'brands:list', {});
  expect(cleared?.clientLogo).toBeNull();
});
