/** Steps a person takes, shared by the end-to-end specs. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callHost, expect } from './fixtures';
import type { WebHostProcess } from './fixtures';

export type NewSession = {
  client: string;
  project: string;
  facilitator?: string;
  date?: string;
  description?: string;
  participants?: string[];
};

export async function createSession(page: Page, session: NewSession): Promise<void> {
  await page.getByRole('link', { name: 'New session' }).first().click();
  await expect(page.getByRole('heading', { name: 'New session' })).toBeVisible();
  await page.getByLabel('Client name').fill(session.client);
  await page.getByLabel('Project name').fill(session.project);
  await page.getByLabel('Facilitator').fill(session.facilitator ?? 'Dana Whitfield');
  if (session.date) await page.getByLabel('Workshop date').fill(session.date);
  if (session.description) await page.getByLabel('Short description').fill(session.description);
  for (const name of session.participants ?? []) {
    await page.getByLabel('New participant name').fill(name);
    await page.getByRole('button', { name: 'Add participant' }).click();
  }
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: session.client })).toBeVisible();
}

export async function backToList(page: Page): Promise<void> {
  await page.getByRole('link', { name: '← All sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
}

type HostSession = { id: string; participants: Array<{ id: string }> };

/**
 * A session made directly through the host's contract, for scenes the test is not about: its
 * participants' ids in order, and `apply` for workshop actions.
 */
export async function sessionOnHost(
  host: WebHostProcess,
  fields: { client: string; project: string; date: string; participants: string[] },
) {
  const session = await callHost<HostSession>(host, 'sessions:create', {
    clientName: fields.client,
    projectName: fields.project,
    facilitator: 'Dana Whitfield',
    workshopDate: fields.date,
    participants: fields.participants.map((name) => ({ name })),
  });
  return {
    id: session.id,
    people: session.participants.map((p) => p.id),
    apply: (action: unknown) => applyOnHost(host, session.id, action),
  };
}

/** A workshop action through the host, based on the revision stored now (as one console sends it). */
export async function applyOnHost(
  host: WebHostProcess,
  sessionId: string,
  action: unknown,
): Promise<unknown> {
  const { revision } = await callHost<{ revision: number }>(host, 'workshop:get', { sessionId });
  return callHost(host, 'workshop:apply', { sessionId, baseRevision: revision, action });
}

/** axe on the page as it is now: no serious or critical violations, each listed with where it is. */
export async function expectNoSeriousViolations(page: Page, context = ''): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    context,
  ).toEqual([]);
}
