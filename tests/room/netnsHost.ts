/**
 * The app's side of the network-namespace test, run inside the first namespace:
 *
 *   ip netns exec <ns> node bench/run.mjs tests/room/netnsHost.ts <address> <folder>
 *
 * A real core on a database in <folder> opens the room on <address> and prints one line,
 * `ROOM {json}`, with what a phone needs (port, code, roster). Then it answers lines on stdin:
 * `report` prints `REPORT {json}` (the stored votes of round 1 and the room's status), `quit`
 * closes the room and the core and exits.
 */
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { DEFAULT_ROOM_SETTINGS } from '@shared/room/schema';
import { createCore } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import type { Channel, ChannelInput } from '@shared/ipc/contract';
import { draft, FONTS_DIR } from '../helpers/fixtures';
import { fakeRenderer } from './renderer';

export async function main(argv: string[]): Promise<void> {
  const [address, folder] = argv;
  if (!address || !folder) throw new Error('Usage: netnsHost.ts <address> <folder>');
  const core = createCore({
    databasePath: join(folder, 'stackwise.sqlite'),
    host: 'web',
    version: '0.0.0-netns',
    fontsDir: FONTS_DIR,
    rendererDir: fakeRenderer(folder),
  });
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const result = await dispatch(core.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  const session = (await call(
    'sessions:create',
    draft({ participants: [{ name: 'Priya' }, { name: 'Marek' }] }),
  )) as {
    id: string;
    participants: Array<{ id: string; name: string }>;
  };
  const room = await call('room:open', {
    sessionId: session.id,
    address,
    port: 0,
    settings: DEFAULT_ROOM_SETTINGS,
  });
  const workshop = (await call('workshop:get', { sessionId: session.id })) as {
    state: { criteria: Array<{ id: string }> };
  };
  console.log(
    `ROOM ${JSON.stringify({
      port: room['port'],
      code: room['code'],
      url: room['url'],
      participants: session.participants,
      criteria: workshop.state.criteria.map((c) => c.id),
    })}`,
  );

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line === 'report') {
      const { state } = (await call('workshop:get', { sessionId: session.id })) as {
        state: { rounds: Array<{ votes: Record<string, string>; inputs: Record<string, unknown> }> };
      };
      const status = await call('room:status', { sessionId: session.id });
      console.log(`REPORT ${JSON.stringify({ votes: state.rounds[0]?.votes, counts: status['counts'] })}`);
    }
    if (line === 'quit') break;
  }
  await core.room.closeAll();
  core.close();
  // The runner's own cleanup would wait on stdin; everything of ours is closed.
  process.exit(0);
}
