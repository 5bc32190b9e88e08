/** The project names one client's sessions already use, so an imported copy can stand apart. */
import { z } from 'zod';
import { searchKey } from '@shared/sessions/schema';
import type { Db } from '../connection';

export function projectNamesOfClient(db: Db, clientName: string): string[] {
  return z
    .array(z.string())
    .parse(
      db.prepare('SELECT project_name FROM sessions WHERE client_key = ?').pluck().all(searchKey(clientName)),
    );
}
