/**
 * User text inside a Markdown file the app writes. Whatever someone typed (or a crafted session
 * file carried), it reads as the words it is and never as structure: no heading, list, quote,
 * table, code, link, image, entity or HTML of its own, in CommonMark and in GitHub's dialect.
 *
 * Every character that can open inline syntax is backslash-escaped (CommonMark lets any ASCII
 * punctuation be escaped, and renders the escaped character as itself), and what could open a
 * block at the start of a line is escaped there too. Line breaks never reach the output raw.
 */

/** Characters that open inline syntax anywhere: emphasis, code, links, HTML, entities, tables. */
const INLINE = /[\\`*_[\]<>#|~$&]/g;

/** Breaks and other control characters: a single-line field gets a space for each. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/;

/**
 * One line of user text, safe anywhere in a line: inside a heading, a list item, a sentence,
 * or at its start (a leading `-`, `+`, `=`, or `1.` would open a list or underline a heading).
 */
export function markdownInline(text: string): string {
  const escaped = text.replace(CONTROL, ' ').trim().replace(INLINE, '\\$&');
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * Text the user wrote over several lines, as paragraphs: each line escaped as above (leading
 * spaces dropped, so nothing becomes a code block), lines kept apart by hard breaks, and a blank
 * line between paragraphs. Empty for text with nothing in it.
 */
export function markdownParagraphs(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const raw of text.split(LINE_BREAK)) {
    const line = markdownInline(raw);
    const current = paragraphs.at(-1) ?? [];
    if (line) current.push(line);
    else if (current.length > 0) paragraphs.push([]);
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\\\n'))
    .join('\n\n');
}
