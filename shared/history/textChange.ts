/**
 * How a long text changed, short enough for a table cell or a timeline line: the changed stretch
 * of each side, cut at word edges, with a little unchanged text around it. Texts are compared
 * whole; only what is shown is shortened, so an edit past any length is still seen as an edit.
 * The diff is one stretch (from the first difference to the last), which reads well for the usual
 * edit of a note and stays linear in the text's length.
 */
import { z } from 'zod';

export const TEXT_EXCERPT = {
  /** Texts up to this long are shown whole. */
  whole: 160,
  /** Unchanged characters shown either side of the change. */
  context: 40,
  /** The longest changed stretch shown; a longer one is cut in the middle. */
  changed: 160,
} as const;

/** Before a word edge is looked for, at most this far. A very long "word" (a link) is cut inside. */
const WORD_REACH = 24;

/** One side's excerpt: `lead` and `trail` are unchanged context, with "…" where the text goes on. */
export const TextPartsSchema = z.strictObject({ lead: z.string(), changed: z.string(), trail: z.string() });
export type TextParts = z.infer<typeof TextPartsSchema>;

export const TextChangeSchema = z.strictObject({
  /** "Added at the end (20 characters)", "Changed in the middle". */
  summary: z.string(),
  before: TextPartsSchema,
  after: TextPartsSchema,
});
export type TextChange = z.infer<typeof TextChangeSchema>;

const isSpace = (text: string, index: number) => /\s/.test(text.charAt(index));
const isLowSurrogate = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** Moves a cut back so it never falls between the two halves of one character. */
function whole(text: string, index: number): number {
  return index > 0 && index < text.length && isLowSurrogate(text, index) ? index - 1 : index;
}

/** The start of the word `index` falls in (within reach), so a change shows as whole words. */
function wordStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && index - i < WORD_REACH && !isSpace(text, i - 1)) i--;
  return i > 0 && !isSpace(text, i - 1) ? whole(text, index) : i;
}

function wordEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && i - index < WORD_REACH && !isSpace(text, i)) i++;
  return i < text.length && !isSpace(text, i) ? whole(text, index) : i;
}

/** Context before a position: up to `context` characters, starting at a word where one is near. */
function lead(text: string, end: number): string {
  if (end <= TEXT_EXCERPT.context) return text.slice(0, end);
  const cut = whole(text, end - TEXT_EXCERPT.context);
  const start = isSpace(text, cut - 1) ? cut : wordEnd(text, cut);
  return `…${text.slice(Math.min(start, end), end).trimStart()}`;
}

function trail(text: string, start: number): string {
  if (text.length - start <= TEXT_EXCERPT.context) return text.slice(start);
  const cut = whole(text, start + TEXT_EXCERPT.context);
  const end = isSpace(text, cut) ? cut : wordStart(text, cut);
  return `${text.slice(start, Math.max(end, start)).trimEnd()}…`;
}

/** A changed stretch too long to show is cut in the middle, keeping its start and its end. */
function shorten(text: string): string {
  if (text.length <= TEXT_EXCERPT.changed) return text;
  const head = whole(text, Math.ceil(TEXT_EXCERPT.changed * 0.7));
  const tail = whole(text, text.length - Math.floor(TEXT_EXCERPT.changed * 0.3));
  return `${text.slice(0, head).trimEnd()} … ${text.slice(tail).trimStart()}`;
}

/** A text too long to show whole, by its start. */
export function textStart(text: string): string {
  if (text.length <= TEXT_EXCERPT.whole) return text;
  const cut = whole(text, TEXT_EXCERPT.whole);
  const end = isSpace(text, cut) ? cut : wordStart(text, cut);
  return `${text.slice(0, end > 0 ? end : cut).trimEnd()}…`;
}

const count = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'character' : 'characters'}`;

function where(start: number, unchangedEnd: number, length: number): string {
  if (start === 0) return 'at the start';
  if (unchangedEnd === 0) return 'at the end';
  const at = start / Math.max(length, 1);
  return at < 1 / 3 ? 'near the start' : at > 2 / 3 ? 'near the end' : 'in the middle';
}

/** The one stretch where `a` and `b` differ, with context; null when they are the same. */
export function textChange(a: string, b: string): TextChange | null {
  if (a === b) return null;
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  prefix = whole(a, prefix);
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)
  )
    suffix++;
  // A suffix that starts inside a character gives that character to the changed stretch.
  if (suffix > 0 && isLowSurrogate(a, a.length - suffix)) suffix--;

  const removed = a.length - suffix - prefix;
  const added = b.length - suffix - prefix;
  const kind = removed === 0 ? 'Added' : added === 0 ? 'Removed' : 'Changed';
  const place = where(prefix, suffix, a.length);
  const summary =
    prefix === 0 && suffix === 0 && removed > 0 && added > 0
      ? 'Replaced the whole text'
      : kind === 'Changed'
        ? `Changed ${place}`
        : `${kind} ${place} (${count(kind === 'Added' ? added : removed)})`;

  // Shown as whole words: the unchanged text either side is the same in both, so one edge fits both.
  const start = wordStart(a, prefix);
  const tail = a.length - wordEnd(a, a.length - suffix);
  const side = (text: string): TextParts => ({
    lead: lead(text, start),
    changed: shorten(text.slice(start, text.length - tail)),
    trail: trail(text, text.length - tail),
  });
  return { summary, before: side(a), after: side(b) };
}

/** The parts as one line of text. */
export const joinParts = (parts: TextParts) => `${parts.lead}${parts.changed}${parts.trail}`;
