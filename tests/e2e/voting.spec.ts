import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { pageTexts } from '../helpers/pdf';
import { sessionOnHost } from './helpers';

const STEPS = ['Context', 'Criteria', 'Weighting', 'Compare', 'Recommendation'] as const;

const steps = (page: Page) => page.getByRole('navigation', { name: 'Workshop steps' });

async function step(page: Page, name: string): Promise<void> {
  await steps(page).getByRole('button', { name }).click();
  await expect(steps(page).getByRole('button', { name })).toHaveAttribute('aria-current', 'step');
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByRole('toolbar', { name: 'Workshop' }).getByRole('status')).toHaveText('Saved');
}

const person = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Participants' }).getByRole('button', { name: new RegExp(`^${name}`) });

/** Nothing on this screen shows a weight, a score, a ranking or anyone's input. */
async function expectNothingShown(page: Page, where: string): Promise<void> {
  await expect(page.getByRole('list', { name: 'Live ranking' }), where).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Weights by criterion' }), where).toHaveCount(0);
  await expect(
    page.getByRole('heading', { name: /Side by side|^Why |What would change/ }),
    where,
  ).toHaveCount(0);
  // The voter selected on the console (Cleo, who abstained) stays closed while hidden.
  await expect(page.getByRole('slider'), where).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: / vs / }), where).toHaveCount(0);
  // The console's own controls (the disagreement threshold) name percentages; results are elsewhere.
  const text = (await page.locator('main').first().innerText()).replace(/\s+/g, ' ');
  expect(text.replace(/±\d+(\.\d)?% spread/g, ''), where).not.toMatch(/\d+(\.\d+)?\s?%/);
  expect(text, where).not.toMatch(/\bleads\b|\d\.\d\d/);
}

