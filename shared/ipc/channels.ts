/**
 * Channel and event names, free of zod so the sandboxed preload can bundle them cheaply.
 * `contract.ts` is checked against this list at compile time and in tests.
 */
export const CHANNELS = [
  'app:info',
  'data:status',
  'data:backups',
  'data:backup',
  'data:restore',
  'data:recreate',
  'data:reopen',
  'sessions:list',
  'sessions:get',
  'sessions:clients',
  'sessions:create',
  'sessions:update',
  'sessions:duplicate',
  'sessions:delete',
  'workshop:get',
  'workshop:apply',
  'workshop:undo',
  'workshop:redo',
  'workshop:present',
  'brands:list',
  'brands:save',
  'brands:delete',
  'report:settings',
  'report:configure',
  'report:export',
  'report:check',
  'report:open',
  'portable:export',
  'portable:import',
  'portable:csv',
  'portable:adr',
  'history:list',
  'history:entry',
  'snapshots:list',
  'snapshots:create',
  'snapshots:compare',
  'snapshots:restore',
  'snapshots:report',
  'room:interfaces',
  'room:status',
  'room:open',
  'room:configure',
  'room:device',
  'room:round',
  'room:timer',
  'room:check',
  'room:close',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Messages pushed from the main side to every renderer. */
export const EVENTS = [
  'sessions:changed',
  'workshop:changed',
  'brands:changed',
  'app:command',
  'data:replaced',
  'data:status',
  'room:changed',
] as const;
export type EventName = (typeof EVENTS)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNELS);
const eventSet: ReadonlySet<string> = new Set(EVENTS);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channelSet.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventSet.has(value);
}
