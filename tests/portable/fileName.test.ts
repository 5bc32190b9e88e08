/**
 * What a session file is called: `.stackwise` now (one extension, which Windows and macOS can
 * associate), and `.stackwise.json` as earlier versions named it, still recognised.
 */
import { describe, expect, it } from 'vitest';
import { isSessionFileName, SESSION_FILE, SESSION_FILE_EXTENSIONS } from '@shared/portable/schema';

describe('session file names', () => {
  it('are written with one extension, and the earlier name is still known', () => {
    expect(SESSION_FILE.extension).toBe('.stackwise');
    expect(SESSION_FILE_EXTENSIONS).toEqual(['.stackwise', '.stackwise.json']);
  });

  it.each([
    'Acme - Portal - 2026-03-12.stackwise',
    'Acme.stackwise.json',
    'ACME.STACKWISE',
    '/home/dana/Acme.Stackwise.Json',
    'C:\\Users\\dana\\Acme.stackwise',
    // What the earlier release wrote (tests/portable/fixtures).
    'format5-26dfba7.stackwise.json',
  ])('%s is a session file’s name', (name) => {
    expect(isSessionFileName(name)).toBe(true);
  });

  it.each([
    'Acme.json',
    'Acme.stackwise.bak',
    'Acme.stackwise.json.txt',
    'Acme.stackwisejson',
    'stackwise',
    'Acme.pdf',
  ])('%s is not', (name) => {
    expect(isSessionFileName(name)).toBe(false);
  });
});
