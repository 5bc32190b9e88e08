/**
 * A brand profile's second logo, the client's: saved through the channel like the first (parsed
 * from its bytes), kept when left out, removed with null, returned with the brand, and carried
 * into what the report is made from. Snapshots made before it existed read as having none.
 */
import { describe, expect, it } from 'vitest';
import type { Brand, BrandDraft } from '@shared/brands/schema';
import { BrandSchema } from '@shared/brands/schema';
import { reportChanges } from '@shared/report/freshness';
import { SnapshotContentSchema } from '@shared/snapshots/schema';
import { initialWorkshopState } from '@shared/workshop';
import type { Session } from '@shared/sessions/schema';
import { captureSession } from '../../src-main/services/capture';
import { useIpcCore } from '../helpers/core';
import { draft, storedSession } from '../helpers/fixtures';
import { jpegHeader, pngImage } from '../helpers/images';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const start = useIpcCore(tempDir);

const brandDraft = (overrides: Partial<BrandDraft> = {}): BrandDraft => ({
  profileName: 'Harbour & Vale for Northwind',
  companyName: 'Harbour & Vale Consulting',
  primaryColor: '#1F4E5F',
  accentColor: '#C9733A',
  contactLine: 'hello@harbourvale.example',
  footerText: 'Confidential',
  disclaimer: '',
  ...overrides,
});

describe('the client’s logo on a brand profile', () => {
  it('is saved, returned with the brand, kept on an edit that leaves it out, and removed with null', async () => {
    const { ipc } = start();
    const saved = await ok<Brand>(
      ipc.call(
        'brands:save',
        brandDraft({
          logo: pngImage(320, 90).toString('base64'),
          clientLogo: jpegHeader(600, 200).toString('base64'),
        }),
      ),
    );
    expect(saved.logo).toMatchObject({ format: 'PNG', width: 320, height: 90 });
    expect(saved.clientLogo).toMatchObject({ format: 'JPEG', width: 600, height: 200 });
    const [listed] = await ok<Brand[]>(ipc.call('brands:list', {}));
    expect(listed?.clientLogo).toEqual(saved.clientLogo);

    const edited = await ok<Brand>(ipc.call('brands:save', brandDraft({ id: saved.id, companyName: 'H&V' })));
    expect(edited.clientLogo).toEqual(saved.clientLogo);
    const cleared = await ok<Brand>(ipc.call('brands:save', brandDraft({ id: saved.id, clientLogo: null })));
    expect(cleared.clientLogo).toBeNull();
    expect(cleared.logo).toEqual(saved.logo);
  });

  it('is refused with the reason, at its own field, when the file is not a usable image', async () => {
    const { ipc } = start();
    const result = await ipc.call(
      'brands:save',
      brandDraft({ clientLogo: Buffer.from('GIF89a, not a logo').toString('base64') }),
    );
    if (result.ok) throw new Error('a GIF was accepted as the client’s logo');
    expect(result.error.field).toBe('clientLogo');
    expect(result.error.message).toMatch(/PNG or JPEG/);
  });

  it('goes into what the session’s report is made from', async () => {
    const { core, ipc } = start();
    const session = await ok<Session>(ipc.call('sessions:create', draft()));
    const brand = await ok<Brand>(
      ipc.call('brands:save', brandDraft({ clientLogo: pngImage(200, 60).toString('base64') })),
    );
    await ok(ipc.call('report:configure', { sessionId: session.id, brandId: brand.id }));
    expect(captureSession(core.db, session.id).brand.clientLogo).toEqual(brand.clientLogo);
  });

  it('is none for a brand or a snapshot stored before it existed', () => {
    const stored = {
      id: '6a0c1f0e-2b3d-4c5e-8f70-0a1b2c3d4e5f',
      ...brandDraft(),
      logo: null,
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
    };
    expect(BrandSchema.parse(stored).clientLogo).toBeNull();
    const brandShape = SnapshotContentSchema.shape.brand;
    const { id: _id, createdAt: _c, updatedAt: _u, profileName, ...look } = stored;
    expect(brandShape.parse({ ...look, profileName }).clientLogo).toBeNull();
  });

  it('outdates the last report when it changes, and not when a report from before had none', () => {
    const look = { ...brandDraft(), logo: null };
    const before = SnapshotContentSchema.parse({
      session: storedSession(),
      workshop: initialWorkshopState(),
      brand: look,
      report: null,
    });
    const now = { ...before, brand: { ...look, clientLogo: null } };
    expect(reportChanges(before, now)).toEqual([]);
    const clientLogo = {
      format: 'PNG' as const,
      width: 200,
      height: 60,
      base64: pngImage(200, 60).toString('base64'),
    };
    expect(reportChanges(before, { ...now, brand: { ...look, clientLogo } })).toEqual(['brand']);
  });
});
