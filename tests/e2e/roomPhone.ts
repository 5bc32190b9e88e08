/**
 * A participant's phone in an end-to-end test: a browser context with a phone's viewport, touch and
 * user agent (Playwright's device list; always Chromium here), and the steps a person takes on the
 * participant page, shared by the room specs.
 */
import { devices } from '@playwright/test';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The phones the room specs use: two current ones, and the narrowest width the page promises (360 px). */
export const PHONES: Record<'pixel' | 'iphone' | 'narrow', DeviceDescriptor> = {
  pixel: devices['Pixel 7'],
  iphone: devices['iPhone 14'],
  narrow: { ...devices['Pixel 7'], viewport: { width: 360, height: 740 } },
};

export type PhoneName = keyof typeof PHONES;
type DeviceDescriptor = (typeof devices)[string];

export type Phone = { context: BrowserContext; page: Page; errors: string[] };

export async function openPhone(browser: Browser, phone: PhoneName, url: string): Promise<Phone> {
  // Everything but the browser: Playwright runs Chromium here, whatever the phone's own browser.
  const { defaultBrowserType: _browser, ...phoneOptions } = PHONES[phone];
  const context = await browser.newContext(phoneOptions);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A refused request (401 for a removed device) is logged by the browser itself; that is the test's point.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

/** From the code screen (or a `/j/<CODE>` link) to the roster. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Join the room' })).toBeVisible();
  await page.getByLabel('Join code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).tap();
}

export async function pickName(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).tap();
}

export async function expectInRoom(page: Page, name: string): Promise<void> {
  await expect(page.getByText(`You: ${name}`)).toBeVisible();
}

export async function chooseMethod(
  page: Page,
  method: 'Sliders' | '100 points' | 'Ranking' | 'Pairwise',
): Promise<void> {
  const choice = page.getByRole('radio', { name: method, exact: true });
  // The picker is shown only when the room offers more than one method.
  if ((await choice.count()) > 0) await choice.check();
}

export async function submitVote(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Submit my vote|Send my new vote/ }).tap();
  const receipt = page
    .getByRole('status')
    .filter({ has: page.getByRole('heading', { name: 'Your vote is in' }) });
  await expect(receipt).toContainText(/Received at \d{1,2}:\d{2}/);
}

/** Sets each slider with the keyboard, as a person with a switch or a screen reader would. */
export async function setSliders(
  page: Page,
  values: ReadonlyArray<readonly [string, number]>,
): Promise<void> {
  for (const [name, value] of values) {
    const slider = page.getByRole('slider', { name });
    await slider.fill(String(value));
    await expect(slider).toHaveValue(String(value));
  }
}

export async function setPoints(page: Page, values: ReadonlyArray<readonly [string, number]>): Promise<void> {
  for (const [name, value] of values) await page.getByRole('spinbutton', { name }).fill(String(value));
}

/** Moves `name` up by `places` with its large up button. */
export async function moveUp(page: Page, name: string, places: number): Promise<void> {
  for (let i = 0; i < places; i++) await page.getByRole('button', { name: `Move ${name} up` }).tap();
}

/**
 * Answers every pair on the page, consistently (the room leaves contradictory pairwise answers
 * out): the first pair's first criterion matters more by `strength`, every other pair is equal.
 */
export async function answerPairs(page: Page, strength: number): Promise<void> {
  const pairs = page.getByRole('listitem').filter({ has: page.getByText('Which matters more?') });
  const count = await pairs.count();
  for (let i = 0; i < count; i++) {
    const pair = pairs.nth(i);
    if (i > 0) {
      await pair.getByRole('radio', { name: 'Equally important' }).check();
      continue;
    }
    await pair.getByRole('radio').first().check();
    await pair.getByRole('radio', { name: new RegExp(`^${strength}×`) }).check();
  }
}

/** Answers pair number `index` (from 1, as the page counts): `choice` matters more by `strength`, or equal. */
export async function answerPair(
  page: Page,
  index: number,
  choice: string,
  strength?: number,
): Promise<void> {
  const pair = page.getByRole('listitem').filter({ has: page.getByText(new RegExp(`^${index} of \\d+$`)) });
  await pair.getByRole('radio', { name: choice, exact: true }).check();
  if (strength !== undefined) await pair.getByRole('radio', { name: new RegExp(`^${strength}×`) }).check();
}

const SCREENS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

/**
 * What the person sees: the phone's screen, not the whole page (a full-page capture would also
 * draw the sticky submit bar in the middle of the page). `at` is scrolled into view first.
 */
export async function phoneShot(page: Page, name: string, at?: Locator): Promise<void> {
  if (at) await at.scrollIntoViewIfNeeded();
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENS, `phone-${name}.png`) });
}

/**
 * Made for a thumb: nothing scrolls sideways, and every control a person taps (buttons, fields,
 * sliders, the tiles over radio buttons) is at least 44 px each way.
 */
export async function expectPhoneFriendly(page: Page, where: string): Promise<void> {
  const layout = await page.evaluate(() => {
    const small = Array.from(
      document.querySelectorAll<HTMLElement>('button, input, select, textarea, label.tile'),
    )
      .filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 44 || box.height < 44)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent ?? ''}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, small };
  });
  expect(layout.scrollWidth, `${where}: no sideways scrolling`).toBeLessThanOrEqual(layout.width);
  expect(layout.small, `${where}: touch targets of at least 44 px`).toEqual([]);
}
