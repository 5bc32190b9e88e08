/**
 * What the facilitator's lobby says, worked out from the room's status and the workshop: who has
 * voted, who has joined but not voted, who is not here yet, which devices wait for approval. Pure,
 * so the lobby's grouping is tested without a screen.
 */
import { PAIRWISE_MAX_CRITERIA } from '@shared/room/schema';
import type { RoomSettings } from '@shared/room/schema';
import type { NetworkInterface, RoomDevice } from '@shared/room/contract';
import type { BallotState } from '@shared/workshop';

export type LobbyVoter = {
  id: string;
  name: string;
  /** Voted from a phone, or on the console; `abstained` as the facilitator recorded it. */
  ballot: BallotState;
  /** The devices that speak for this voter now (normally one). */
  devices: RoomDevice[];
};

export type Lobby = {
  voted: LobbyVoter[];
  /** Joined from a device, no ballot yet this round. */
  joined: LobbyVoter[];
  /** No device and no ballot yet: the people still to scan the code. */
  absent: LobbyVoter[];
  /** Devices waiting for the facilitator: a new name, or a second device for someone. */
  pending: RoomDevice[];
  /** Joined devices that speak for no voter on the roster (an observer, a removed participant). */
  others: RoomDevice[];
};

/**
 * Groups the roster's voters by where they are this round. A ballot counts whether it came from a
 * phone (the device says so) or was typed on the console (the workshop says so).
 */
export function groupLobby(
  voters: ReadonlyArray<{ id: string; name: string; ballot: BallotState }>,
  devices: readonly RoomDevice[],
): Lobby {
  const byParticipant = new Map<string, RoomDevice[]>();
  const pending: RoomDevice[] = [];
  for (const device of devices) {
    if (device.status === 'pending' || device.participantId === null) {
      pending.push(device);
      continue;
    }
    byParticipant.set(device.participantId, [...(byParticipant.get(device.participantId) ?? []), device]);
  }
  const lobby: Lobby = { voted: [], joined: [], absent: [], pending, others: [] };
  const onRoster = new Set<string>();
  for (const voter of voters) {
    onRoster.add(voter.id);
    const own = byParticipant.get(voter.id) ?? [];
    const ballot: BallotState = own.some((d) => d.voted) ? 'voted' : voter.ballot;
    const entry: LobbyVoter = { id: voter.id, name: voter.name, ballot, devices: own };
    if (ballot === 'voted') lobby.voted.push(entry);
    else if (own.length > 0) lobby.joined.push(entry);
    else lobby.absent.push(entry);
  }
  for (const [participantId, own] of byParticipant) {
    if (!onRoster.has(participantId)) lobby.others.push(...own);
  }
  return lobby;
}

/** "Round 2 · 3 of 5 voters joined · 2 voted · 1 waiting for you": the lobby in one line. */
export function lobbySummary(
  round: number,
  counts: { joined: number; voted: number; voters: number },
  waiting: number,
): string {
  const parts = [
    `Round ${round}`,
    `${counts.joined} of ${counts.voters} ${counts.voters === 1 ? 'voter' : 'voters'} joined`,
    `${counts.voted} voted`,
  ];
  if (waiting > 0) parts.push(`${waiting} waiting for you`);
  return parts.join(' · ');
}

/** Why a device waits, in the facilitator's words. */
export function pendingReason(device: RoomDevice): string {
  return device.pendingReason === 'secondDevice'
    ? 'a second device for someone who has joined already'
    : 'a name that is not on the list of participants';
}

/** Loopback is for trying the room alone: the label says so, so nobody projects a dead link. */
export const LOOPBACK_LABEL = 'This computer only (for trying it out)';

/** An interface as the facilitator picks it: the network's name and its address. */
export function interfaceLabel(item: NetworkInterface): string {
  if (item.internal) return `${LOOPBACK_LABEL}: ${item.address}`;
  const family = item.family === 'IPv6' ? ' (IPv6)' : '';
  return `${item.name}: ${item.address}${family}`;
}

/**
 * The order the dialog lists them in: the room's likely networks first (IPv4, which every phone
 * types easily), then IPv6, and loopback last, as it reaches no phone.
 */
export function sortInterfaces(list: readonly NetworkInterface[]): NetworkInterface[] {
  const rank = (i: NetworkInterface) => (i.internal ? 2 : i.family === 'IPv4' ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** How many questions pairwise asks for `criteria` criteria. */
export function pairCount(criteria: number): number {
  return (criteria * (criteria - 1)) / 2;
}

export function pairwiseAllowed(criteria: number): boolean {
  return criteria <= PAIRWISE_MAX_CRITERIA;
}

/** Why pairwise is not offered, or null when it is. */
export function pairwiseRefusal(criteria: number): string | null {
  if (pairwiseAllowed(criteria)) return null;
  return `Pairwise would ask each person ${pairCount(criteria)} questions for ${criteria} criteria; phones offer it up to ${PAIRWISE_MAX_CRITERIA} criteria (${pairCount(PAIRWISE_MAX_CRITERIA)} questions).`;
}

/** The settings the dialog starts from: the room's own, or the defaults, without a method the session cannot offer. */
export function startingSettings(base: RoomSettings, criteria: number): RoomSettings {
  const methods = pairwiseAllowed(criteria) ? base.methods : base.methods.filter((m) => m !== 'pairwise');
  return { ...base, methods: methods.length > 0 ? methods : ['direct'] };
}
