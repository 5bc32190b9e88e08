import { describe, expect, it } from 'vitest';
import type { NetworkInterface, RoomDevice } from '@shared/room/contract';
import { DEFAULT_ROOM_SETTINGS, PAIRWISE_MAX_CRITERIA } from '@shared/room/schema';
import {
  countdownSentence,
  formatCountdown,
  secondsLeft,
  timerChoiceLabel,
} from '../../src-renderer/src/features/room/countdown';
import {
  groupLobby,
  interfaceLabel,
  lobbySummary,
  LOOPBACK_LABEL,
  pairwiseRefusal,
  sortInterfaces,
  startingSettings,
} from '../../src-renderer/src/features/room/lobby';
import { showJoinPanel, splitAddress } from '../../src-renderer/src/features/room/join';
import { QR_QUIET_ZONE, qrShape } from '../../src-renderer/src/features/room/qr';

/** A matrix from a picture, `#` dark and `.` light, padded to the 21 modules a QR code has at least. */
function matrix(picture: string[]) {
  const size = 21;
  const rows = Array.from({ length: size }, (_, y) =>
    (picture[y] ?? '').padEnd(size, '.').replaceAll('#', '1').replaceAll('.', '0'),
  );
  return { size, rows };
}

/** The dark modules the rectangles cover, as "x,y" in matrix coordinates. */
function covered(rects: Array<{ x: number; y: number; width: number }>, quiet: number) {
  const cells = new Set<string>();
  for (const r of rects) {
    for (let x = r.x; x < r.x + r.width; x++) cells.add(`${x - quiet},${r.y - quiet}`);
  }
  return cells;
}

describe('the QR code as rectangles', () => {
  it('draws one rectangle per dark run, inside a quiet zone of four modules', () => {
    const shape = qrShape(matrix(['##.#', '....', '.###']));
    expect(shape.extent).toBe(21 + 2 * QR_QUIET_ZONE);
    expect(shape.rects).toEqual([
      { x: 4, y: 4, width: 2 },
      { x: 7, y: 4, width: 1 },
      { x: 5, y: 6, width: 3 },
    ]);
  });

  it('covers exactly the dark modules, a run that reaches the right edge included', () => {
    const rows = matrix([]).rows.map((row, y) =>
      [...row].map((_, x) => ((x * 7 + y * 3) % 5 < 2 || x === 20 ? '1' : '0')).join(''),
    );
    const shape = qrShape({ size: 21, rows }, 2);
    const dark = new Set<string>();
    rows.forEach((row, y) => [...row].forEach((c, x) => c === '1' && dark.add(`${x},${y}`)));
    expect(covered(shape.rects, 2)).toEqual(dark);
    expect(shape.rects.every((r) => r.x + r.width <= 21 + 2)).toBe(true);
  });
});

const device = (fields: Partial<RoomDevice> & { id: string }): RoomDevice => ({
  name: 'Someone',
  participantId: null,
  status: 'joined',
  pendingReason: null,
  voted: false,
  connected: true,
  ...fields,
});
const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('the lobby', () => {
  const roster = [
    { id: ID(1), name: 'Ana', ballot: 'notYet' as const },
    { id: ID(2), name: 'Ben', ballot: 'notYet' as const },
    { id: ID(3), name: 'Chloé', ballot: 'voted' as const },
    { id: ID(4), name: 'Dev', ballot: 'notYet' as const },
  ];

  it('sorts the roster into voted, joined without a vote, and not here yet', () => {
    const lobby = groupLobby(roster, [
      device({ id: ID(5), participantId: ID(1), voted: true }),
      device({ id: ID(6), participantId: ID(2) }),
    ]);
    expect(lobby.voted.map((v) => v.name)).toEqual(['Ana', 'Chloé']);
    expect(lobby.joined.map((v) => v.name)).toEqual(['Ben']);
    expect(lobby.absent.map((v) => v.name)).toEqual(['Dev']);
    expect(lobby.voted[1]?.devices).toEqual([]);
  });

  it('keeps a waiting device out of the roster, even one for a voter who has joined', () => {
    const second = device({
      id: ID(7),
      participantId: ID(2),
      status: 'pending',
      pendingReason: 'secondDevice',
    });
    const typed = device({ id: ID(8), name: 'Zoë', status: 'pending', pendingReason: 'newName' });
    const lobby = groupLobby(roster, [second, typed]);
    expect(lobby.pending).toEqual([second, typed]);
    expect(lobby.joined).toEqual([]);
    expect(lobby.absent.map((v) => v.name)).toEqual(['Ana', 'Ben', 'Dev']);
  });

  it('says itself in one line, with the devices waiting for approval when there are any', () => {
    expect(lobbySummary(1, { joined: 3, voted: 2, voters: 5 }, 0)).toBe(
      'Round 1 · 3 of 5 voters joined · 2 voted',
    );
    expect(lobbySummary(2, { joined: 1, voted: 0, voters: 1 }, 2)).toBe(
      'Round 2 · 1 of 1 voter joined · 0 voted · 2 waiting for you',
    );
  });

  it('lists a joined device that speaks for no voter apart, so it can still be removed', () => {
    const observer = device({ id: ID(9), participantId: '00000000-0000-4000-8000-000000000099' });
    expect(groupLobby(roster, [observer]).others).toEqual([observer]);
  });
});

