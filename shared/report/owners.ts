/**
 * The owner of a risk or a next step as a document or the shared screen may print it. An owner is
 * free text typed in the Recommendation step, so it is often a participant's name. While names are
 * hidden, every participant's name in it prints as the document names that participant
 * ("Participant 2"), whatever its case, spacing or accents ("ana  kovacevic" is Ana Kovačević);
 * the rest of the text (someone who is not a participant, a team, a role) prints as entered, and
 * the document says so. With names shown, an owner prints as entered.
 */
import { searchKey } from '../sessions/schema';
import type { Names } from './prose';

export type OwnerNames = {
  /** The owner as printed. */
  of: (owner: string) => string;
  /** Whether names are hidden and some of the owner prints as entered (not a participant's name). */
  asEntered: (owner: string) => boolean;
};

/** What a document says once, when names are hidden and an owner printed as entered. */
export const OWNERS_AS_ENTERED = 'Owners who are not participants are shown as entered.';

type Person = { id: string; name: string };

/** A run of letters and digits (with the apostrophes and hyphens inside a name), or what lies between. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * A word as names are compared: as the session search folds it (no accents, no case: "Łukasiewicz"
 * and "LUKASIEWICZ" match), with typographic apostrophes and hyphens as typed ones.
 */
function folded(word: string): string {
  return searchKey(word).replace(/[’‐]/gu, (c) => (c === '’' ? "'" : '-'));
}

const words = (text: string) => [...text.matchAll(WORD)];

export function ownerNames(participants: readonly Person[], names: Names): OwnerNames {
  if (!names.anonymous) return { of: (owner) => owner, asEntered: () => false };
  // Each name whole, and without what it says in brackets ("Zofia Łukasiewicz (CTO)" is also
  // "Zofia Łukasiewicz"); longest first, so "Ana Maria Lopez" is found before "Ana Maria".
  const people = participants
    .flatMap((p) => {
      const bare = p.name.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ').trim();
      return [p.name, ...(bare && bare !== p.name.trim() ? [bare] : [])].map((name) => ({ id: p.id, name }));
    })
    .map((p) => {
      const found = words(p.name);
      const last = found.at(-1);
      // What the name has after its last word ("Zofia Łukasiewicz (CTO)" ends in ")"), so a match
      // takes it too rather than leave "Participant 1)"; likewise before its first word.
      const before = p.name.slice(0, found[0]?.index ?? 0).trim();
      const after = last ? p.name.slice((last.index ?? 0) + last[0].length).trim() : '';
      return { label: names.of(p.id), words: found.map((m) => folded(m[0])), before, after };
    })
    .filter((p) => p.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);

  /** The owner in pieces: text as typed, or a participant found in it. */
  const pieces = (owner: string): Array<{ text: string; participant: boolean }> => {
    const found = words(owner);
    const keys = found.map((m) => folded(m[0]));
    const out: Array<{ text: string; participant: boolean }> = [];
    let at = 0; // index into `owner` up to which the pieces cover it
    for (let i = 0; i < found.length;) {
      const person = people.find((p) => p.words.every((w, j) => keys[i + j] === w));
      if (!person) {
        i += 1;
        continue;
      }
      let start = found[i]?.index ?? 0;
      const last = found[i + person.words.length - 1];
      let end = (last?.index ?? 0) + (last?.[0].length ?? 0);
      const lead = owner.slice(at, start).trimEnd();
      if (person.before && lead.endsWith(person.before)) start = owner.lastIndexOf(person.before, start);
      if (person.after && owner.slice(end).trimStart().startsWith(person.after)) {
        end = owner.indexOf(person.after, end) + person.after.length;
      }
      if (start > at) out.push({ text: owner.slice(at, start), participant: false });
      out.push({ text: person.label, participant: true });
      at = end;
      i += person.words.length;
    }
    if (at < owner.length) out.push({ text: owner.slice(at), participant: false });
    return out;
  };

  return {
    of: (owner) =>
      pieces(owner)
        .map((p) => p.text)
        .join(''),
    asEntered: (owner) => pieces(owner).some((p) => !p.participant && words(p.text).length > 0),
  };
}
