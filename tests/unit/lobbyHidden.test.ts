/**
 * The lobby at "hidden from everyone": how many have voted, never who (the order devices voted in
 * would say whose anonymous ballot is whose).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RoomDevice } from '@shared/room/contract';
import { groupLobby } from '../../src-renderer/src/features/room/lobby';
import { LobbyPeople } from '../../src-renderer/src/features/room/LobbyPeople';

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const names = new Map([
  [ID(1), 'Ana'],
  [ID(2), 'Ben'],
  [ID(3), 'Chloé'],
]);
const roster = [...names].map(([id, name]) => ({ id, name, ballot: 'notYet' as const }));
const device = (n: number, participantId: string, voted: boolean | null): RoomDevice => ({
  id: ID(n),
  name: names.get(participantId) ?? '',
  participantId,
  status: 'joined',
  pendingReason: null,
  voted,
  connected: true,
});

const render = (devices: RoomDevice[], votedCount: { voted: number; voters: number } | null) =>
  renderToStaticMarkup(
    createElement(LobbyPeople, {
      lobby: groupLobby(roster, devices),
      nameOf: (id: string) => names.get(id) ?? '',
      busyDevice: null,
      onDevice: () => undefined,
      votedCount,
    }),
  );

describe('the lobby of a round hidden from everyone', () => {
  it('says how many have voted and lists the joined together, never who voted', () => {
    const html = render([device(5, ID(1), null), device(6, ID(2), null)], { voted: 2, voters: 3 });
    expect(html).toContain('2 of 3 have voted');
    expect(html).not.toContain('Joined, not voted yet');
    expect(html).toMatch(/aria-label="Joined: 2"/);
    expect(html).toMatch(/aria-label="Voted: 2"[^]*?<\/section>/);
    const votedGroup = /aria-label="Voted: 2"[^]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(votedGroup).not.toMatch(/Ana|Ben|Chloé/);
  });

  it('names who voted at the other levels', () => {
    const html = render([device(5, ID(1), true), device(6, ID(2), false)], null);
    const votedGroup = /aria-label="Voted: 1"[^]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(votedGroup).toContain('Ana');
    expect(html).toContain('Joined, not voted yet');
  });
});
