/**
 * The devices in one open room, in memory only. A device is a phone or laptop that joined with
 * the code: it speaks for one participant once joined, or waits for the facilitator (a name not
 * on the roster, or a second device for someone already joined). It is found by its token's
 * hash; the token itself is never kept.
 */
import { randomUUID } from 'node:crypto';
import { newDeviceToken, tokenHash } from './secrets';

export type PendingReason = 'newName' | 'secondDevice';

export type Device = {
  readonly id: string;
  readonly hash: string;
  /** The name it joined as; for a joined device the roster's name is shown instead. */
  name: string;
  participantId: string | null;
  status: 'pending' | 'joined';
  pendingReason: PendingReason | null;
  /** Open event streams of this device. */
  streams: number;
  /** The network address it joined from, and when (ms): what the waiting queue is bounded by. */
  readonly address: string;
  readonly since: number;
};

export type NewDevice = Pick<
  Device,
  'name' | 'participantId' | 'status' | 'pendingReason' | 'address' | 'since'
>;

/**
 * Devices one room keeps, joined or waiting. Far more than the 60 participants a session holds,
 * so a second device for each fits, and few enough that a flood of joins cannot fill memory.
 */
export const MAX_DEVICES = 150;

/**
 * Devices waiting for the facilitator: a few per network address, a short queue in all, each
 * forgotten after a while, so someone with the code cannot fill the room with names nobody lets
 * in. A participant on the list who has not voted joins at once, whatever the queue.
 */
export const PENDING = { perAddress: 3, total: 20, expireMs: 5 * 60_000 } as const;

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;

export function createDeviceRegistry() {
  const byId = new Map<string, Device>();
  const byHash = new Map<string, Device>();

  return {
    /** Adds a device and answers its token, the only time the token exists on this side. */
    add(fields: NewDevice): { device: Device; token: string } | undefined {
      if (byId.size >= MAX_DEVICES) return undefined;
      const token = newDeviceToken();
      const hash = tokenHash(token) as string;
      const device: Device = { id: randomUUID(), hash, streams: 0, ...fields };
      byId.set(device.id, device);
      byHash.set(hash, device);
      return { device, token };
    },
    byToken(token: string | undefined): Device | undefined {
      const hash = tokenHash(token);
      return hash === undefined ? undefined : byHash.get(hash);
    },
    byId(id: string): Device | undefined {
      return byId.get(id);
    },
    remove(id: string): Device | undefined {
      const device = byId.get(id);
      if (!device) return undefined;
      byId.delete(id);
      byHash.delete(device.hash);
      return device;
    },
    /** The joined device that speaks for this participant, if any. */
    joinedFor(participantId: string): Device | undefined {
      for (const device of byId.values())
        if (device.status === 'joined' && device.participantId === participantId) return device;
      return undefined;
    },
    /** Drops waiting devices older than `PENDING.expireMs`; answers the ones dropped. */
    expire(now: number): Device[] {
      const old = [...byId.values()].filter(
        (d) => d.status === 'pending' && now - d.since >= PENDING.expireMs,
      );
      for (const device of old) {
        byId.delete(device.id);
        byHash.delete(device.hash);
      }
      return old;
    },
    /** Whether one more device may wait, from `address`: the queue's two bounds. */
    mayWait(address: string): boolean {
      const waiting = [...byId.values()].filter((d) => d.status === 'pending');
      return (
        waiting.length < PENDING.total &&
        waiting.filter((d) => d.address === address).length < PENDING.perAddress
      );
    },
    list(): Device[] {
      return [...byId.values()];
    },
    get size() {
      return byId.size;
    },
    clear(): void {
      byId.clear();
      byHash.clear();
    },
  };
}
