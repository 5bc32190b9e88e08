/** Brand profiles and each session's report settings: rows parsed with zod on every read. */
import { z } from 'zod';
import { BrandSchema } from '@shared/brands/schema';
import type { Brand, Logo } from '@shared/brands/schema';
import type { ReportSettings } from '@shared/report/contract';
import type { Db } from '../connection';

const BrandRowSchema = z.object({
  id: z.string(),
  profile_name: z.string(),
  company_name: z.string(),
  primary_color: z.string(),
  accent_color: z.string(),
  contact_line: z.string(),
  footer_text: z.string(),
  disclaimer: z.string(),
  logo: z.instanceof(Uint8Array).nullable(),
  logo_format: z.enum(['PNG', 'JPEG']).nullable(),
  logo_width: z.number().int().nullable(),
  logo_height: z.number().int().nullable(),
  // Added by migration 100; a row from before has them all empty.
  client_logo: z.instanceof(Uint8Array).nullable(),
  client_logo_format: z.enum(['PNG', 'JPEG']).nullable(),
  client_logo_width: z.number().int().nullable(),
  client_logo_height: z.number().int().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

/** A logo from its four columns: all of them, or none. */
function logoOf(
  bytes: Uint8Array | null,
  format: Logo['format'] | null,
  width: number | null,
  height: number | null,
): Logo | null {
  return bytes && format && width && height
    ? { format, width, height, base64: Buffer.from(bytes).toString('base64') }
    : null;
}

function toBrand(row: unknown): Brand {
  const r = BrandRowSchema.parse(row);
  const logo = logoOf(r.logo, r.logo_format, r.logo_width, r.logo_height);
  const clientLogo = logoOf(r.client_logo, r.client_logo_format, r.client_logo_width, r.client_logo_height);
  return BrandSchema.parse({
    id: r.id,
    profileName: r.profile_name,
    companyName: r.company_name,
    primaryColor: r.primary_color,
    accentColor: r.accent_color,
    contactLine: r.contact_line,
    footerText: r.footer_text,
    disclaimer: r.disclaimer,
    logo,
    clientLogo,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
}

export function listBrands(db: Db): Brand[] {
  return db
    .prepare('SELECT * FROM brands ORDER BY profile_name COLLATE NOCASE, created_at')
    .all()
    .map(toBrand);
}

export function getBrand(db: Db, id: string): Brand | undefined {
  const row = db.prepare('SELECT * FROM brands WHERE id = ?').get(id);
  return row === undefined ? undefined : toBrand(row);
}

export function saveBrand(db: Db, brand: Brand): void {
  const { logo, clientLogo } = brand;
  db.prepare(
    `INSERT INTO brands (id, profile_name, company_name, primary_color, accent_color, contact_line,
                         footer_text, disclaimer, logo, logo_format, logo_width, logo_height,
                         client_logo, client_logo_format, client_logo_width, client_logo_height,
                         created_at, updated_at)
     VALUES (@id, @profileName, @companyName, @primaryColor, @accentColor, @contactLine, @footerText,
             @disclaimer, @logo, @logoFormat, @logoWidth, @logoHeight,
             @clientLogo, @clientLogoFormat, @clientLogoWidth, @clientLogoHeight, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET
       profile_name = excluded.profile_name, company_name = excluded.company_name,
       primary_color = excluded.primary_color, accent_color = excluded.accent_color,
       contact_line = excluded.contact_line, footer_text = excluded.footer_text,
       disclaimer = excluded.disclaimer, logo = excluded.logo, logo_format = excluded.logo_format,
       logo_width = excluded.logo_width, logo_height = excluded.logo_height,
       client_logo = excluded.client_logo, client_logo_format = excluded.client_logo_format,
       client_logo_width = excluded.client_logo_width, client_logo_height = excluded.client_logo_height,
       updated_at = excluded.updated_at`,
  ).run({
    id: brand.id,
    profileName: brand.profileName,
    companyName: brand.companyName,
    primaryColor: brand.primaryColor,
    accentColor: brand.accentColor,
    contactLine: brand.contactLine,
    footerText: brand.footerText,
    disclaimer: brand.disclaimer,
    logo: logo ? Buffer.from(logo.base64, 'base64') : null,
    logoFormat: logo?.format ?? null,
    logoWidth: logo?.width ?? null,
    logoHeight: logo?.height ?? null,
    clientLogo: clientLogo ? Buffer.from(clientLogo.base64, 'base64') : null,
    clientLogoFormat: clientLogo?.format ?? null,
    clientLogoWidth: clientLogo?.width ?? null,
    clientLogoHeight: clientLogo?.height ?? null,
    createdAt: brand.createdAt,
    updatedAt: brand.updatedAt,
  });
}

export function deleteBrand(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM brands WHERE id = ?').run(id).changes > 0;
}

const SettingsRowSchema = z.object({
  brand_id: z.string().nullable(),
  last_exported_at: z.string().nullable(),
  last_file_name: z.string().nullable(),
});

/** What is stored of a session's report; its freshness is worked out by the report service. */
export type StoredReportSettings = Omit<ReportSettings, 'freshness' | 'nextVersion'>;

export function getReportSettings(db: Db, sessionId: string): StoredReportSettings {
  const row = db
    .prepare('SELECT brand_id, last_exported_at, last_file_name FROM session_reports WHERE session_id = ?')
    .get(sessionId);
  if (row === undefined) return { sessionId, brandId: null, lastExport: null };
  const r = SettingsRowSchema.parse(row);
  return {
    sessionId,
    brandId: r.brand_id,
    lastExport:
      r.last_exported_at && r.last_file_name ? { at: r.last_exported_at, fileName: r.last_file_name } : null,
  };
}

export function setReportBrand(db: Db, sessionId: string, brandId: string | null): void {
  db.prepare(
    `INSERT INTO session_reports (session_id, brand_id) VALUES (?, ?)
     ON CONFLICT (session_id) DO UPDATE SET brand_id = excluded.brand_id`,
  ).run(sessionId, brandId);
}

export function recordExport(db: Db, sessionId: string, at: string, fileName: string): void {
  db.prepare(
    `INSERT INTO session_reports (session_id, last_exported_at, last_file_name) VALUES (?, ?, ?)
     ON CONFLICT (session_id) DO UPDATE SET last_exported_at = excluded.last_exported_at,
                                            last_file_name = excluded.last_file_name`,
  ).run(sessionId, at, fileName);
}
