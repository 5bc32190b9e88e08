/**
 * The room from the participants' phones: the web host opens the room on 127.0.0.1 through the
 * facilitator's `room:*` channels, and each phone is its own browser context with a phone's
 * viewport, touch and user agent, on the participant listener's address. Every screen a
 * participant meets is saved to test-results/screens/ for people to look at.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_ROOM_SETTINGS } from '@shared/room/schema';
import type { RoomSettings } from '@shared/room/schema';
import type { RoomStatus } from '@shared/room/contract';
import { callHost, expect, test } from './fixtures';
import type { WebHostProcess } from './fixtures';
import { expectNoSeriousViolations, sessionOnHost } from './helpers';
import {
  answerPair,
  answerPairs,
  chooseMethod,
  enterCode,
  expectInRoom,
  expectPhoneFriendly,
  moveUp,
  openPhone,
  phoneShot,
  pickName,
  setPoints,
  setSliders,
  submitVote,
} from './roomPhone';
import type { Phone } from './roomPhone';

type OpenRoom = Extract<RoomStatus, { open: true }>;

const PEOPLE = ['Amira Haddad', 'Ben Okafor', 'Chloé Martin', 'Dev Patel'];

/** A session on the weighting step (seven built-in criteria, 21 pairs), hidden until Reveal, and the room open on loopback. */
async function roomOnHost(host: WebHostProcess, settings: Partial<RoomSettings> = {}) {
  const session = await sessionOnHost(host, {
    client: 'Harbour Freight',
    project: 'Booking platform',
    date: '2026-06-01',
    participants: PEOPLE,
  });
  await session.apply({ type: 'setStep', step: 'weighting' });
  await session.apply({ type: 'setHideUntilReveal', hide: true });
  const opened = await callHost<RoomStatus>(host, 'room:open', {
    sessionId: session.id,
    address: '127.0.0.1',
    port: 0,
    settings: { ...DEFAULT_ROOM_SETTINGS, showOwnResult: true, ...settings },
  });
  if (!opened.open) throw new Error('The room did not open.');
  const room = (channel: string, input: Record<string, unknown> = {}) =>
    callHost<RoomStatus>(host, channel, { sessionId: session.id, ...input });
  const status = async (): Promise<OpenRoom> => {
    const now = await room('room:status');
    if (!now.open) throw new Error('The room closed.');
    return now;
  };
  const deviceOf = async (name: string) => {
    const device = (await status()).devices.find((d) => d.name === name);
    if (!device) throw new Error(`No device joined as ${name}.`);
    return device.id;
  };
  return { session, opened, room, status, deviceOf };
}

async function join(phone: Phone, name: string): Promise<void> {
  await pickName(phone.page, name);
  await expectInRoom(phone.page, name);
}

/** The page reached through the QR code's link goes straight to the roster. */
async function viaLink(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 2, name: 'Pick your name' })).toBeVisible();
}

