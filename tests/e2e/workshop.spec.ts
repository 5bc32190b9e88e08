import type { Page } from '@playwright/test';
import { callHost, expect, screenshot, test } from './fixtures';
import { shownPoints } from '@shared/workshop';
import type { WorkshopSnapshot } from '@shared/workshop';
import { createSession, expectNoSeriousViolations, sessionOnHost } from './helpers';

const status = (page: Page) => page.getByRole('toolbar', { name: 'Workshop' }).getByRole('status');

async function step(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name }).click();
  await expect(
    page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name }),
  ).toHaveAttribute('aria-current', 'step');
}

/** Waits until every change has reached the database. */
async function saved(page: Page): Promise<void> {
  await expect(status(page)).toHaveText('Saved');
}

async function slide(
  page: Page,
  label: string,
  presses: number,
  key: 'ArrowRight' | 'ArrowLeft' = 'ArrowRight',
) {
  const slider = page.getByRole('slider', { name: label, exact: true });
  await slider.focus();
  for (let i = 0; i < presses; i++) await slider.press(key);
}

test('a full workshop: profile, custom criterion and candidate, three voters, two rounds, pairwise fixed, override, presenter, restart, undo', async ({
  app: page,
  host,
  context,
}) => {
  test.setTimeout(180_000);
  await createSession(page, {
    client: 'Northwind Logistics',
    project: 'Customer portal rebuild',
    participants: ['Priya (CTO)', 'Marek', 'Ana'],
  });
  await page.getByRole('link', { name: 'Open workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customer portal rebuild' })).toBeVisible();
  const sessionId = new URL(page.url()).hash.split('/').pop() ?? '';

  // The presenter, in a second window, follows the console from the start.
  const presenter = await context.newPage();
  await presenter.goto(`${host.origin}/#/present/${sessionId}`);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Context' })).toBeVisible();

  // Context: answers trigger visible rules.
  await page.getByRole('radio', { name: /Juggling many connections/ }).check();
  await page.getByRole('radio', { name: /Yes, strict compliance applies/ }).check();
  await expect(page.getByText('Strict compliance applies', { exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Suggested starting weights' })).toContainText(
    'Security9 / 10',
  );
  await expect(
    presenter.getByText('With sensitive data, safe defaults matter more', { exact: false }),
  ).toBeVisible();

  // Criteria: a custom criterion and a custom candidate with a rating.
  await step(page, 'Criteria');
  await expect(presenter.getByRole('heading', { level: 1, name: 'Criteria' })).toBeVisible();
  await page.getByLabel('Criterion name').fill('Hiring market');
  await page.getByLabel('What it means').fill('How easily we can hire for the stack in Gdańsk');
  await page.getByRole('button', { name: 'Add criterion' }).click();
  await expect(page.getByRole('heading', { name: /Hiring market/ })).toBeVisible();
  await page.getByLabel('Candidate name').fill('FastAPI');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await page.getByLabel('Rating for FastAPI on Performance').selectOption('4');
  await page.getByLabel('Reason for FastAPI on Performance').fill('Async by default');
  await page.getByLabel('Rating for Django on Hiring market').selectOption('4');
  await saved(page);

  // Weighting: Priya with sliders.
  await step(page, 'Weighting');
  await slide(page, 'Security', 1);
  await slide(page, 'Performance', 3, 'ArrowLeft');
  await expect(page.getByRole('button', { name: /Priya \(CTO\)/ })).toContainText('Voted');

  // Marek compares pairwise, contradicts himself, and fixes it with the app's help.
  await page.getByRole('button', { name: /^Marek/ }).click();
  await expect(page.getByRole('heading', { name: 'Weights from Marek' })).toBeVisible();
  await page.getByRole('radio', { name: 'Pairwise' }).check();
  await page
    .getByLabel('Performance vs Scalability')
    .selectOption({ label: 'Performance 9× more important' });
  await page.getByLabel('Scalability vs Security').selectOption({ label: 'Scalability 9× more important' });
  await page.getByLabel('Performance vs Security').selectOption({ label: 'Security 9× more important' });
  const consistency = page.getByText(/^Consistency ratio/);
  await expect(consistency).toContainText('some judgments contradict each other');
  await screenshot(page, 'workshop-pairwise-inconsistent');
  for (let attempt = 0; attempt < 6; attempt++) {
    const revisit = page.getByRole('alert').filter({ hasText: /^Revisit/ });
    if ((await revisit.count()) === 0) break;
    const text = (await revisit.textContent()) ?? '';
    const [, a, b, suggestion] =
      /^Revisit (.+) versus (.+): the other answers suggest “(.+)”\.$/.exec(text) ?? [];
    await page.getByLabel(`${a} vs ${b}`).selectOption({ label: suggestion ?? '' });
  }
  await expect(consistency).toContainText('fine');

  // Ana shares 100 points; the total stays 100.
  await page.getByRole('button', { name: /^Ana/ }).click();
  await page.getByRole('radio', { name: '100 points' }).check();
  await slide(page, 'Development speed', 20);
  await expect(page.getByText(/stays at\s*100\s*\/ 100/)).toBeVisible();
  await saved(page);
  // A fast drag sends only some of its steps; the points the room sees must be the ones stored.
  await page.getByRole('slider', { name: 'Security', exact: true }).focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight', { delay: 0 });
  await saved(page);
  const shown = await page
    .getByRole('slider')
    .evaluateAll((sliders) => sliders.map((s) => Number((s as HTMLInputElement).value)));
  const stored = await callHost<WorkshopSnapshot>(host, 'workshop:get', { sessionId });
  const ana = Object.values(stored.state.rounds[0]?.inputs ?? {}).find((i) => i.method === 'points');
  const ids = stored.state.criteria.map((c) => c.id);
  const whole = shownPoints(ana?.points ?? {}, ids);
  expect(shown).toEqual(ids.map((id) => whole[id]));
  await expect(page.getByRole('list', { name: 'Live ranking' }).getByRole('listitem')).toHaveCount(3);

  // Anonymous mode: names become "Participant N" on both screens.
  await page.getByRole('combobox', { name: 'Anonymity' }).selectOption('hiddenFromRoom');
  await expect(page.getByRole('button', { name: /^Participant 1/ })).toBeVisible();
  await expect(presenter.getByRole('heading', { level: 1, name: 'Weighting' })).toBeVisible();
  await expect(presenter.getByRole('list', { name: 'Who has voted' })).toHaveText(
    /Participant 1: Voted.*Participant 2: Voted.*Participant 3: Voted/,
  );
  await expect(presenter.getByText('Priya')).toHaveCount(0);

  // Hide until reveal, then reveal.
  await page.getByRole('checkbox', { name: 'Hide inputs until reveal' }).check();
  await expect(page.getByText('Inputs are hidden until you reveal them')).toBeVisible();
  await expect(presenter.getByText('Results are hidden until the facilitator reveals them')).toBeVisible();
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(page.getByRole('list', { name: 'Weights by criterion' })).toBeVisible();

  // Round 2: Ana changes her mind; round 1 stays on record.
  await page.getByRole('button', { name: 'Start round 2' }).click();
  await expect(page.getByText('Round 2', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: /^Participant 3/ }).click();
  await slide(page, 'Security', 15);
  await saved(page);
  // A new round starts hidden again while hide-until-reveal is on.
  await expect(page.getByText('Inputs are hidden until you reveal them')).toBeVisible();
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await page.getByText('Earlier rounds, kept for the record').click();
  await expect(page.getByRole('columnheader', { name: 'Round 1' })).toBeVisible();

  // Restart the host in the middle: nothing is lost.
  await host.restart();
  await page.goto(`${host.url}#/workshop/${sessionId}`);
  await expect(
    page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: 'Weighting' }),
  ).toHaveAttribute('aria-current', 'step');
  await expect(page.getByRole('button', { name: /^Participant 3/ })).toBeVisible();
  await expect(page.getByText('Round 2', { exact: true })).toBeVisible();
  await presenter.goto(`${host.url}#/present/${sessionId}`);

  // Compare: override a rating with a note; the original stays visible.
  await step(page, 'Compare');
  await expect(presenter.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();
  await page.getByRole('button', { name: 'Override Node.js on Security' }).click();
  const dialog = page.getByRole('dialog', { name: 'Override rating' });
  await dialog.getByLabel('New rating').selectOption('4');
  await dialog
    .getByLabel('Why (kept with the decision)')
    .fill('The team has a security champion and a hardened template');
  await dialog.getByRole('button', { name: 'Save override' }).click();
  await expect(
    page.getByText('Overridden from 3: The team has a security champion and a hardened template'),
  ).toBeVisible();
  await saved(page);

  // Undo and redo, with the buttons and with the keyboard.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(/^Overridden from 3/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByText(/^Overridden from 3/)).toBeVisible();
  await page.getByRole('heading', { name: 'Side by side' }).click();
  await page.keyboard.press('Control+z');
  await expect(page.getByText(/^Overridden from 3/)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByText(/^Overridden from 3/)).toBeVisible();

  // Recommendation: notes are saved as they are typed, and the presenter follows (keyboard: next step).
  await page.keyboard.press('Alt+ArrowRight');
  await expect(
    page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: 'Recommendation' }),
  ).toHaveAttribute('aria-current', 'step');
  await expect(presenter.getByRole('heading', { level: 1, name: 'Recommendation' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a next step' }).click();
  await page.keyboard.type('Two-week spike on the notification service; review on 1 April.');
  await saved(page);
  await expect(presenter.getByText('Two-week spike on the notification service')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Next step 1', { exact: true })).toHaveValue(
    'Two-week spike on the notification service; review on 1 April.',
  );
});

test('every step, console and presenter, at projector and laptop size, with no serious accessibility violations', async ({
  app: page,
  host,
  context,
}) => {
  test.setTimeout(180_000);
  const session = await sessionOnHost(host, {
    client: 'Łódź Transit Authority',
    project: 'Timetable API',
    date: '2026-05-02',
    participants: ['Zofia', 'Tomasz', '<b>Eve</b>'],
  });
  const { apply } = session;
  const [zofia, tomasz] = session.people;
  await apply({ type: 'setAnswer', question: 'product', value: 'data-platform' });
  await apply({ type: 'setAnswer', question: 'team', value: 'python' });
  await apply({
    type: 'addCriterion',
    id: 'criterion-hiring',
    name: 'Hiring market',
    description: 'Local hiring',
  });
  await apply({ type: 'setDirect', participantId: zofia, criterionId: 'security', value: 10 });
  await apply({ type: 'setMethod', participantId: tomasz, method: 'rank' });
  await apply({ type: 'moveRank', participantId: tomasz, criterionId: 'scalability', offset: -1 });
  await apply({
    type: 'setNotes',
    field: 'risks',
    text: 'Python hiring pool is thin <script>alert(1)</script>',
  });

  for (const [width, height, size] of [
    [1920, 1080, 'projector'],
    [1280, 720, 'laptop'],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`${host.origin}/#/workshop/${session.id}`);
    const presenter = await context.newPage();
    await presenter.setViewportSize({ width, height });
    await presenter.goto(`${host.origin}/#/present/${session.id}`);
    for (const name of ['Context', 'Criteria', 'Weighting', 'Compare', 'Recommendation']) {
      await step(page, name);
      await expect(presenter.getByRole('heading', { level: 1, name })).toBeVisible();
      await screenshot(page, `workshop-${size}-${name.toLowerCase()}`);
      await screenshot(presenter, `presenter-${size}-${name.toLowerCase()}`);
      if (size === 'projector') {
        for (const target of [page, presenter]) await expectNoSeriousViolations(target, name);
      }
    }
    await presenter.close();
  }
  // User text is text: the markup in a participant's name and a note never became elements.
  expect(await page.locator('b, script:not([src])').count()).toBe(0);
});
