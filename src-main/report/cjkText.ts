/**
 * Wrapping a line that mixes the report font and the CJK fallback. jsPDF's `splitTextToSize`
 * measures a whole paragraph in the one font that is set, so a paragraph with a CJK name measured
 * in the fallback and drawn run by run (`fontRuns`) would come out wider than measured, past the
 * margin. This wraps with the caller's own measure of a piece of text (the sum of its runs'
 * widths, each in its own font).
 *
 * Greedy, at spaces, as jsPDF does; a word wider than the line (a long run of CJK, which has no
 * spaces) breaks between characters, where CJK text may break. And the fallback has one weight,
 * so bold text in it is drawn a little heavier (`drawHeavier`).
 */
import type { jsPDF, TextOptionsLight } from 'jspdf';

export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width, measure));
}

function wrapParagraph(paragraph: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  const space = measure(' ');
  // Widths add up, so a word is measured once; only a line that ends near the limit is measured
  // whole (a space takes the width of the font its run is in, which the sum cannot know).
  const near = width * 0.05;
  let line = '';
  let lineWidth = 0;
  for (const word of paragraph.split(' ')) {
    const wordWidth = measure(word);
    if (line) {
      const joined = `${line} ${word}`;
      const estimate = lineWidth + space + wordWidth;
      const exact = Math.abs(estimate - width) <= near ? measure(joined) : estimate;
      if (exact <= width) {
        line = joined;
        lineWidth = exact;
        continue;
      }
      lines.push(line);
    }
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // Wider than a line: broken between characters.
    line = '';
    for (const char of word) {
      if (line && measure(line + char) > width) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
    lineWidth = measure(line);
  }
  lines.push(line);
  return lines;
}

/** The outline that thickens the fallback's strokes in bold text, as a share of the font size. */
const HEAVY_STROKE = 0.035;

/**
 * Draws a piece of bold text that is in the CJK fallback, which has one weight: filled and
 * outlined in the text colour, a little heavier, so it sits beside the bold Latin. `draw` gets
 * the options to add to its own; the outline's width and colour are restored after.
 */
export function drawHeavier(doc: jsPDF, draw: (options: TextOptionsLight) => void): void {
  const lineWidth = doc.getLineWidth();
  const drawColor = doc.getDrawColor();
  doc.setLineWidth(Number((doc.getFontSize() * HEAVY_STROKE).toFixed(2)));
  doc.setDrawColor(doc.getTextColor());
  draw({ renderingMode: 'fillThenStroke' });
  doc.setLineWidth(lineWidth);
  doc.setDrawColor(drawColor);
}