test('votes are acts: two of four vote, one inconsistently; round 2 starts at not yet; hidden is hidden on every step and screen; reveal is a moment', async ({
  app: page,
  host,
  context,
}, testInfo) => {
  test.setTimeout(180_000);
  const session = await sessionOnHost(host, {
    client: 'Harbour Freight',
    project: 'Booking API',
    date: '2026-06-01',
    participants: ['Ana', 'Ben', 'Cleo', 'Dev'],
  });
  await session.apply({ type: 'setStep', step: 'weighting' });
  await page.goto(`${host.origin}/#/workshop/${session.id}`);
  const presenter = await context.newPage();
  await presenter.goto(`${host.origin}/#/present/${session.id}`);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Weighting' })).toBeVisible();

  // Nobody has done anything: every screen says so, and nobody shows as voted.
  await expect(page.getByText('No one has weighed in yet')).toBeVisible();
  await expect(page.getByText('No votes yet: the built-in ratings on equal weights.')).toBeVisible();
  await expect(page.getByTestId('ballot-count')).toHaveText('0 of 4 voters have voted in round 1');
  for (const name of ['Ana', 'Ben', 'Cleo', 'Dev'])
    await expect(person(page, name)).toContainText('Not voted yet');
  await expect(presenter.getByText(/No one has weighed in yet/)).toBeVisible();
  await screenshot(page, 'voting-console-no-votes');
  await screenshot(presenter, 'voting-presenter-no-votes');
  await step(page, 'Compare');
  await expect(page.getByText('No one has weighed in yet')).toBeVisible();
  await expect(page.getByText(/High confidence|The room agrees/)).toHaveCount(0);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Compare' })).toBeVisible();
  await expect(presenter.getByText(/No one has weighed in yet/)).toBeVisible();
  await expect(presenter.getByText(/High confidence|The room agrees/)).toHaveCount(0);
  await screenshot(page, 'voting-console-compare-no-votes');
  await screenshot(presenter, 'voting-presenter-compare-no-votes');
  await step(page, 'Weighting');

  // Ana votes by entering a weight.
  await person(page, 'Ana').click();
  await expect(page.getByTestId('vote-status')).toHaveText('Round 1: Not voted yet');
  const security = page.getByRole('slider', { name: 'Security', exact: true });
  await security.focus();
  await security.press('ArrowRight');
  await expect(person(page, 'Ana')).toContainText('Voted');
  await expect(page.getByTestId('ballot-count')).toHaveText('1 of 4 voters have voted in round 1');
  await expect(page.getByText('No one has weighed in yet')).toHaveCount(0);

  // Ben's pairwise answers contradict each other: his vote is in, but left out until included.
  await person(page, 'Ben').click();
  await page.getByRole('radio', { name: 'Pairwise' }).check();
  await page
    .getByLabel('Performance vs Scalability')
    .selectOption({ label: 'Performance 9× more important' });
  await page.getByLabel('Scalability vs Security').selectOption({ label: 'Scalability 9× more important' });
  await page.getByLabel('Performance vs Security').selectOption({ label: 'Security 9× more important' });
  await expect(page.getByTestId('ballot-count')).toHaveText('2 of 4 voters have voted in round 1');
  const leftOut = page
    .getByRole('region', { name: 'The room’s weights' })
    .getByText(/Ben’s pairwise answers contradict/);
  await expect(leftOut).toContainText('left out of the room’s weights until revised');
  await expect(presenter.getByText(/Ben’s pairwise answers contradict/)).toContainText('left out');
  await saved(page);
  await screenshot(page, 'voting-console-inconsistent');
  await screenshot(presenter, 'voting-presenter-inconsistent');
  await page
    .getByRole('region', { name: 'The room’s weights' })
    .getByRole('button', { name: 'Include anyway' })
    .click();
  await expect(leftOut).toContainText('counted anyway');
  await expect(presenter.getByText(/Ben’s pairwise answers contradict/)).toContainText('counted anyway');

  // In anonymous mode the presenter says it without a name.
  const anonymity = page.getByRole('combobox', { name: 'Anonymity' });
  await anonymity.selectOption('hiddenFromRoom');
  await expect(presenter.getByText(/1 inconsistent vote is counted anyway/)).toBeVisible();
  await expect(presenter.getByText('Ben')).toHaveCount(0);
  // The room's panel repaints a frame behind the input (deferred), so choose and wait for the state.
  await anonymity.selectOption('named');
  await expect(anonymity).toHaveValue('named');
  await expect(person(page, 'Ben')).toBeVisible();

  // Cleo abstains; Dev does nothing.
  await person(page, 'Cleo').click();
  await page.getByRole('button', { name: 'Abstain' }).click();
  await expect(person(page, 'Cleo')).toContainText('Abstained');
  await expect(page.getByTestId('ballot-count')).toHaveText(
    '2 of 4 voters have voted in round 1, 1 abstained',
  );
  await expect(person(page, 'Dev')).toContainText('Not voted yet');
  await saved(page);

  // Hidden means hidden: every step of the console and the presenter, stepping with Page Down too.
  await page.getByRole('checkbox', { name: 'Hide inputs until reveal' }).click();
  await expect(page.getByRole('checkbox', { name: 'Hide inputs until reveal' })).toBeChecked();
  await saved(page);
  await step(page, 'Context');
  for (const [index, name] of STEPS.entries()) {
    if (index > 0) {
      await page.getByRole('heading', { level: 1 }).click();
      await page.keyboard.press('PageDown');
    }
    await expect(steps(page).getByRole('button', { name })).toHaveAttribute('aria-current', 'step');
    await expect(presenter.getByRole('heading', { level: 1, name })).toBeVisible();
    await expectNothingShown(page, `console, ${name}`);
    await expectNothingShown(presenter, `presenter, ${name}`);
    if (name === 'Weighting' || name === 'Compare' || name === 'Recommendation') {
      await expect(
        presenter.getByText('Results are hidden until the facilitator reveals them'),
      ).toBeVisible();
      await expect(presenter.getByRole('list', { name: 'Who has voted' })).toContainText('Ana: Voted');
      await screenshot(page, `voting-console-hidden-${name.toLowerCase()}`);
      await screenshot(presenter, `voting-presenter-hidden-${name.toLowerCase()}`);
    }
  }

  // Reveal: one command, and the room sees the moment.
  await page.keyboard.press('PageUp');
  await expect(steps(page).getByRole('button', { name: 'Compare' })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(presenter.getByText('Results revealed')).toBeVisible();
  await screenshot(presenter, 'voting-presenter-revealed');
  await expect(page.getByText(/leads/).first()).toBeVisible();
  await expect(presenter.getByText(/leads/).first()).toBeVisible();

  // Round 2: everyone starts at not yet, hidden again; the console shows who re-voted.
  await step(page, 'Weighting');
  await page.getByRole('button', { name: 'Start round 2' }).click();
  await expect(page.getByTestId('ballot-count')).toHaveText('0 of 4 voters have voted in round 2');
  for (const name of ['Ana', 'Ben', 'Cleo', 'Dev'])
    await expect(person(page, name)).toContainText('Not voted yet');
  await expectNothingShown(presenter, 'presenter, round 2');
  await person(page, 'Ana').click();
  await page.getByRole('button', { name: 'Vote with these weights' }).click();
  await expect(person(page, 'Ana')).toContainText('Voted');
  await expect(page.getByTestId('ballot-count')).toHaveText('1 of 4 voters have voted in round 2');
  // The editor stays open while her vote is entered; once someone else is chosen, Ana's vote
  // stays closed while hidden, so the next person at the console does not see it.
  await expect(page.getByRole('slider', { name: 'Security', exact: true })).toBeVisible();
  await person(page, 'Ben').click();
  await expect(page.getByRole('heading', { name: 'Weights from Ben' })).toBeVisible();
  await person(page, 'Ana').click();
  await expect(page.getByText('Ana’s vote is in')).toBeVisible();
  await expect(page.getByRole('slider')).toHaveCount(0);
  await expect(presenter.getByRole('list', { name: 'Who has voted' })).toContainText('Ana: Voted');
  await expect(presenter.getByRole('list', { name: 'Who has voted' })).toContainText('Ben: Not voted yet');
  await saved(page);
  await screenshot(page, 'voting-console-round-2');
  await screenshot(presenter, 'voting-presenter-round-2');
  await page.getByRole('button', { name: 'Reveal results' }).click();
  await expect(page.getByRole('list', { name: 'Weights by criterion' })).toBeVisible();
  await expect(presenter.getByText('Results revealed')).toBeVisible();
  await page.getByText('Earlier rounds, kept for the record').click();
  await expect(page.getByRole('columnheader', { name: 'Round 1' })).toBeVisible();

  // The PDF says what the screens say: the same lead, the same count of votes, the same first reason.
  await step(page, 'Recommendation');
  const verdict = await page
    .getByText(/leads .+ by [\d.]+ points/)
    .first()
    .innerText();
  const [, leader = '', runnerUp = '', lead = ''] =
    /(\S+) leads (\S+) by ([\d.]+) points/.exec(verdict) ?? [];
  const firstReason = await page
    .getByRole('heading', { name: `Why ${leader}` })
    .first()
    .locator('xpath=following-sibling::ol[1]/li[1]')
    .innerText();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const file = testInfo.outputPath('voting.pdf');
  await (await downloading).saveAs(file);
  const text = pageTexts(file).join('\n').replace(/\s+/g, ' ');
  expect(text).toContain(`${lead} points over ${runnerUp}`);
  expect(text).toContain('1 of 4 voters voted in round 2');
  // The PDF's "Why" list starts with the same criterion as the screen's.
  const criterion = firstReason.split(':')[0]?.trim() ?? '';
  expect(text).toMatch(new RegExp(`Why ${leader} 1\\. ${criterion}:`));
});
