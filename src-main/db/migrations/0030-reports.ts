import type { Database } from 'better-sqlite3';

/**
 * Brand profiles for the PDF report (the logo's bytes as a BLOB, with the format and size read
 * from them), and each session's report settings: its chosen profile and its last export.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE brands (
      id            TEXT PRIMARY KEY NOT NULL,
      profile_name  TEXT NOT NULL,
      company_name  TEXT NOT NULL,
      primary_color TEXT NOT NULL,
      accent_color  TEXT NOT NULL,
      contact_line  TEXT NOT NULL,
      footer_text   TEXT NOT NULL,
      disclaimer    TEXT NOT NULL,
      logo          BLOB,
      logo_format   TEXT CHECK (logo_format IN ('PNG', 'JPEG')),
      logo_width    INTEGER,
      logo_height   INTEGER,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE session_reports (
      session_id       TEXT PRIMARY KEY NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      brand_id         TEXT REFERENCES brands (id) ON DELETE SET NULL,
      last_exported_at TEXT,
      last_file_name   TEXT
    ) STRICT;

    CREATE INDEX session_reports_by_brand ON session_reports (brand_id);
  `);
}
