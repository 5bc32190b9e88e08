import { join } from 'node:path';
import type { SessionDraft } from '@shared/sessions/schema';

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
