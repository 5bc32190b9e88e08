/**
 * The facilitator's side of the room, on the web host's console: open the room on loopback, see
 * the code and the QR code on the console and the shared screen, and run the lobby while phones
 * (plain HTTP requests to the participant listener, as a phone's page makes them) join and vote.
 */
import type { Page } from '@playwright/test';
import { PARTICIPANT_API } from '@shared/room/schema';
import { callHost, expect, screenshot, test } from './fixtures';
import { expectNoSeriousViolations, sessionOnHost } from './helpers';

type OpenStatus = { open: true; url: string; shortUrl: string; code: string };

/**
 * One phone: its own cookie, and the listener's origin on every write, as a browser sends it.
 * Answers come in the contract's envelope (`{ ok, value }`).
 */
function phone(origin: string) {
  let cookie = '';
  const call = async (path: string, method: 'GET' | 'POST' | 'PUT', body?: unknown) => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json', origin }),
        ...(cookie ? { cookie } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
  };
  return {
    join: (code: string, pick: { participantId: string } | { name: string }) =>
      call(PARTICIPANT_API.join, 'POST', { code, pick }),
    me: () => call(PARTICIPANT_API.me, 'GET'),
    ballot: (ranking: string[]) =>
      call(PARTICIPANT_API.ballot, 'PUT', { round: 1, basedOn: 0, ballot: { method: 'rank', ranking } }),
  };
}

const lobby = (page: Page) => page.getByTestId('room-lobby');
const group = (page: Page, title: string) =>
  lobby(page).getByRole('region', { name: new RegExp(`^${title}:`) });

