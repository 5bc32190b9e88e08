/**
 * The PDF as a file: its document information (Title and Subject exactly as typed; Keywords
 * ending with the copy's status, version and reference, as its cover prints them), the document
 * language, XMP metadata saying the same (the reference also as its identifier), and viewers told
 * to show the title rather than the file name and to open with the outline showing. A copy
 * exported before reports had an issue has no such lines, so its redraw adds none. None of it is
 * drawn, so it keeps every character, including ones the font lacks.
 */
import { jsPDF } from 'jspdf';
import type { ReportModel } from '@shared/report/model';

type Language = Parameters<jsPDF['setLanguage']>[0];

/** Text for metadata: control characters become spaces and broken surrogate halves become �. */
export function metadataText(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
}

export function describeDocument(doc: jsPDF, model: ReportModel): void {
  const { meta } = model;
  const { issue } = model.cover;
  const fields = {
    title: metadataText(meta.title),
    subject: metadataText(meta.subject),
    author: metadataText(meta.author),
    keywords: metadataText(
      [meta.keywords, ...(issue ? [issue.status, issue.version, issue.reference] : [])].join(', '),
    ),
    creator: metadataText(meta.creator),
  };
  const reference = issue ? metadataText(issue.reference) : null;
  doc.setProperties(fields);
  doc.setCreationDate(new Date(meta.createdAt));
  // jsPDF writes /Lang only for a code it knows (en-GB is one), and ignores any other.
  doc.setLanguage(meta.language as Language);
  doc.viewerPreferences({ DisplayDocTitle: true });
  // Open with the outline (one entry per section) showing; jsPDF's outline leaves this out.
  // (`internal.write` is how jsPDF's own plugins add to the catalog; its types leave it out.)
  const internal = doc.internal as typeof doc.internal & { write: (line: string) => void };
  internal.events.subscribe('putCatalog', () => internal.write('/PageMode /UseOutlines'));
  doc.addMetadata(xmp(fields, reference, meta.language, meta.createdAt), true);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function xmp(
  fields: { title: string; subject: string; author: string; keywords: string; creator: string },
  reference: string | null,
  language: string,
  createdAt: string,
): string {
  const e = (text: string) => escapeXml(text);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${e(text)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
      ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(fields.title)}</dc:title>`,
    `<dc:description>${alt(fields.subject)}</dc:description>`,
    `<dc:creator><rdf:Seq><rdf:li>${e(fields.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:language><rdf:Bag><rdf:li>${e(language)}</rdf:li></rdf:Bag></dc:language>`,
    ...(reference ? [`<dc:identifier>${e(reference)}</dc:identifier>`] : []),
    `<pdf:Keywords>${e(fields.keywords)}</pdf:Keywords>`,
    `<pdf:Producer>jsPDF ${e(jsPDF.version)}</pdf:Producer>`,
    `<xmp:CreatorTool>${e(fields.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${e(createdAt)}</xmp:CreateDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}
