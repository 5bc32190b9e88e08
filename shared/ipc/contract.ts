/**
 * The IPC contract: every channel the renderer may call, with zod schemas for its input and
 * output, and every event the main side may push. Features contribute their own contract file;
 * they are merged here and nowhere else. Electron IPC and the web host serve this same object.
 */
import type { z } from 'zod';
import { appContract, appEvents } from '../app/contract';
import { brandsContract, brandsEvents } from '../brands/contract';
import { dataContract, dataEvents } from '../data/contract';
import { historyContract } from '../history/contract';
import { portableContract } from '../portable/contract';
import { reportContract } from '../report/contract';
import { roomContract, roomEvents } from '../room/contract';
import { sessionsContract, sessionsEvents } from '../sessions/contract';
import { snapshotsContract } from '../snapshots/schema';
import { workshopContract, workshopEvents } from '../workshop/contract';
import type { Channel, EventName } from './channels';
import type { ChannelSpec } from './spec';

export const contract = {
  ...appContract,
  ...dataContract,
  ...sessionsContract,
  ...workshopContract,
  ...brandsContract,
  ...reportContract,
  ...portableContract,
  ...historyContract,
  ...snapshotsContract,
  ...roomContract,
} satisfies Record<Channel, ChannelSpec>;

export const events = {
  ...appEvents,
  ...dataEvents,
  ...sessionsEvents,
  ...workshopEvents,
  ...brandsEvents,
  ...roomEvents,
} satisfies Record<EventName, z.ZodType>;

// The contract and the zod-free name list in channels.ts must name exactly the same channels.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatch: Exact<keyof typeof contract, Channel> = true;
const eventsMatch: Exact<keyof typeof events, EventName> = true;
void channelsMatch;
void eventsMatch;

export type Contract = typeof contract;
/** What a caller passes (defaults may be omitted). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives once the input has been parsed. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export { CHANNELS, EVENTS, isChannel, isEventName } from './channels';
export type { Channel, EventName } from './channels';
