/** Steps a person takes, shared by the end-to-end specs. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

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
