/**
 * The report's cover and one of its later pages, drawn at A4's true proportions in PDF points,
 * with every brand text wrapped and cut with "…" where the report cuts it (measured in the
 * report's font on a canvas: jsPDF measures the PDF itself, so a line may break a word sooner or
 * later there). The running header and footer are repeated enlarged so their words can be read.
 */
import type { ReactNode } from 'react';
import { contrastRatio, textShade } from '@shared/brands/print';
import type { BrandFields, Logo } from '@shared/brands/schema';
import type { FittedTexts, FontState } from './printFonts';
import { PRINT_FONT } from './printFonts';

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56 };
const INK = '#212529';
const MUTED = '#606770';
const RULE = '#D7DBE0';
const PLACEHOLDER = '#E6E9ED';

export type PreviewBrand = BrandFields & { logo: Logo | null; clientLogo: Logo | null };

type PreviewProps = {
  brand: PreviewBrand;
  fitted: FittedTexts;
  font: FontState;
  client?: string;
  project?: string;
  headline?: string;
};

export const logoSource = (logo: Logo) => `data:image/${logo.format.toLowerCase()};base64,${logo.base64}`;

/** A logo scaled to fit its box, keeping its proportions. */
function fitLogo(logo: Logo, maxWidth: number, maxHeight: number) {
  const scale = Math.min(maxWidth / logo.width, maxHeight / logo.height);
  return { width: logo.width * scale, height: logo.height * scale };
}

type TextProps = {
  x: number;
  y: number;
  size: number;
  fill: string;
  bold?: boolean;
  end?: boolean;
  children: ReactNode;
};

function Text({ x, y, size, fill, bold = false, end = false, children }: TextProps) {
  return (
    <text
      x={x}
      y={y}
      fontSize={size}
      fontWeight={bold ? 700 : 400}
      fill={fill}
      fontFamily={PRINT_FONT}
      textAnchor={end ? 'end' : 'start'}
      style={{ whiteSpace: 'pre' }}
    >
      {children}
    </text>
  );
}

function Cover({ brand, fitted, client, project, headline }: Required<Omit<PreviewProps, 'font'>>) {
  const ink = textShade(brand.primaryColor);
  const left = MARGIN.left + 8;
  const width = PAGE.width - MARGIN.left - MARGIN.right - 8;
  let top = 80;
  const parts: ReactNode[] = [];
  if (brand.logo) {
    const size = fitLogo(brand.logo, 190, 70);
    parts.push(
      <image
        key="logo"
        role="img"
        aria-label={`${brand.companyName} logo`}
        href={logoSource(brand.logo)}
        x={left}
        y={top}
        {...size}
      />,
    );
    top += size.height;
  } else {
    fitted.coverCompany.lines.forEach((line, i) =>
      parts.push(
        <Text key={`company-${i}`} x={left} y={top + 16 + i * 20} size={16} fill={ink} bold>
          {line}
        </Text>,
      ),
    );
    top += 8 + 20 * Math.max(1, fitted.coverCompany.lines.length);
  }
  if (brand.clientLogo) {
    const size = fitLogo(brand.clientLogo, 150, 70);
    parts.push(
      <image
        key="client-logo"
        role="img"
        aria-label={`${client} logo`}
        href={logoSource(brand.clientLogo)}
        x={PAGE.width - MARGIN.right - size.width}
        y={80}
        {...size}
      />,
    );
  }
  let y = Math.max(top + 120, 280);
  parts.push(
    <text
      key="kicker"
      x={left}
      y={y}
      fontSize={10}
      fontWeight={700}
      fill={ink}
      fontFamily={PRINT_FONT}
      letterSpacing={1.5}
    >
      TECHNOLOGY RECOMMENDATION
    </text>,
  );
  y += 34;
  parts.push(
    <Text key="title" x={left} y={y} size={28} fill={ink} bold>
      {project}
    </Text>,
  );
  y += 34;
  parts.push(
    <Text key="client" x={left} y={y} size={15} fill={MUTED}>
      {client}
    </Text>,
  );
  y += 38;
  parts.push(
    <line key="rule" x1={left} x2={left + 64} y1={y} y2={y} stroke={brand.accentColor} strokeWidth={2} />,
  );
  y += 32;
  const facts: Array<[string, readonly string[]]> = [
    ['PREPARED FOR', [client]],
    [
      'PREPARED BY',
      fitted.coverPreparedBy.lines.length > 0 ? fitted.coverPreparedBy.lines : ['Company name'],
    ],
    ['STATUS', ['Draft, version 1']],
    ['REFERENCE', ['CLIENT-PRJ-2026-12-02-v1']],
  ];
  for (const [label, lines] of facts) {
    parts.push(
      <Text key={label} x={left} y={y} size={8.5} fill={MUTED}>
        {label}
      </Text>,
    );
    lines.forEach((line, i) =>
      parts.push(
        <Text key={`${label}-${i}`} x={left + 130} y={y + i * 15} size={11} fill={INK}>
          {line}
        </Text>,
      ),
    );
    y += 15 * lines.length + 10;
  }
  // The answer, in a box of the primary colour, its text white or ink, whichever reads better.
  const boxY = Math.max(y + 24, 600);
  const onBox =
    contrastRatio(brand.primaryColor, '#FFFFFF') >= contrastRatio(brand.primaryColor, INK) ? '#FFFFFF' : INK;
  parts.push(<rect key="box" x={left} y={boxY} width={width} height={54} rx={4} fill={brand.primaryColor} />);
  parts.push(
    <Text key="headline" x={left + 20} y={boxY + 32} size={14} fill={onBox} bold>
      {headline}
    </Text>,
  );
  // The contact line and the footer at the foot of the cover, the last line well above the edge.
  const foot = [...fitted.coverContact.lines, ...fitted.coverFooter.lines];
  foot.forEach((line, i) =>
    parts.push(
      <Text
        key={`foot-${i}`}
        x={left}
        y={PAGE.height - 40 - (foot.length - 1 - i) * 11}
        size={8}
        fill={MUTED}
      >
        {line}
      </Text>,
    ),
  );
  return (
    <>
      <rect width={PAGE.width} height={PAGE.height} fill="#FFFFFF" />
      <rect width={18} height={PAGE.height} fill={brand.primaryColor} />
      <rect x={18} width={4} height={PAGE.height} fill={brand.accentColor} />
      {parts}
    </>
  );
}

