/**
 * What the shared screen shows of the room: the large join panel while people are still arriving,
 * the small strip otherwise. Only what the room may see: the address, the code, how many have
 * joined, never who.
 */
import type { RoomStatus } from '@shared/room/contract';

type OpenRoom = Extract<RoomStatus, { open: true }>;

/**
 * The large QR panel covers the slide while the room fills up: open to new phones, the round
 * taking ballots, no ballot in yet and someone still to join. Once the first ballot is in (or
 * everyone is here, or the room is locked) the slide comes back, with the strip for latecomers.
 */
export function showJoinPanel(room: OpenRoom): boolean {
  const { joined, voted, voters } = room.counts;
  return !room.locked && room.accepting && voted === 0 && (voters === 0 || joined < voters);
}

/** "http://192.168.1.20:5190" as its two parts: the scheme is small on screen, the rest is what people type. */
export function splitAddress(shortUrl: string): { scheme: string; rest: string } {
  const match = /^(https?:\/\/)(.*)$/.exec(shortUrl);
  return match ? { scheme: match[1] ?? '', rest: match[2] ?? '' } : { scheme: '', rest: shortUrl };
}