test('four phones vote with the four methods; a reload comes back; the closed round and the revealed result reach every phone', async ({
  browser,
  host,
}) => {
  test.setTimeout(240_000);
  const { opened, room, status, deviceOf, session } = await roomOnHost(host);
  const phones: Phone[] = [];
  const open = async (kind: Parameters<typeof openPhone>[1], url: string) => {
    const phone = await openPhone(browser, kind, url);
    phones.push(phone);
    return phone;
  };

  // Amira scans the QR code (the link carries the code); Ben types the short address and the code.
  const amira = await open('pixel', opened.url);
  await viaLink(amira.page);
  await phoneShot(amira.page, '02-roster');
  await expectNoSeriousViolations(amira.page, 'roster');
  await expectPhoneFriendly(amira.page, 'roster');

  const ben = await open('iphone', opened.shortUrl);
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Join the room' })).toBeVisible();
  await phoneShot(ben.page, '01-code');
  await expectNoSeriousViolations(ben.page, 'code');
  // A code with a 0 (never in a join code) and a code no room has: each refused, naming the field.
  await enterCode(ben.page, 'kx7p0m');
  const codeField = ben.page.getByLabel('Join code');
  await expect(ben.page.getByRole('alert')).toHaveText(/join code/i);
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await phoneShot(ben.page, '01-code-error');
  const wrong = opened.code === 'ABCDEF' ? 'ABCDEG' : 'ABCDEF';
  await codeField.fill(wrong);
  await ben.page.getByRole('button', { name: 'Continue' }).tap();
  await expect(ben.page.getByRole('alert')).toHaveText(/code/i);
  await enterCode(ben.page, opened.code.toLowerCase());
  await viaLink(ben.page);

  // Sliders.
  await join(amira, 'Amira Haddad');
  await chooseMethod(amira.page, 'Sliders');
  await expectNoSeriousViolations(amira.page, 'sliders');
  await expectPhoneFriendly(amira.page, 'sliders');
  await amira.page.getByRole('button', { name: 'What “Performance” means' }).tap();
  await expect(amira.page.getByText(/copes with the work/)).toBeVisible();
  await setSliders(amira.page, [
    ['Performance', 8],
    ['Scalability', 3],
  ]);
  await phoneShot(amira.page, '03-sliders', amira.page.getByRole('slider', { name: 'Scalability' }));
  await submitVote(amira.page);
  await phoneShot(amira.page, '04-vote-is-in');

  // 100 points: the count of points left is live, and Submit waits until all 100 are given.
  await join(ben, 'Ben Okafor');
  await chooseMethod(ben.page, '100 points');
  await setPoints(ben.page, [
    ['Performance', 40],
    ['Scalability', 30],
  ]);
  const note = ben.page.getByTestId('ballot-note');
  await expect(note).toHaveText('30 of 100 points left');
  await expect(ben.page.getByRole('button', { name: 'Submit my vote' })).toBeDisabled();
  await phoneShot(ben.page, '05-points', ben.page.getByRole('spinbutton', { name: 'Scalability' }));
  await expectPhoneFriendly(ben.page, 'points');
  await ben.page.getByRole('button', { name: '5 more points for Development speed' }).tap();
  await setPoints(ben.page, [
    ['Learning curve', 15],
    ['Ecosystem and community', 10],
  ]);
  await expect(note).toHaveText('All 100 points given');
  await expectNoSeriousViolations(ben.page, 'points');
  await submitVote(ben.page);

  // Ranking, with the large up and down buttons only.
  const chloe = await open('narrow', opened.url);
  await join(chloe, 'Chloé Martin');
  await chooseMethod(chloe.page, 'Ranking');
  await moveUp(chloe.page, 'Ecosystem and community', 4);
  await expect(chloe.page.getByRole('listitem').filter({ hasText: 'Ecosystem and community' })).toContainText(
    '1.',
  );
  // Focus stays with the criterion that moved: at the top its up button is off, so down has it.
  await expect(chloe.page.getByRole('button', { name: 'Move Ecosystem and community down' })).toBeFocused();
  await phoneShot(chloe.page, '06-ranking', chloe.page.getByText('Put the criteria in order'));
  await expectNoSeriousViolations(chloe.page, 'ranking');
  await expectPhoneFriendly(chloe.page, 'ranking');
  await submitVote(chloe.page);

  // Pairwise: which matters more, then how much, for each of the 21 pairs.
  const dev = await open('pixel', opened.url);
  await join(dev, 'Dev Patel');
  await chooseMethod(dev.page, 'Pairwise');
  await expect(dev.page.getByTestId('ballot-note')).toHaveText('Answer 21 more pairs.');
  await answerPairs(dev.page, 3);
  const contradiction = dev.page.getByRole('status').filter({ hasText: 'contradict each other' });
  await expect(contradiction).toHaveCount(0);
  // A circle (Performance over Scalability over Development speed over Performance) is pointed out.
  await answerPair(dev.page, 1, 'Performance', 5);
  await answerPair(dev.page, 2, 'Development speed', 5);
  await answerPair(dev.page, 7, 'Scalability', 5);
  await expect(contradiction).toContainText(/Look again at pair \d+, /);
  await phoneShot(dev.page, '07-pairwise-contradiction', contradiction);
  await answerPair(dev.page, 2, 'Equally important');
  await answerPair(dev.page, 7, 'Equally important');
  await expect(contradiction).toHaveCount(0);
  await phoneShot(dev.page, '07-pairwise', dev.page.getByText('21 of 21'));
  await expectNoSeriousViolations(dev.page, 'pairwise');
  await expectPhoneFriendly(dev.page, 'pairwise');
  await submitVote(dev.page);

  // A name not on the roster waits for the facilitator, and moves on by itself once let in.
  const erik = await open('narrow', opened.url);
  await viaLink(erik.page);
  // An empty name is refused on the phone, in the field's words, before anything is sent.
  await erik.page.getByRole('button', { name: 'Join', exact: true }).tap();
  await expect(erik.page.getByRole('alert')).toHaveText('Type your name.');
  await expect(erik.page.getByLabel('Your name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await erik.page.getByLabel('Your name', { exact: true }).fill('Erik Lindqvist');
  await erik.page.getByRole('button', { name: 'Join', exact: true }).tap();
  await expect(erik.page.getByText('Waiting for the facilitator')).toBeVisible();
  await phoneShot(erik.page, '08-waiting');
  await expectNoSeriousViolations(erik.page, 'waiting');
  await room('room:device', { deviceId: await deviceOf('Erik Lindqvist'), action: 'approve' });
  await expectInRoom(erik.page, 'Erik Lindqvist');

  await expect.poll(async () => (await status()).counts.voted).toBe(4);

  // The countdown is the room's, on every phone.
  await room('room:timer', { seconds: 120 });
  for (const phone of [amira, ben, chloe, dev]) {
    await expect(phone.page.getByRole('timer')).toContainText(/Time left\s*(2:00|1:[0-5]\d)/);
  }

  // A reload mid-round comes back to the same participant, with the ballot as it was stored.
  await amira.page.reload();
  await expectInRoom(amira.page, 'Amira Haddad');
  const receipt = amira.page
    .getByRole('status')
    .filter({ has: amira.page.getByRole('heading', { name: 'Your vote is in' }) });
  // The time the ballot was taken in survives the reload: it comes from the room, not the page.
  await expect(receipt).toContainText(/Received at \d{1,2}:\d{2}/);
  await expect(amira.page.getByRole('slider', { name: 'Performance' })).toHaveValue('8');
  await phoneShot(amira.page, '09-reloaded');
  // …and the vote can still change until the round closes.
  await setSliders(amira.page, [['Learning curve', 9]]);
  await expect(amira.page.getByTestId('ballot-note')).toHaveText('Changes not sent yet.');
  await submitVote(amira.page);

  // The round closes: every phone says so, and nothing can be changed any more.
  await room('room:round', { accepting: false });
  for (const phone of [amira, ben, chloe, dev]) {
    await expect(phone.page.getByRole('heading', { name: 'Round closed' })).toBeVisible();
  }
  await expect(amira.page.getByRole('slider', { name: 'Performance' })).toBeDisabled();
  await expect(amira.page.getByRole('button', { name: /Submit|Send/ })).toHaveCount(0);
  await expect(ben.page.getByRole('spinbutton', { name: 'Performance' })).toBeDisabled();
  await expect(erik.page.getByText('You did not vote in this round.')).toBeVisible();
  await phoneShot(amira.page, '10-round-closed');

  // Reveal: the room's result, and with the room's setting each voter's own.
  await session.apply({ type: 'setRevealed', revealed: true });
  for (const phone of [amira, ben, chloe, dev]) {
    const result = phone.page.getByRole('list', { name: 'The room’s ranking' });
    await expect(result.getByRole('listitem')).toHaveCount(2);
    await expect(phone.page.getByText(/^With your weights, /)).toBeVisible();
  }
  await phoneShot(amira.page, '11-revealed', amira.page.getByRole('heading', { name: 'Your own result' }));
  await expectNoSeriousViolations(amira.page, 'revealed');
  await expectPhoneFriendly(amira.page, 'revealed');

  // A removed device is told so, at once.
  await room('room:device', { deviceId: await deviceOf('Dev Patel'), action: 'remove' });
  await expect(
    dev.page.getByRole('heading', { name: 'This device was removed from the room' }),
  ).toBeVisible();
  await phoneShot(dev.page, '12-removed');
  await expectNoSeriousViolations(dev.page, 'removed');

  // The next round starts from nothing on every phone, and takes a new vote.
  await session.apply({ type: 'startRound' });
  await room('room:round', { accepting: true });
  await expect(amira.page.getByText('Round 2')).toBeVisible();
  await expect(amira.page.getByRole('heading', { name: 'Your vote is in' })).toHaveCount(0);
  await expect(amira.page.getByRole('slider', { name: 'Performance' })).toHaveValue('5');
  await expect(amira.page.getByRole('list', { name: 'The room’s ranking' })).toHaveCount(0);
  await submitVote(amira.page);

  for (const phone of phones) {
    expect(phone.errors, 'a phone logged errors').toEqual([]);
    await phone.context.close();
  }
});
