/**
 * Wrapping a line that mixes the report font and the CJK fallback. jsPDF's `splitTextToSize`
 * measures a whole paragraph in the one font that is set, so a paragraph with a CJK name measured
 * in the fallback and drawn run by run (`fontRuns`) would come out wider than measured, past the
 * margin. This wraps with the caller's own measure of a piece of text (the sum of its runs'
 * widths, each in its own font).
 *
 * Greedy, at spaces, as jsPDF does; a word wider than the line (a long run of CJK, which has no
 * spaces) breaks between characters, where CJK text may break.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width, measure));
}

function wrapParagraph(paragraph: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && measure(line + char) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  lines.push(line);
  return lines;
}
