/**
 * Owners of risks and next steps while names are hidden: a participant's name, however it was
 * typed, prints as the document names that participant; everything else prints as entered.
 */
import { describe, expect, it } from 'vitest';
import { ownerNames } from '@shared/report/owners';

const people = [
  { id: 'p1', name: 'Zofia Łukasiewicz (CTO)' },
  { id: 'p2', name: 'Ana Kovačević' },
  { id: 'p3', name: 'Ana Maria Lopez' },
  { id: 'p4', name: 'Seán O’Brien' },
];
const label = (id: string) => `Participant ${people.findIndex((p) => p.id === id) + 1}`;
const hidden = ownerNames(people, { of: label, anonymous: true });

describe('an owner while names are hidden', () => {
  it.each([
    ['Ana Kovačević', 'Participant 2'],
    ['ana  KOVACEVIC', 'Participant 2'],
    ['ANA KOVAČEVIĆ', 'Participant 2'],
    ['Zofia Łukasiewicz (CTO)', 'Participant 1'],
    ['zofia lukasiewicz', 'Participant 1'],
    ['Zofia Łukasiewicz, CTO', 'Participant 1'],
    ['Zofia Lukasiewicz CTO', 'Participant 1'],
    ['Ana Maria Lopez', 'Participant 3'],
    ['Ana Kovačević and Ana Maria Lopez', 'Participant 2 and Participant 3'],
    ['Ana Kovačević (lead), with the IT team', 'Participant 2 (lead), with the IT team'],
    ["Sean O'Brien", 'Participant 4'],
    ['Anabel Kovačević', 'Anabel Kovačević'],
    ['Ana', 'Ana'],
    ['Jan Nowak', 'Jan Nowak'],
  ])('“%s” prints as “%s”', (owner, printed) => {
    expect(hidden.of(owner)).toBe(printed);
  });

  it('says whether any of it prints as entered', () => {
    expect(hidden.asEntered('ana kovacevic')).toBe(false);
    expect(hidden.asEntered('Zofia Łukasiewicz (CTO)')).toBe(false);
    expect(hidden.asEntered('ZOFIA LUKASIEWICZ')).toBe(false);
    expect(hidden.asEntered('Ana Kovačević, Ana Maria Lopez')).toBe(false);
    expect(hidden.asEntered('Ana Kovačević and the IT team')).toBe(true);
    expect(hidden.asEntered('Jan Nowak')).toBe(true);
  });
});

describe('an owner while names are shown', () => {
  it('prints as entered, and nothing is said about it', () => {
    const shown = ownerNames(people, { of: label, anonymous: false });
    expect(shown.of('ana  kovacevic')).toBe('ana  kovacevic');
    expect(shown.asEntered('Jan Nowak')).toBe(false);
  });
});
