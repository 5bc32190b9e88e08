/** What a session's report is made from, read in one place: session, workshop and brand. */
import { DEFAULT_BRAND } from '@shared/brands/schema';
import type { SnapshotContent } from '@shared/snapshots/schema';
import { initialWorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import { getBrand, getReportSettings } from '../db/reports/brands';
import { getWorkshop } from '../db/workshops/queries';
import { sessionOrThrow } from './lookups';

export type SessionMaterial = Omit<SnapshotContent, 'report'>;

export function captureSession(db: Db, sessionId: string): SessionMaterial {
  const session = sessionOrThrow(db, sessionId);
  const workshop = getWorkshop(db, sessionId)?.state ?? initialWorkshopState();
  const { brandId } = getReportSettings(db, sessionId);
  const stored = brandId ? getBrand(db, brandId) : undefined;
  if (!stored) return { session, workshop, brand: DEFAULT_BRAND };
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...brand } = stored;
  return { session, workshop, brand };
}
