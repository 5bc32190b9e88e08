/**
 * Format 7's logos, each held once. Every report exported keeps a snapshot with the brand look it
 * was drawn with, logos included, so a file that carried them in each snapshot grew by both logos
 * (up to 512 KB each) per export. The file holds each distinct logo once, in `logos`, named by the
 * SHA-256 of its bytes; the session's brand and each snapshot's brand name their logos by it.
 *
 * Pure: the caller hashes (`keyOf`, the SHA-256 of the logo's bytes in lowercase hexadecimal).
 */
import type { Logo } from '../brands/schema';
import type { BrandLookRef, PackedSessionFileContent, SessionFileContent, StoredLogo } from './schema';

type BrandLook = NonNullable<SessionFileContent['brand']>;
type KeyOf = (logo: Logo) => string;

/** A file whose logos do not resolve: `message` says which brand look and which logo. */
export class LogoFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogoFileError';
  }
}

/** The first characters of a key: enough to tell logos apart in a message. */
const shortKey = (key: string) => `${key.slice(0, 12)}…`;

/** The content with each logo held once, in the order the brand looks first use them. */
export function packLogos(content: SessionFileContent, keyOf: KeyOf): PackedSessionFileContent {
  const logos = new Map<string, StoredLogo>();
  const ref = (logo: Logo | null): string | null => {
    if (logo === null) return null;
    const sha256 = keyOf(logo);
    // Two logos with the same bytes are one logo, however their base64 was written.
    if (!logos.has(sha256)) logos.set(sha256, { ...logo, sha256 });
    return sha256;
  };
  const look = (brand: BrandLook): BrandLookRef => ({
    ...brand,
    logo: ref(brand.logo),
    clientLogo: ref(brand.clientLogo),
  });
  const brand = content.brand && look(content.brand);
  const snapshots = content.snapshots.map((snapshot) => ({
    ...snapshot,
    content: { ...snapshot.content, brand: look(snapshot.content.brand) },
  }));
  return { ...content, brand, snapshots, logos: [...logos.values()] };
}

/**
 * The content with every logo name replaced by its logo. Refuses (LogoFileError) a logo whose
 * bytes are not the ones its name says, or a name the file holds no logo for, naming where.
 */
export function unpackLogos(content: PackedSessionFileContent, keyOf: KeyOf): SessionFileContent {
  const logos = new Map<string, Logo>();
  for (const { sha256, ...logo } of content.logos) {
    if (keyOf(logo) !== sha256)
      throw new LogoFileError(
        `Its logo ${shortKey(sha256)} is not the image its name says (its bytes have another SHA-256).`,
      );
    logos.set(sha256, logo);
  }
  const resolve = (key: string | null, what: string, where: string): Logo | null => {
    if (key === null) return null;
    const logo = logos.get(key);
    if (!logo)
      throw new LogoFileError(`${where} uses ${what} ${shortKey(key)}, which the file does not hold.`);
    return logo;
  };
  const look = (brand: BrandLookRef, where: string): BrandLook => ({
    ...brand,
    logo: resolve(brand.logo, 'the logo', where),
    clientLogo: resolve(brand.clientLogo, 'the client’s logo', where),
  });
  const { logos: _logos, ...rest } = content;
  return {
    ...rest,
    brand: content.brand && look(content.brand, 'The session’s report brand'),
    snapshots: content.snapshots.map((snapshot, index) => ({
      ...snapshot,
      content: {
        ...snapshot.content,
        brand: look(snapshot.content.brand, `Snapshot ${index + 1} (“${snapshot.name}”)`),
      },
    })),
  };
}