describe('the room’s network', () => {
  const wifi: NetworkInterface = { name: 'wlan0', address: '192.168.1.20', family: 'IPv4', internal: false };
  const v6: NetworkInterface = { name: 'wlan0', address: 'fd00::20', family: 'IPv6', internal: false };
  const loop: NetworkInterface = { name: 'lo', address: '127.0.0.1', family: 'IPv4', internal: true };

  it('lists the room’s networks first and this computer alone last, labelled as such', () => {
    expect(sortInterfaces([loop, v6, wifi])).toEqual([wifi, v6, loop]);
    expect(interfaceLabel(loop)).toBe(`${LOOPBACK_LABEL}: 127.0.0.1`);
    expect(interfaceLabel(wifi)).toBe('wlan0: 192.168.1.20');
    expect(interfaceLabel(v6)).toBe('wlan0: fd00::20 (IPv6)');
  });
});

describe('the room’s settings', () => {
  it('offers pairwise up to the limit of criteria, and says why not beyond it', () => {
    expect(pairwiseRefusal(PAIRWISE_MAX_CRITERIA)).toBeNull();
    expect(pairwiseRefusal(PAIRWISE_MAX_CRITERIA + 1)).toBe(
      'Pairwise would ask each person 28 questions for 8 criteria; phones offer it up to 7 criteria (21 questions).',
    );
    expect(startingSettings(DEFAULT_ROOM_SETTINGS, 8).methods).toEqual(['direct', 'points', 'rank']);
    expect(startingSettings(DEFAULT_ROOM_SETTINGS, 7).methods).toContain('pairwise');
    expect(startingSettings({ ...DEFAULT_ROOM_SETTINGS, methods: ['pairwise'] }, 9).methods).toEqual([
      'direct',
    ]);
  });
});

describe('the countdown', () => {
  const endsAt = '2026-03-02T10:05:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('rounds up to the whole second and stops at zero', () => {
    expect(secondsLeft(endsAt, at('2026-03-02T10:00:00.000Z'))).toBe(300);
    expect(secondsLeft(endsAt, at('2026-03-02T10:04:59.001Z'))).toBe(1);
    expect(secondsLeft(endsAt, at('2026-03-02T10:05:00.000Z'))).toBe(0);
    expect(secondsLeft(endsAt, at('2026-03-02T11:00:00.000Z'))).toBe(0);
  });

  it('reads as minutes and seconds, on screen and aloud', () => {
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(9)).toBe('0:09');
    expect(formatCountdown(725)).toBe('12:05');
    expect(countdownSentence(61)).toBe('1 minute 1 second left.');
    expect(countdownSentence(120)).toBe('2 minutes left.');
    expect(countdownSentence(0)).toBe('Time is up.');
    expect(timerChoiceLabel(30)).toBe('30 seconds');
    expect(timerChoiceLabel(90)).toBe('1½ minutes');
    expect(timerChoiceLabel(300)).toBe('5 minutes');
  });
});

describe('the shared screen while the room is open', () => {
  const room = (fields: {
    locked?: boolean;
    accepting?: boolean;
    joined: number;
    voted: number;
    voters: number;
  }) => ({
    open: true as const,
    sessionId: ID(1),
    address: '192.168.1.20',
    port: 5190,
    url: 'http://192.168.1.20:5190/j/ABC234',
    shortUrl: 'http://192.168.1.20:5190',
    code: 'ABC234',
    qr: matrix([]),
    locked: fields.locked ?? false,
    accepting: fields.accepting ?? true,
    round: 1,
    timer: null,
    settings: DEFAULT_ROOM_SETTINGS,
    devices: [],
    counts: { joined: fields.joined, voted: fields.voted, voters: fields.voters },
  });

  it('shows the large join panel while people arrive, and gives the slide back once voting starts', () => {
    expect(showJoinPanel(room({ joined: 0, voted: 0, voters: 4 }))).toBe(true);
    expect(showJoinPanel(room({ joined: 3, voted: 0, voters: 4 }))).toBe(true);
    expect(showJoinPanel(room({ joined: 0, voted: 0, voters: 0 }))).toBe(true);
    expect(showJoinPanel(room({ joined: 3, voted: 1, voters: 4 }))).toBe(false);
    expect(showJoinPanel(room({ joined: 4, voted: 0, voters: 4 }))).toBe(false);
    expect(showJoinPanel(room({ joined: 1, voted: 0, voters: 4, locked: true }))).toBe(false);
    expect(showJoinPanel(room({ joined: 1, voted: 0, voters: 4, accepting: false }))).toBe(false);
  });

  it('sets the scheme apart from what people type', () => {
    expect(splitAddress('http://192.168.1.20:5190')).toEqual({
      scheme: 'http://',
      rest: '192.168.1.20:5190',
    });
    expect(splitAddress('[fd00::20]:5190')).toEqual({ scheme: '', rest: '[fd00::20]:5190' });
  });
});