test('the facilitator opens the room on this computer, runs the lobby as phones join and vote, and closing it ends their access', async ({
  app: page,
  host,
  context,
}) => {
  test.setTimeout(180_000);
  const session = await sessionOnHost(host, {
    client: 'Harbour Freight',
    project: 'Booking API',
    date: '2026-06-01',
    participants: ['Ana', 'Ben', 'Cleo', 'Dev'],
  });
  const [ana, ben, cleo] = session.people as [string, string, string, string];
  await session.apply({ type: 'setStep', step: 'weighting' });
  await session.apply({ type: 'setHideUntilReveal', hide: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${host.origin}/#/workshop/${session.id}`);
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(`${host.origin}/#/present/${session.id}`);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Weighting' })).toBeVisible();
  await expect(presenter.getByTestId('join-strip')).toHaveCount(0);

  // Off by default: the console offers to open it, and the dialog lists this computer's networks.
  await page.getByRole('button', { name: 'Open the room…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open the room' });
  const loopback = dialog.getByRole('radio', {
    name: /^This computer only \(for trying it out\): 127\.0\.0\.1/,
  });
  await expect(loopback).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Pairwise' })).toBeEnabled();
  await expect(dialog.getByRole('radio', { name: /^Need your approval/ })).toBeChecked();
  await expect(dialog.getByRole('note', { name: 'Anonymity this round' })).toContainText('This round: Named');
  // Loopback only: a test sends no traffic to any other address this machine has.
  await loopback.check();
  await screenshot(page, 'room-console-open-dialog');
  await expectNoSeriousViolations(page, 'the open-the-room dialog');
  // A refusal is said in the dialog, in the app's words, and opens nothing.
  await dialog.getByRole('textbox', { name: 'Port' }).fill('80');
  await dialog.getByRole('button', { name: 'Open the room' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The port runs from 1024 to 65535 (0 picks a free one).',
  );
  expect(await callHost(host, 'room:status', { sessionId: session.id })).toEqual({ open: false });
  await dialog.getByRole('textbox', { name: 'Port' }).fill('');
  await dialog.getByRole('button', { name: 'Open the room' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(lobby(page).getByRole('heading', { name: /The room is open/ })).toBeVisible();
  const status = await callHost<OpenStatus>(host, 'room:status', { sessionId: session.id });
  expect(status.open).toBe(true);
  expect(new URL(status.url).hostname).toBe('127.0.0.1');
  await expect(page.getByTestId('room-code')).toHaveText(status.code);
  await expect(lobby(page).getByRole('img', { name: `QR code for ${status.url}` })).toBeVisible();
  await expect(group(page, 'Not here yet')).toContainText('Ana');

  // The shared screen: the large QR code and the code while people arrive.
  const panel = presenter.getByTestId('join-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('img', { name: /QR code to join/ })).toBeVisible();
  await expect(panel).toContainText(status.code);
  await expect(panel).toContainText(new URL(status.shortUrl).host);
  await screenshot(presenter, 'room-presenter-join-panel');
  await expectNoSeriousViolations(presenter, 'the join panel');

  // Ana joins from her phone: the lobby moves her without a reload.
  const listener = new URL(status.url).origin;
  const anaPhone = phone(listener);
  expect((await anaPhone.join(status.code, { participantId: ana })).status).toBe(200);
  await expect(group(page, 'Joined, not voted yet')).toContainText('Ana');
  await expect(panel).toContainText('1 joined so far');

  // A name not on the list waits for approval; the facilitator lets Zoë in.
  const zoePhone = phone(listener);
  expect((await zoePhone.join(status.code, { name: 'Zoë' })).status).toBe(200);
  const waiting = group(page, 'Waiting for you');
  await expect(waiting).toContainText('Zoë');
  await expect(waiting).toContainText('a name that is not on the list of participants');
  await screenshot(page, 'room-console-lobby-waiting');
  await expectNoSeriousViolations(page, 'the lobby');
  await waiting.getByRole('button', { name: 'Approve Zoë' }).click();
  await expect(group(page, 'Joined, not voted yet')).toContainText('Zoë');
  await expect(lobby(page).getByRole('region', { name: /^Waiting for you:/ })).toHaveCount(0);

  // A timer started while people still arrive runs on the join panel too.
  await lobby(page).getByRole('button', { name: 'Start the timer' }).click();
  await expect(panel.getByTestId('room-countdown')).toContainText(/Time left\s*[12]:\d\d/);
  await screenshot(presenter, 'room-presenter-join-panel-timer');
  await lobby(page).getByRole('button', { name: 'Stop the timer' }).click();
  await expect(panel.getByTestId('room-countdown')).toHaveCount(0);

  // Ana votes: she is "Voted", and the shared screen gives the slide back, with the join strip.
  const me = (await anaPhone.me()).body as { value: { criteria: Array<{ id: string }> } };
  const ranking = me.value.criteria.map((c) => c.id);
  expect((await anaPhone.ballot(ranking)).status).toBe(200);
  await expect(group(page, 'Voted')).toContainText('Ana');
  await expect(panel).toHaveCount(0);
  const strip = presenter.getByTestId('join-strip');
  await expect(strip).toContainText(status.code);
  await expectNoSeriousViolations(presenter, 'the presenter with the strip');

  // Ben joins, and his device is removed: he is not here, and his phone is out.
  const benPhone = phone(listener);
  expect((await benPhone.join(status.code, { participantId: ben })).status).toBe(200);
  await expect(group(page, 'Joined, not voted yet')).toContainText('Ben');
  await group(page, 'Joined, not voted yet').getByRole('button', { name: 'Remove Ben’s device' }).click();
  await expect(group(page, 'Not here yet')).toContainText('Ben');
  expect((await benPhone.me()).status).toBeGreaterThanOrEqual(400);

  // Locked: nobody new gets in, and the shared screen says so.
  await lobby(page).getByRole('button', { name: 'Lock the room' }).click();
  await expect(lobby(page).getByRole('button', { name: 'Unlock the room' })).toBeVisible();
  await expect(strip).toContainText('The room is locked');
  expect((await phone(listener).join(status.code, { participantId: cleo })).status).toBe(403);
  await lobby(page).getByRole('button', { name: 'Unlock the room' }).click();
  await expect(strip).toContainText(status.code);

  // The round closes: a ballot no longer changes; reopened, it does.
  await lobby(page).getByRole('button', { name: 'Close the round' }).click();
  await expect(lobby(page).getByText('Round closed')).toBeVisible();
  expect((await anaPhone.ballot([...ranking].reverse())).status).toBeGreaterThanOrEqual(400);
  await lobby(page).getByRole('button', { name: 'Reopen the round' }).click();
  await expect(lobby(page).getByRole('button', { name: 'Close the round' })).toBeVisible();

  // The countdown, on the console and on the shared screen, until it is stopped.
  await lobby(page).getByRole('combobox', { name: 'Timer' }).selectOption({ label: '5 minutes' });
  await lobby(page).getByRole('button', { name: 'Start the timer' }).click();
  await expect(lobby(page).getByTestId('room-countdown')).toContainText(/Time left\s*[45]:\d\d/);
  await expect(presenter.getByTestId('room-countdown')).toContainText(/[45]:\d\d/);
  await screenshot(page, 'room-console-lobby');
  await screenshot(presenter, 'room-presenter-strip-timer');
  await lobby(page).getByRole('button', { name: 'Stop the timer' }).click();
  await expect(presenter.getByTestId('room-countdown')).toHaveCount(0);

  // Can phones reach me? The listener answers, and the check says loopback reaches no phone.
  await lobby(page).getByRole('button', { name: 'Can phones reach me?' }).click();
  const reach = page.getByTestId('reach-answer');
  await expect(reach).toContainText(`The room answered on ${status.shortUrl}`);
  await expect(reach.getByRole('listitem').filter({ hasText: 'this computer only' })).toHaveCount(1);

  // Reveal from the lobby, with the console's own button.
  await lobby(page).getByRole('button', { name: 'Reveal results' }).click();
  await expect(lobby(page).getByRole('button', { name: 'Reveal results' })).toHaveCount(0);
  await expect(presenter.getByText('Results revealed')).toBeVisible();

  // On another step the lobby folds to one line, and unfolds on request.
  await page
    .getByRole('navigation', { name: 'Workshop steps' })
    .getByRole('button', { name: 'Compare' })
    .click();
  await expect(lobby(page).getByTestId('room-counts')).toHaveText(
    `Code ${status.code} · Round 1 · 2 of 5 voters joined · 1 voted`,
  );
  await expect(lobby(page).getByRole('button', { name: 'Close the room' })).toHaveCount(0);
  await screenshot(page, 'room-console-lobby-folded');
  await lobby(page).getByRole('button', { name: 'Show the lobby' }).click();
  await expect(lobby(page).getByRole('button', { name: 'Close the room' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Workshop steps' })
    .getByRole('button', { name: 'Weighting' })
    .click();

  // With an eighth criterion, pairwise is no longer offered, and the dialog says why.
  await session.apply({
    type: 'addCriterion',
    id: 'team-fit',
    name: 'Team fit',
    description: 'How well it suits the people who will build it.',
  });
  await lobby(page).getByRole('button', { name: 'Settings…' }).click();
  const settings = page.getByRole('dialog', { name: 'The room’s settings' });
  await expect(settings.getByRole('checkbox', { name: 'Pairwise' })).toBeDisabled();
  await expect(settings.getByRole('checkbox', { name: 'Pairwise' })).not.toBeChecked();
  await expect(settings).toContainText('Pairwise would ask each person 28 questions for 8 criteria');
  await settings.getByRole('checkbox', { name: '100 points' }).uncheck();
  await settings.getByRole('radio', { name: /^Not allowed/ }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toHaveCount(0);
  // The dialog closes once the room has taken the settings.
  const changed = await callHost<{ settings: unknown }>(host, 'room:status', { sessionId: session.id });
  expect(changed.settings).toEqual({ methods: ['direct', 'rank'], newNames: 'closed', showOwnResult: false });

  // Closing the room ends every phone's access, and the shared screen drops the strip.
  await lobby(page).getByRole('button', { name: 'Close the room' }).click();
  await page
    .getByRole('dialog', { name: 'Close the room?' })
    .getByRole('button', { name: 'Close the room' })
    .click();
  await expect(lobby(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open the room…' })).toBeVisible();
  await expect(strip).toHaveCount(0);
  const after = await anaPhone.me().catch(() => ({ status: 0 }));
  expect(after.status === 0 || after.status >= 400).toBe(true);
  expect(await callHost(host, 'room:status', { sessionId: session.id })).toEqual({ open: false });
});
