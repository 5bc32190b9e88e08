/**
 * The shared screen as the back of the room sees it: type and chart labels measured at 1080p, the
 * clicker's keys in the presenter itself, B to blank, F5 harmless, the brand, radar names whole.
 * Every slide is photographed at 1920 x 1080 and 1280 x 720 for people to look at.
 */
import type { Page } from '@playwright/test';
import { pngImage } from '../helpers/images';
import { callHost, expect, screenshot, test } from './fixtures';
import { sessionOnHost } from './helpers';

const SLIDES = ['Context', 'Criteria', 'Weighting', 'Compare', 'Recommendation'] as const;

/** The smallest type of any text in the slide's body, as drawn (px), and where it is. */
function smallestBodyText(page: Page) {
  return page.evaluate(() => {
    let smallest = { size: Infinity, text: '' };
    for (const element of Array.from(
      document.querySelectorAll<HTMLElement>('.presenter__body *, .presenter__title'),
    )) {
      if (element.closest('svg, .visually-hidden')) continue;
      const own = Array.from(element.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
      );
      if (!own || element.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: element.textContent?.trim().slice(0, 60) ?? '' };
    }
    return smallest;
  });
}

/** The smallest chart label as drawn: its font size times the SVG's scale on screen. */
function smallestChartLabel(page: Page) {
  return page.evaluate(() => {
    let smallest = { size: Infinity, text: '' };
    for (const text of Array.from(document.querySelectorAll<SVGTextElement>('.presenter svg text'))) {
      const scale = text.getScreenCTM()?.a ?? 0;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < smallest.size) smallest = { size, text: text.textContent ?? '' };
    }
    return smallest;
  });
}

/** Each radar label's box against the SVG's viewBox: the names that stick out. */
function radarLabelsOutside(page: Page) {
  return page.evaluate(() => {
    const outside: string[] = [];
    for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>('svg.chart__svg--radar'))) {
      const view = svg.viewBox.baseVal;
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        const box = text.getBBox();
        const within =
          box.x >= view.x &&
          box.y >= view.y &&
          box.x + box.width <= view.x + view.width &&
          box.y + box.height <= view.y + view.height;
        if (!within) outside.push(text.textContent ?? '');
      }
    }
    return { outside, count: document.querySelectorAll('svg.chart__svg--radar text').length };
  });
}

/** The slide's columns whose content runs past their box (into the foot of the slide). */
function overflowingColumns(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.presenter__columns > *'))
      .filter((column) => column.scrollHeight > column.clientHeight + 1)
      .map((column) => column.textContent?.trim().slice(0, 40) ?? ''),
  );
}

