/**
 * A whole room: twelve phones (three kinds of phone, each its own browser context with touch) vote
 * in a round hidden until Reveal and hidden from everyone, three with each method, against the
 * timer; one reloads mid-round, one is removed, a late phone finds the room locked; nothing of
 * the result reaches any phone before Reveal, and after it every phone shows the room's result;
 * closing the room ends every phone's access.
 */
import { DEFAULT_ROOM_SETTINGS } from '@shared/room/schema';
import type { RoomStatus } from '@shared/room/contract';
import { callHost, expect, test } from './fixtures';
import { expectNoSeriousViolations, sessionOnHost } from './helpers';
import {
  answerPairs,
  chooseMethod,
  expectInRoom,
  moveUp,
  openPhone,
  phoneShot,
  pickName,
  setPoints,
  setSliders,
  submitVote,
} from './roomPhone';
import type { Phone, PhoneName } from './roomPhone';

const NAMES = [
  'Amira Haddad',
  'Ben Okafor',
  'Chloé Martin',
  'Dev Patel',
  'Elif Kaya',
  'Farid Rahimi',
  'Grace Liu',
  'Hugo Lefèvre',
  'Ines Duarte',
  'Jonas Berg',
  'Kemi Adeyemi',
  'Lucía Romero',
];
const KINDS: PhoneName[] = ['pixel', 'iphone', 'narrow'];
const METHODS = ['Sliders', '100 points', 'Ranking', 'Pairwise'] as const;

test('twelve phones vote in a hidden round; a reload, a removal and a locked room; Reveal reaches every phone', async ({
  browser,
  host,
}) => {
  test.setTimeout(420_000);
  const session = await sessionOnHost(host, {
    client: 'Harbour Freight',
    project: 'Booking platform',
    date: '2026-06-01',
    participants: NAMES,
  });
  await session.apply({ type: 'setStep', step: 'weighting' });
  await session.apply({ type: 'setHideUntilReveal', hide: true });
  await session.apply({ type: 'setAnonymity', anonymity: 'hiddenFromEveryone' });
  const opened = await callHost<RoomStatus>(host, 'room:open', {
    sessionId: session.id,
    address: '127.0.0.1',
    port: 0,
    settings: { ...DEFAULT_ROOM_SETTINGS, newNames: 'closed' },
  });
  if (!opened.open) throw new Error('The room did not open.');
  const room = (channel: string, input: Record<string, unknown> = {}) =>
    callHost<RoomStatus>(host, channel, { sessionId: session.id, ...input });
  const counts = async () => {
    const status = await room('room:status');
    return status.open ? status.counts : null;
  };

  const phones: Phone[] = [];
  const phoneAt = (i: number): Phone => {
    const phone = phones[i];
    if (!phone) throw new Error(`There is no phone ${i + 1}.`);
    return phone;
  };
  for (const [i, name] of NAMES.entries()) {
    const phone = await openPhone(browser, KINDS[i % KINDS.length] ?? 'pixel', opened.url);
    phones.push(phone);
    await pickName(phone.page, name);
    await expectInRoom(phone.page, name);
  }
  await expect.poll(async () => (await counts())?.joined).toBe(12);

  // Each method three times, each ballot a little different.
  for (const [i, phone] of phones.entries()) {
    const { page } = phone;
    const method = METHODS[i % METHODS.length] ?? 'Sliders';
    await chooseMethod(page, method);
    if (method === 'Sliders') await setSliders(page, [['Performance', i % 11]]);
    if (method === '100 points') {
      await setPoints(page, [
        ['Performance', 50 + i],
        ['Security', 50 - i],
      ]);
    }
    if (method === 'Ranking') await moveUp(page, 'Security', 1 + (i % 6));
    if (method === 'Pairwise') await answerPairs(page, 2 + (i % 8));
    await submitVote(page);
    // Hidden until Reveal: no phone sees a result, its own or the room's.
    await expect(page.getByRole('heading', { name: /result/ })).toHaveCount(0);
    await expect(page.getByText('Hidden from everyone.', { exact: false })).toBeVisible();
  }
  await expect.poll(async () => (await counts())?.voted).toBe(12);
  await phoneShot(phoneAt(3).page, 'twelve-01-hidden-from-everyone');

  // The timer reaches every phone.
  await room('room:timer', { seconds: 300 });
  for (const phone of phones) await expect(phone.page.getByRole('timer')).toContainText(/[45]:\d\d/);

  // One phone reloads mid-round and comes back to the same participant, vote and all.
  const reloading = phoneAt(5);
  await reloading.page.reload();
  await expectInRoom(reloading.page, NAMES[5] ?? '');
  await expect(reloading.page.getByRole('heading', { name: 'Your vote is in' })).toBeVisible();

  // The facilitator locks the room: a late phone cannot join, and is told why.
  await room('room:configure', { locked: true });
  const late = await openPhone(browser, 'narrow', opened.url);
  await expect(late.page.getByText(/The room is locked/)).toBeVisible();
  await phoneShot(late.page, 'twelve-02-locked');
  await expectNoSeriousViolations(late.page, 'locked');

  // One device is removed: it is told so; the other eleven carry on.
  const removed = phoneAt(11);
  const status = await room('room:status');
  const device = status.open ? status.devices.find((d) => d.name === NAMES[11]) : undefined;
  if (!device) throw new Error(`${NAMES[11]} has no device.`);
  await room('room:device', { deviceId: device.id, action: 'remove' });
  await expect(
    removed.page.getByRole('heading', { name: 'This device was removed from the room' }),
  ).toBeVisible();

  await room('room:round', { accepting: false });
  await session.apply({ type: 'setRevealed', revealed: true });
  for (const phone of phones.slice(0, 11)) {
    await expect(phone.page.getByRole('heading', { name: 'Round closed' })).toBeVisible();
    await expect(
      phone.page.getByRole('list', { name: 'The room’s ranking' }).getByRole('listitem'),
    ).toHaveCount(2);
  }
  await phoneShot(phoneAt(0).page, 'twelve-03-revealed', phoneAt(0).page.getByText('The room’s result'));

  // Closing the room ends every phone's access, and each says so rather than showing a stale vote.
  await room('room:close');
  for (const phone of phones.slice(0, 11)) {
    await expect(
      phone.page.getByText(/Can’t reach the room right now|This device was removed from the room/),
    ).toBeVisible();
  }
  await phoneShot(phoneAt(0).page, 'twelve-04-room-closed');

  for (const phone of [...phones, late]) {
    expect(phone.errors, 'a phone logged errors').toEqual([]);
    await phone.context.close();
  }
});
