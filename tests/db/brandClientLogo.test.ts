/**
 * The client's logo on a brand profile (migration 100): a profile saved before it opens exactly
 * as it was, with no client logo; one saved after keeps both logos apart.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Brand } from '@shared/brands/schema';
import { MIGRATIONS, migrate } from '../../src-main/db/migrations';
import { getBrand, listBrands, saveBrand } from '../../src-main/db/reports/brands';
import { pngImage } from '../helpers/images';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const ID = '6a0c1f0e-2b3d-4c5e-8f70-0a1b2c3d4e5f';
const before = MIGRATIONS.filter((m) => m.version < 100);

/** A brand row as the release before wrote it, with its own logo. */
function releaseBefore(): Database.Database {
  const db = new Database(join(tempDir(), 'before.sqlite'));
  migrate(db, before);
  db.prepare(
    `INSERT INTO brands (id, profile_name, company_name, primary_color, accent_color, contact_line,
                         footer_text, disclaimer, logo, logo_format, logo_width, logo_height,
                         created_at, updated_at)
     VALUES (?, 'Harbour & Vale', 'Harbour & Vale Consulting', '#1F4E5F', '#C9733A', 'hello@hv.example',
             'Confidential', '', ?, 'PNG', 320, 90, '2026-01-05T09:00:00.000Z', '2026-01-05T09:00:00.000Z')`,
  ).run(ID, pngImage(320, 90));
  return db;
}

describe('migration 100: the client’s logo', () => {
  it('adds four empty columns and leaves every stored profile as it was', () => {
    const db = releaseBefore();
    const row = db.prepare('SELECT * FROM brands').get();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(100);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('brands');
    expect(columns).toEqual(
      expect.arrayContaining(['client_logo', 'client_logo_format', 'client_logo_width']),
    );
    expect(db.prepare('SELECT * FROM brands').get()).toEqual({
      ...(row as object),
      client_logo: null,
      client_logo_format: null,
      client_logo_width: null,
      client_logo_height: null,
    });
    const brand = getBrand(db, ID);
    expect(brand).toMatchObject({
      profileName: 'Harbour & Vale',
      primaryColor: '#1F4E5F',
      logo: { format: 'PNG', width: 320, height: 90 },
      clientLogo: null,
    });
    db.close();
  });

  it('keeps the client’s logo apart from the consultancy’s, and refuses a format it cannot read', () => {
    const db = releaseBefore();
    migrate(db);
    const brand = getBrand(db, ID) as Brand;
    const clientLogo = {
      format: 'PNG' as const,
      width: 200,
      height: 60,
      base64: pngImage(200, 60, [200, 40, 40]).toString('base64'),
    };
    saveBrand(db, { ...brand, clientLogo });
    const [saved] = listBrands(db);
    expect(saved?.clientLogo).toEqual(clientLogo);
    expect(saved?.logo).toEqual(brand.logo);
    saveBrand(db, { ...brand, clientLogo: null });
    expect(getBrand(db, ID)?.clientLogo).toBeNull();
    expect(() => db.prepare("UPDATE brands SET client_logo_format = 'GIF'").run()).toThrow(/CHECK/);
    db.close();
  });
});