test('the shared screen is legible from the back of the room, moves with the clicker in its own window, blanks with B and ignores F5', async ({
  app: page,
  host,
  context,
}) => {
  test.setTimeout(150_000);
  const session = await sessionOnHost(host, {
    client: 'Harbour Freight',
    project: 'Booking API',
    date: '2026-06-01',
    participants: ['Ana', 'Ben', 'Cleo'],
  });
  const [ana = '', ben = '', cleo = ''] = session.people;
  const brand = await callHost<{ id: string }>(host, 'brands:save', {
    profileName: 'Harbour & Vale',
    companyName: 'Harbour & Vale Consulting',
    primaryColor: '#1F4E5F',
    accentColor: '#C9733A',
    contactLine: '',
    footerText: 'Confidential: prepared for Harbour Freight',
    disclaimer: '',
    logo: pngImage(360, 100).toString('base64'),
  });
  await callHost(host, 'report:configure', { sessionId: session.id, brandId: brand.id });
  await session.apply({ type: 'setAnswer', question: 'workload', value: 'io-realtime' });
  await session.apply({ type: 'setAnswer', question: 'compliance', value: 'strict' });
  await session.apply({ type: 'setAnswer', question: 'team', value: 'javascript' });
  for (const [who, weights] of [
    [ana, { security: 9, performance: 8, scalability: 7, 'development-speed': 4 }],
    [ben, { security: 6, performance: 9, 'use-case-fit': 8, 'learning-curve': 3 }],
    [cleo, { security: 10, ecosystem: 7, 'development-speed': 6, scalability: 5 }],
  ] as const) {
    for (const [criterionId, value] of Object.entries(weights))
      await session.apply({ type: 'setDirect', participantId: who, criterionId, value });
  }
  await session.apply({
    type: 'setNotes',
    field: 'nextSteps',
    text: 'Spike the booking flow in Node.js by June.',
  });
  await session.apply({ type: 'setStep', step: 'context' });

  const presenter = await context.newPage();
  // Counts the page's own calls to focus its window (Electron brings a focused window forward).
  await presenter.addInitScript(() => {
    window.focus = () => {
      const calls = Number(document.documentElement.dataset['focusCalls'] ?? '0');
      document.documentElement.dataset['focusCalls'] = String(calls + 1);
    };
  });
  const errors: string[] = [];
  presenter.on('pageerror', (error) => errors.push(error.message));
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(`${host.origin}/#/present/${session.id}`);
  const title = (name: string) => presenter.getByRole('heading', { level: 1, name });
  await expect(title('Context')).toBeVisible();

  // The session's brand, as its report wears it: the logo, the footer line.
  await expect(presenter.getByRole('img', { name: 'Harbour & Vale Consulting' })).toBeVisible();
  await expect(presenter.getByText('Confidential: prepared for Harbour Freight')).toBeVisible();

  // Every slide, moved with the clicker's Page Down in the presenter itself, at 1080p and 720p.
  for (const [index, name] of SLIDES.entries()) {
    if (index > 0) await presenter.keyboard.press('PageDown');
    await expect(title(name)).toBeVisible();
    const body = await smallestBodyText(presenter);
    expect(body.size, `${name}: "${body.text}"`).toBeGreaterThanOrEqual(28);
    expect(await overflowingColumns(presenter), name).toEqual([]);
    if (name === 'Compare') {
      const label = await smallestChartLabel(presenter);
      expect(label.size, `${name} chart: "${label.text}"`).toBeGreaterThanOrEqual(20);
    }
    if (name === 'Weighting') {
      // Bars against the largest weight: the heaviest criterion's bar fills its track.
      const fills = await presenter
        .getByRole('list', { name: 'Weights by criterion' })
        .locator('.presenter__weight-track')
        .evaluateAll((tracks) =>
          tracks.map(
            (t) =>
              (t.firstElementChild?.getBoundingClientRect().width ?? 0) / t.getBoundingClientRect().width,
          ),
        );
      expect(Math.max(...fills)).toBeCloseTo(1, 2);
    }
    await screenshot(presenter, `presenter-1080-${index + 1}-${name.toLowerCase()}`);
    await presenter.setViewportSize({ width: 1280, height: 720 });
    await expect(title(name)).toBeVisible();
    await screenshot(presenter, `presenter-720-${index + 1}-${name.toLowerCase()}`);
    await presenter.setViewportSize({ width: 1920, height: 1080 });
  }
  // The console follows the presenter's clicker: the step is the workshop's.
  await expect
    .poll(
      async () =>
        (await callHost<{ state: { step: string } }>(host, 'workshop:get', { sessionId: session.id })).state
          .step,
    )
    .toBe('recommendation');
  await presenter.keyboard.press('PageUp');
  await expect(title('Compare')).toBeVisible();
  // It took the focus once, as it opened; a step changed since did not pull it forward again.
  await expect(presenter.locator('html')).toHaveAttribute('data-focus-calls', '1');
  await presenter.keyboard.press('ArrowLeft');
  await expect(title('Weighting')).toBeVisible();
  await presenter.keyboard.press('ArrowRight');
  await expect(title('Compare')).toBeVisible();

  // B blanks the screen; any key brings the same slide back, without moving on.
  await presenter.keyboard.press('b');
  await expect(presenter.getByTestId('presenter-blank')).toBeVisible();
  await expect(title('Compare')).toBeHidden();
  await screenshot(presenter, 'presenter-1080-blank');
  await presenter.keyboard.press('PageDown');
  await expect(presenter.getByTestId('presenter-blank')).toHaveCount(0);
  await expect(title('Compare')).toBeVisible();
  await presenter.keyboard.press('.');
  await expect(presenter.getByTestId('presenter-blank')).toBeVisible();
  await presenter.keyboard.press('b');
  await expect(title('Compare')).toBeVisible();

  // F5 neither reloads the shared screen nor opens another: the page keeps its state, no tab opens.
  await presenter.evaluate(() => document.documentElement.setAttribute('data-before-f5', 'yes'));
  const pages = context.pages().length;
  await presenter.keyboard.press('F5');
  await presenter.keyboard.press('PageDown');
  await expect(title('Recommendation')).toBeVisible();
  await expect(presenter.locator('html')).toHaveAttribute('data-before-f5', 'yes');
  expect(context.pages()).toHaveLength(pages);

  // F asks for full screen (the button does too) and F again leaves it.
  await presenter.keyboard.press('f');
  await expect(presenter.locator('main.presenter')).toHaveClass(/presenter--fullscreen/);
  await presenter.keyboard.press('f');
  await expect(presenter.locator('main.presenter')).not.toHaveClass(/presenter--fullscreen/);

  // The console's radar shows every criterion's name whole, inside its drawing.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${host.origin}/#/workshop/${session.id}`);
  await presenter.keyboard.press('PageUp');
  await expect(title('Compare')).toBeVisible();
  await expect(page.getByRole('img', { name: /Ratings/ })).toBeVisible();
  const radar = await radarLabelsOutside(page);
  expect(radar.count).toBeGreaterThanOrEqual(7);
  expect(radar.outside).toEqual([]);
  await expect(page.locator('svg.chart__svg--radar')).toContainText('Development');
  await expect(page.locator('svg.chart__svg--radar')).not.toContainText('…');
  await screenshot(page, 'presenter-console-radar');

  // F5 on the console opens the shared screen once; pressing it again brings that one forward.
  const opened = context.waitForEvent('page');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('F5');
  const shared = await opened;
  await expect(shared.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();
  const open = context.pages().length;
  await page.keyboard.press('F5');
  await page.keyboard.press('PageDown');
  await expect(shared.getByRole('heading', { level: 1, name: 'Recommendation' })).toBeVisible();
  expect(context.pages()).toHaveLength(open);
  expect(errors).toEqual([]);
});

test('a large workshop (13 criteria, 4 candidates) still fits one legible screen: the heaviest criteria, and what the rest carry', async ({
  app: page,
  host,
  context,
}) => {
  test.setTimeout(120_000);
  const session = await sessionOnHost(host, {
    client: 'Northwind Logistics',
    project: 'Fleet tracking',
    date: '2026-06-02',
    participants: ['Ana', 'Ben'],
  });
  const custom = [
    'Hiring market',
    'Hosting cost',
    'Vendor support',
    'Licensing',
    'Observability',
    'Team morale',
  ];
  const criteria = [
    'performance',
    'scalability',
    'development-speed',
    'learning-curve',
    'ecosystem',
    'use-case-fit',
    'security',
  ];
  for (const [i, name] of custom.entries()) {
    await session.apply({
      type: 'addCriterion',
      id: `custom-${i}`,
      name,
      description: `${name}, as the room sees it`,
    });
    criteria.push(`custom-${i}`);
  }
  for (const [id, name] of [
    ['fastapi', 'FastAPI'],
    ['go', 'Go'],
  ] as const)
    await session.apply({ type: 'addCandidate', id, name });
  for (const [c, candidateId] of ['django', 'nodejs', 'fastapi', 'go'].entries()) {
    for (const [k, criterionId] of criteria.entries()) {
      if (!criterionId.startsWith('custom-') && (candidateId === 'django' || candidateId === 'nodejs'))
        continue;
      const value = ((c + k) % 5) + 1;
      await session.apply({
        type: 'setRating',
        candidateId,
        criterionId,
        value,
        rationale: 'From the pilot.',
      });
    }
  }
  const [ana = '', ben = ''] = session.people;
  for (const [k, criterionId] of criteria.entries()) {
    await session.apply({ type: 'setDirect', participantId: ana, criterionId, value: (k % 10) + 1 });
    await session.apply({ type: 'setDirect', participantId: ben, criterionId, value: ((k * 3) % 10) + 1 });
  }
  await session.apply({ type: 'setStep', step: 'weighting' });

  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(`${host.origin}/#/present/${session.id}`);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Weighting' })).toBeVisible();
  const weights = presenter.getByRole('list', { name: 'Weights by criterion' });
  await expect(weights.getByRole('listitem')).toHaveCount(10);
  await expect(presenter.getByText(/^3 more criteria carry \d+% of the weight between them/)).toBeVisible();
  expect((await smallestBodyText(presenter)).size).toBeGreaterThanOrEqual(28);
  await screenshot(presenter, 'presenter-1080-large-weighting');

  await presenter.keyboard.press('PageDown');
  await expect(presenter.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();
  await expect(presenter.getByText(/^The \d+ heaviest of 13 criteria$/)).toBeVisible();
  const label = await smallestChartLabel(presenter);
  expect(label.size, `chart: "${label.text}"`).toBeGreaterThanOrEqual(20);
  // One screen: nothing below the fold, and no column running into the foot.
  expect(
    await presenter.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0),
  ).toBeLessThanOrEqual(1080);
  expect(await overflowingColumns(presenter)).toEqual([]);
  await screenshot(presenter, 'presenter-1080-large-compare');
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
});
