import type { Database } from 'better-sqlite3';

/**
 * A brand profile's second logo: the client's, printed on the report's cover beside the
 * consultancy's own. Stored as the first one is (the bytes as a BLOB, with the format and size
 * read from them); every column may be empty, so profiles saved before keep exactly their look.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE brands ADD COLUMN client_logo BLOB;
    ALTER TABLE brands ADD COLUMN client_logo_format TEXT CHECK (client_logo_format IN ('PNG', 'JPEG'));
    ALTER TABLE brands ADD COLUMN client_logo_width INTEGER;
    ALTER TABLE brands ADD COLUMN client_logo_height INTEGER;
  `);
}
