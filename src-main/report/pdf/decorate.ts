/** The running header and the numbered footer, on every page after the cover. */
import type { Canvas } from './canvas';
import { INK, MARGIN, MUTED, PAGE, RULE, SIZE, WIDTH } from './layout';

export function decoratePages(c: Canvas): void {
  const { doc, model } = c;
  const total = doc.getNumberOfPages();
  const left = c.clean(model.header.left);
  const right = c.clean(model.header.right);
  const footer = c.clean(model.brand.footerText);
  const contact = c.clean(model.brand.contactLine);
  for (let page = 2; page <= total; page++) {
    doc.setPage(page);
    doc.setFillColor(...c.primary);
    doc.rect(0, 0, PAGE.width, 6, 'F');
    c.font('bold', SIZE.small, c.primary);
    c.write(left, MARGIN.left, 40, { maxWidth: WIDTH / 2 - 10 });
    c.font('normal', SIZE.small, MUTED);
    const [shortRight = ''] = doc.splitTextToSize(right, WIDTH / 2 - 10) as string[];
    c.write(shortRight, PAGE.width - MARGIN.right, 40, { align: 'right' });
    doc.setDrawColor(...RULE);
    doc.setLineWidth(0.5);
    doc.line(MARGIN.left, 50, PAGE.width - MARGIN.right, 50);

    const footY = PAGE.height - 40;
    doc.line(MARGIN.left, footY - 14, PAGE.width - MARGIN.right, footY - 14);
    c.font('normal', SIZE.small - 0.5, MUTED);
    const [footLine = ''] = doc.splitTextToSize(footer, WIDTH - 90) as string[];
    c.write(footLine, MARGIN.left, footY);
    if (contact) {
      const [contactLine = ''] = doc.splitTextToSize(contact, WIDTH - 90) as string[];
      c.write(contactLine, MARGIN.left, footY + 11);
    }
    c.font('bold', SIZE.small, INK);
    c.write(`Page ${page} of ${total}`, PAGE.width - MARGIN.right, footY, { align: 'right' });
  }
}
