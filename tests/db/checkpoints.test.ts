/**
 * Autosaves leave the write-ahead log for later: the database file itself is untouched while a
 * slider is dragged, and the log is copied into it once the app has been idle (checkpoints.ts).
 * What the file holds is watched by its bytes: in WAL mode only a checkpoint writes them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS } from '../../src-main/db/checkpoints';
import type { SessionRecord } from '@shared/sessions/schema';
import type { WorkshopReceipt } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);

afterEach(() => {
  vi.useRealTimers();
});

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the write-ahead log', () => {
  it('is copied into the database file when the app is idle, not during a run of autosaves', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const path = join(tempDir(), 'stackwise.sqlite');
    const { core, ipc } = startCore({ databasePath: path });
    const session = await ok<SessionRecord>(
      ipc.call(
        'sessions:create',
        draft({ participants: [{ name: 'Ingrid' }, { name: 'Lars' }, { name: 'Zoë' }] }),
      ),
    );
    // The copy the creation asked for, done; from here on only the autosaves ask.
    vi.advanceTimersByTime(IDLE_MS);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = fileHash(path);
    let revision = 0;
    // Far more pages than SQLite's default limit of 1,000, which would have copied the log midway.
    for (let i = 0; i < 300; i++) {
      const receipt = await ok<WorkshopReceipt>(
        ipc.call('workshop:apply', {
          sessionId: session.id,
          baseRevision: revision,
          action: {
            type: 'setDirect',
            participantId: session.participants[i % 3]?.id,
            criterionId: ['security', 'performance', 'scalability'][i % 3],
            value: i % 11,
          },
        }),
      );
      revision = receipt.revision;
    }
    expect(fileHash(path)).toBe(before);
    vi.advanceTimersByTime(IDLE_MS);
    expect(fileHash(path)).not.toBe(before);
  });
});
