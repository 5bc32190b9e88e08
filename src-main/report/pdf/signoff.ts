/**
 * The sign-off block: one row per role ("Prepared by"), each with lines to write the name, the
 * role and the date on; a name known in advance is printed above its line. Kept on one page.
 */
import type { Canvas } from './canvas';
import { INK, MARGIN, MUTED, RULE, SIZE, WIDTH } from './layout';

const ROW = 58;
const FIELDS = [
  { label: 'Name', share: 0.42 },
  { label: 'Role', share: 0.34 },
  { label: 'Date', share: 0.24 },
] as const;

export function drawSignOff(c: Canvas, roles: ReadonlyArray<{ role: string; name?: string }>): void {
  c.keep(() => {
    c.ensure(roles.length * ROW + 8);
    const gap = 14;
    const usable = WIDTH - gap * (FIELDS.length - 1);
    for (const { role, name } of roles) {
      c.font('bold', SIZE.body, c.primaryText);
      const [title = ''] = c.clamp(role, WIDTH, 1);
      c.write(title, MARGIN.left, c.y + SIZE.body);
      const lineY = c.y + 36;
      let x = MARGIN.left;
      for (const [i, field] of FIELDS.entries()) {
        const width = usable * field.share;
        if (i === 0 && name) {
          c.font('normal', SIZE.body, INK);
          const [printed = ''] = c.clamp(name, width - 4, 1);
          c.write(printed, x, lineY - 5);
        }
        c.doc.setDrawColor(...RULE);
        c.doc.setLineWidth(0.75);
        c.doc.line(x, lineY, x + width, lineY);
        c.font('normal', SIZE.small - 0.5, MUTED);
        c.write(field.label, x, lineY + 10);
        x += width + gap;
      }
      c.y += ROW;
    }
    c.y += 8;
  });
}
