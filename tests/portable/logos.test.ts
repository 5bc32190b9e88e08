/**
 * A session file holds each logo once (format 7): every export's snapshot keeps the brand look its
 * report was drawn with, and with two logos of 512 KB a file that carried them in each snapshot
 * passed the import limit after about twenty exports, so export refused it. The snapshots and the
 * session's brand name their logos by SHA-256; import puts them back, refuses a name the file does
 * not hold, and still reads format 6, which carried the logos in every snapshot.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Brand } from '@shared/brands/schema';
import type { ImportOutcome } from '@shared/portable/contract';
import { canonicalJson, SESSION_FILE } from '@shared/portable/schema';
import type { PackedSessionFileContent } from '@shared/portable/schema';
import type { ExportOutcome } from '@shared/report/contract';
import type { Session } from '@shared/sessions/schema';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { pngImage } from '../helpers/images';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
let clock = Date.parse('2026-03-12T09:00:00.000Z');
const startCore = useIpcCore(tempDir);
const start = () => startCore({ version: '2.0.0', now: () => new Date((clock += 1000)) });

const EXPORTS = 30;

/** Bytes that do not compress, the same on every run. */
function noise(length: number, seed: string): Buffer {
  const out = Buffer.alloc(length);
  for (let at = 0, k = 0; at < length; k++)
    at += createHash('sha256').update(`${seed}:${k}`).digest().copy(out, at);
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of noise, just under the 512 KB a logo may be: the largest logo the form takes. */
function largestLogo(seed: string): string {
  const [width, height] = [290, 590];
  const rows = noise((width * 3 + 1) * height, seed);
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0; // no filter
  const header = pngImage(width, height).subarray(0, 33); // signature and IHDR
  const png = Buffer.concat([header, pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
  expect(png.length).toBeGreaterThan(500 * 1024);
  expect(png.length).toBeLessThanOrEqual(512 * 1024);
  return png.toString('base64');
}

const LOGO = largestLogo('consultancy');
const CLIENT_LOGO = largestLogo('client');

const BRAND = {
  profileName: 'Harbour & Vale',
  companyName: 'Harbour & Vale Consulting',
  primaryColor: '#1F4E79',
  accentColor: '#C9733A',
  contactLine: 'hello@harbourvale.example',
  footerText: 'Confidential',
  disclaimer: 'Advice, not a guarantee.',
  logo: LOGO,
  clientLogo: CLIENT_LOGO,
};

type TextFile = { fileName: string; text: string };
type LooseFile = { version: number; checksum: string; content: PackedSessionFileContent };

/** A session with both logos on its brand, exported as a report `exports` times. */
async function brandedSession(ipc: FakeIpcMain, exports: number): Promise<Session> {
  const session = await ok<Session>(ipc.call('sessions:create', draft()));
  const brand = await ok<Brand>(ipc.call('brands:save', BRAND));
  await ok(ipc.call('report:configure', { sessionId: session.id, brandId: brand.id }));
  for (let i = 0; i < exports; i++)
    await ok(ipc.call('report:export', { sessionId: session.id, status: i % 2 ? 'final' : 'draft' }));
  return session;
}

const exportText = async (ipc: FakeIpcMain, sessionId: string) =>
  (await ok<TextFile>(ipc.call('portable:export', { sessionId }))).text;

/** Rewrites a file's content and seals it again, as a crafted file would be. */
function edit(text: string, change: (file: LooseFile) => void): string {
  const file = JSON.parse(text) as LooseFile;
  change(file);
  file.checksum = createHash('sha256').update(canonicalJson(file.content)).digest('hex');
  return JSON.stringify(file);
}

const sha256Of = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** Each snapshot's report drawn again ("PDF as it was"), newest first. */
async function redrawn(ipc: FakeIpcMain, sessionId: string): Promise<string[]> {
  const snapshots = await ok<SnapshotSummary[]>(ipc.call('snapshots:list', { sessionId }));
  const pdfs: string[] = [];
  for (const snapshot of snapshots.filter((s) => s.kind === 'report')) {
    const pdf = await ok<ExportOutcome>(ipc.call('snapshots:report', { sessionId, snapshotId: snapshot.id }));
    if (pdf.outcome !== 'download') throw new Error(`the report was ${pdf.outcome}, not drawn`);
    pdfs.push(pdf.base64);
  }
  return pdfs;
}

describe('a session file’s logos', () => {
  it(
    `holds each once, so ${EXPORTS} exports with two 512 KB logos export and import back`,
    { timeout: 120_000 },
    async () => {
      const { ipc } = start();
      const session = await brandedSession(ipc, EXPORTS);
      const text = await exportText(ipc, session.id);
      const size = Buffer.byteLength(text);
      console.log(
        `session file with ${EXPORTS} exports and two logos: ${(size / 1024 / 1024).toFixed(2)} MB`,
      );
      expect(size).toBeLessThanOrEqual(SESSION_FILE.maxBytes);
      // Each logo once; the brand looks of the session and its snapshots name it.
      expect(occurrences(text, LOGO)).toBe(1);
      expect(occurrences(text, CLIENT_LOGO)).toBe(1);
      const file = JSON.parse(text) as LooseFile;
      expect(file.version).toBe(SESSION_FILE.version);
      expect(file.content.logos.map((logo) => logo.sha256)).toEqual([sha256Of(LOGO), sha256Of(CLIENT_LOGO)]);
      expect(file.content.snapshots).toHaveLength(EXPORTS);
      for (const snapshot of file.content.snapshots)
        expect(snapshot.content.brand).toMatchObject({
          logo: sha256Of(LOGO),
          clientLogo: sha256Of(CLIENT_LOGO),
        });
      // The whole file is the logos and little more: the snapshots no longer grow by them.
      expect(size).toBeLessThan(2 * 1024 * 1024);

      // On another computer, with the same brand profile: every report redraws as it was exported.
      const other = start();
      const here = await ok<Brand>(other.ipc.call('brands:save', { ...BRAND, profileName: 'H&V' }));
      const imported = await ok<ImportOutcome>(other.ipc.call('portable:import', { text }));
      expect(imported.brand).toEqual({ profileName: 'Harbour & Vale', reconnected: true });
      expect(await ok(other.ipc.call('report:settings', { sessionId: session.id }))).toMatchObject({
        brandId: here.id,
      });
      const before = await redrawn(ipc, session.id);
      expect(before).toHaveLength(EXPORTS);
      expect(await redrawn(other.ipc, session.id)).toEqual(before);
      // And it goes out again as the same file.
      const again = JSON.parse(await exportText(other.ipc, session.id)) as LooseFile;
      expect(again.content.logos).toEqual(file.content.logos);
      expect(again.content.snapshots).toEqual(file.content.snapshots);
    },
  );

  it('refuses a file whose logo is missing or not what its name says, naming it and writing nothing', async () => {
    const { core, ipc } = start();
    const session = await brandedSession(ipc, 2);
    const text = await exportText(ipc, session.id);
    await ok(ipc.call('sessions:delete', { id: session.id }));
    const before = dumpDatabase(core);
    const [logo, clientLogo] = [sha256Of(LOGO), sha256Of(CLIENT_LOGO)];
    const cases: Array<[string, string, RegExp]> = [
      [
        'the client’s logo left out',
        edit(text, (f) => (f.content.logos = f.content.logos.filter((l) => l.sha256 !== clientLogo))),
        new RegExp(
          `^This session file cannot be imported\\. The session’s report brand uses the client’s logo ${clientLogo.slice(0, 12)}…, which the file does not hold\\.$`,
        ),
      ],
      [
        'a snapshot naming a logo the file does not hold',
        edit(text, (f) => {
          const second = f.content.snapshots[1];
          if (second) second.content.brand.logo = 'ab'.repeat(32);
        }),
        /^This session file cannot be imported\. Snapshot 2 \(“Report exported as “[^”]+\.pdf””\) uses the logo abababababab…, which the file does not hold\.$/,
      ],
      [
        'a logo whose bytes are not the ones its name says',
        edit(text, (f) => {
          const first = f.content.logos[0];
          if (first) first.base64 = CLIENT_LOGO;
        }),
        new RegExp(`Its logo ${logo.slice(0, 12)}… is not the image its name says`),
      ],
      [
        'a logo named by something other than a SHA-256',
        edit(text, (f) => {
          const first = f.content.logos[0];
          if (first) first.sha256 = 'logo.png';
        }),
        /A logo must be named by the SHA-256 of its bytes/,
      ],
      [
        'a format-7 file that carries a logo in a snapshot, as format 6 did',
        edit(text, (f) => {
          const first = f.content.snapshots[0];
          if (first) (first.content.brand as { logo: unknown }).logo = f.content.logos[0];
        }),
        /^This session file cannot be imported\./,
      ],
    ];
    for (const [name, bad, reason] of cases) {
      const result = await ipc.call('portable:import', { text: bad });
      if (result.ok) throw new Error(`${name} was imported`);
      expect(result.error.message, name).toMatch(reason);
      expect(result.error.field, name).toBe('text');
    }
    expect(dumpDatabase(core)).toBe(before);
    await ok(ipc.call('portable:import', { text }));
  });

  it('still reads a format-6 file, which carried the logos in every snapshot', async () => {
    const { ipc } = start();
    const session = await brandedSession(ipc, 3);
    const v6 = edit(await exportText(ipc, session.id), (file) => {
      const { logos: stored, ...content } = file.content;
      const logos = new Map(stored.map(({ sha256, ...logo }) => [sha256, logo]));
      const whole = <T extends { logo: string | null; clientLogo: string | null }>(brand: T) => ({
        ...brand,
        logo: brand.logo === null ? null : logos.get(brand.logo),
        clientLogo: brand.clientLogo === null ? null : logos.get(brand.clientLogo),
      });
      file.version = 6;
      (file as { content: unknown }).content = {
        ...content,
        brand: content.brand && whole(content.brand),
        snapshots: content.snapshots.map((s) => ({
          ...s,
          content: { ...s.content, brand: whole(s.content.brand) },
        })),
      };
    });
    expect(occurrences(v6, LOGO)).toBe(4);
    const other = start();
    const imported = await ok<ImportOutcome>(other.ipc.call('portable:import', { text: v6 }));
    expect(imported.brand).toEqual({ profileName: 'Harbour & Vale', reconnected: false });
    expect(await redrawn(other.ipc, session.id)).toEqual(await redrawn(ipc, session.id));
    // Written again, it is format 7 with each logo once.
    const again = await exportText(other.ipc, session.id);
    expect(JSON.parse(again)).toMatchObject({ version: SESSION_FILE.version });
    expect(occurrences(again, LOGO)).toBe(1);
  });
});