type PagePart = 'page' | 'header' | 'footer';

/**
 * The report's second page: its running header and footer, the body sketched as grey bars. `part`
 * draws only the header or the footer, for the enlarged strips.
 */
function LaterPage({
  brand,
  fitted,
  client,
  project,
  part,
}: Required<Omit<PreviewProps, 'font' | 'headline'>> & { part: PagePart }) {
  const ink = textShade(brand.primaryColor);
  const right = PAGE.width - MARGIN.right;
  const bodyWidth = right - MARGIN.left;
  // The footer's rule sits 8 points below the text area, which ends 70 points above the edge.
  const ruleY = PAGE.height - 70 + 8;
  const foot = [...fitted.pageFooter.lines, ...fitted.pageContact.lines];
  const header = (
    <g>
      <rect width={PAGE.width} height={6} fill={brand.primaryColor} />
      <Text x={MARGIN.left} y={38} size={8.5} fill={ink} bold>
        {fitted.headerCompany.lines[0] ?? ''}
      </Text>
      <Text x={right} y={38} size={8.5} fill={MUTED} end>
        {`${client} · ${project}`}
      </Text>
      <line x1={MARGIN.left} x2={right} y1={50} y2={50} stroke={RULE} strokeWidth={0.5} />
    </g>
  );
  const footer = (
    <g>
      <line x1={MARGIN.left} x2={right} y1={ruleY} y2={ruleY} stroke={RULE} strokeWidth={0.5} />
      {foot.map((line, i) => (
        <Text key={i} x={MARGIN.left} y={ruleY + 12 + i * 9.6} size={8} fill={MUTED}>
          {line}
        </Text>
      ))}
      <Text x={right} y={ruleY + 12} size={8.5} fill={INK} bold end>
        Page 2 of 12
      </Text>
    </g>
  );
  return (
    <>
      <rect width={PAGE.width} height={PAGE.height} fill="#FFFFFF" />
      {part === 'footer' ? null : header}
      {part === 'page' ? (
        <g>
          <rect x={MARGIN.left} y={84} width={200} height={14} fill={ink} opacity={0.85} />
          <rect x={MARGIN.left} y={104} width={40} height={2} fill={brand.accentColor} />
          {Array.from({ length: 24 }, (_, i) => (
            <rect
              key={i}
              x={MARGIN.left}
              y={126 + i * 24}
              width={i % 6 === 5 ? bodyWidth * 0.55 : bodyWidth}
              height={7}
              fill={PLACEHOLDER}
            />
          ))}
        </g>
      ) : null}
      {part === 'header' ? null : footer}
    </>
  );
}

const HEADER_BOX = `0 0 ${PAGE.width} 62`;
const FOOTER_TOP = PAGE.height - 80;
const FOOTER_BOX = `0 ${FOOTER_TOP} ${PAGE.width} 80`;

export function PrintPreview({
  brand,
  fitted,
  font,
  client = 'Client name',
  project = 'Project name',
  headline = 'The recommendation, in one line.',
}: PreviewProps) {
  const later = (part: PagePart) => (
    <LaterPage brand={brand} fitted={fitted} client={client} project={project} part={part} />
  );
  return (
    <>
      <figure className="print-preview print-preview--cover" aria-label="Cover preview" data-font={font}>
        <svg role="group" aria-label="Cover" viewBox={`0 0 ${PAGE.width} ${PAGE.height}`}>
          <Cover brand={brand} fitted={fitted} client={client} project={project} headline={headline} />
        </svg>
        <figcaption className="print-preview__note">
          The cover, A4 at true proportions, in the report’s font
          {font === 'fallback' ? ' (not available here, so a similar one stands in)' : ', DejaVu Sans'}. The
          PDF measures its own text, so a line may break a word sooner or later there.
        </figcaption>
      </figure>
      <figure className="print-preview print-preview--pages" aria-label="Running header and footer preview">
        <div className="print-preview__page" aria-hidden="true">
          <svg viewBox={`0 0 ${PAGE.width} ${PAGE.height}`}>{later('page')}</svg>
        </div>
        <div className="print-preview__strips">
          <p className="print-preview__label">Every page after the cover: its running header…</p>
          <svg role="group" aria-label="Running header" viewBox={HEADER_BOX}>
            {later('header')}
          </svg>
          <p className="print-preview__label">…and its footer.</p>
          <svg role="group" aria-label="Footer" viewBox={FOOTER_BOX}>
            {later('footer')}
          </svg>
        </div>
      </figure>
    </>
  );
}
