#!/usr/bin/env node
/**
 * Renders build/icon.svg to build/icon.png (1024 x 1024, transparent corners), the one icon
 * electron-builder turns into each platform's formats (.icns, .ico, the Linux sizes). Run it after
 * changing the SVG: `node scripts/make-icon.mjs`. It uses the Chromium the end-to-end tests use
 * (CHROMIUM_PATH, or Debian's /usr/bin/chromium).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const build = join(import.meta.dirname, '..', 'build');
const svg = readFileSync(join(build, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
  );
  await page.locator('svg').screenshot({ path: join(build, 'icon.png'), omitBackground: true });
  console.log('Wrote build/icon.png');
} finally {
  await browser.close();
}
