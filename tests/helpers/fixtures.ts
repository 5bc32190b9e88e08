import { join } from 'node:path';
import type { Session, SessionDraft } from '@shared/sessions/schema';

export function draft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return {
    clientName: 'Northwind Logistics',
    projectName: 'Customer portal rebuild',
    facilitator: 'Dana Whitfield',
    workshopDate: '2026-03-12',
    description: 'Pick the back-end stack for the new portal.',
    participants: [{ name: 'Priya (CTO)' }, { name: 'Marek' }],
    ...overrides,
  };
}

/** The report fonts the app ships. */
export const FONTS_DIR = join(import.meta.dirname, '..', '..', 'resources', 'fonts');

/** A session as stored (ids and times set), for tests of pure code that reads one. */
export function storedSession(fields: Partial<Session> = {}): Session {
  return {
    id: '0b6f8f0e-3d0c-4a57-9d56-6f3b0f6a0c11',
    clientName: 'Northwind',
    projectName: 'Portal',
    facilitator: 'Dana',
    workshopDate: '2026-03-12',
    description: '',
    participants: [{ id: '6f1c1b6e-7b0a-4f43-9d47-0c1f2c8f8a11', name: 'Priya' }],
    createdAt: '2026-03-12T09:00:00.000Z',
    updatedAt: '2026-03-12T09:00:00.000Z',
    ...fields,
  };
}
