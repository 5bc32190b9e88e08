/**
 * From a saved session to what the recommendation report says, page by page: pure data, no
 * drawing. The PDF renderer lays it out; the app and the command line build it the same way, so
 * they print the same report. Every figure comes from `evaluateWorkshop`, formatted here once.
 */
import type { Logo, BrandFields } from '../brands/schema';
import type { Session } from '../sessions/schema';
import { anonymousBallotLabel, evaluateWorkshop, namesHidden } from '../workshop';
import type { WorkshopResult, WorkshopState } from '../workshop';
import { formatPercent, formatScore } from '../format/figures';
import { fileNamePart } from '../util/text';
import type { Section } from './blocks';
import { chartsSection, comparisonSection } from './comparison';
import { contextSection } from './context';
import { methodSection } from './method';
import { ownerNames } from './owners';
import { formatDate } from './prose';
import type { Names } from './prose';
import { registerSections, signOffSection, workshopRows } from './register';
import { sensitivitySection } from './sensitivity';
import { sourceList } from './sources';
import { summarySection } from './summary';
import { verdictFacts } from './verdict';
import { weightsSection } from './weights';

export { formatDate };

export type ReportBrand = BrandFields & {
  logo: Logo | null;
  /** The client's logo, printed on the cover beside the consultancy's (a brand profile's second logo). */
  clientLogo?: Logo | null;
};

/**
 * What this copy of the report is: set at export, printed on the cover and written into the PDF's
 * metadata (its Keywords end with the status, version and reference; the XMP names the reference
 * as the identifier: src-main/report/pdf/metadata.ts).
 */
export type ReportIssue = {
  status: 'draft' | 'final';
  /** 1 for the session's first export, then one more for each export after it. */
  version: number;
  /** A stable document reference, e.g. "HVC-NORTHWIND-2026-03-v3". */
  reference: string;
};

export type ReportInput = {
  session: Session;
  state: WorkshopState;
  brand: ReportBrand;
  /** ISO date-time the report is made; the only thing that differs between two exports. */
  generatedAt: string;
  appVersion: string;
  /**
   * Left out (command line): a first draft. Null: a copy exported before reports had an issue,
   * whose cover printed no status, version, date or reference, so a redraw prints none either.
   */
  issue?: ReportIssue | null;
};

export type ReportModel = {
  meta: {
    title: string;
    subject: string;
    author: string;
    keywords: string;
    createdAt: string;
    /** BCP 47, set as the PDF's document language. */
    language: string;
    /** "Stackwise 0.1.0": the metadata's creator tool, never the body. */
    creator: string;
  };
  brand: ReportBrand;
  cover: {
    kicker: string;
    title: string;
    client: string;
    project: string;
    facts: Array<[string, string]>;
    headline: string;
    /**
     * "Draft" or "Final", "Version 3", the reference and the date the report was made; null for a
     * copy exported before reports had an issue (its cover had none of these lines).
     */
    issue: { status: string; version: string; reference: string; date: string } | null;
  };
  /** Running header on every page after the cover. */
  header: { left: string; right: string };
  sections: Section[];
  fileName: string;
};

/** The scripts the embedded font prints; anything else shows as a visible box. */
export const COVERED_SCRIPTS = 'Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic';
export const REPLACEMENT_CHARACTER = '□';

/** A single weight as the report prints it, percent with one decimal (parts of a whole use `weightPercents`). */
export const formatWeight = (fraction: number) => formatPercent(fraction);
/** A weighted score or contribution (0-5) as the report prints it. */
export { formatScore };

export function buildReport(input: ReportInput): ReportModel {
  const { session, state, brand } = input;
  const result = evaluateWorkshop(state, session.participants);
  const names = nameResolver(session, state);
  const facts = verdictFacts(result, names);

  return {
    meta: {
      title: `Technology recommendation: ${session.projectName}`,
      subject: `${session.clientName}: ${facts.headline}`,
      author: `${session.facilitator}, ${brand.companyName}`,
      keywords: ['technology selection', ...result.model.candidates.map((c) => c.name)].join(', '),
      createdAt: input.generatedAt,
      language: 'en-GB',
      creator: `Stackwise ${input.appVersion}`,
    },
    brand,
    cover: {
      kicker: 'Technology recommendation',
      title: session.projectName,
      client: session.clientName,
      project: session.projectName,
      facts: [
        ['Prepared for', session.clientName],
        ['Workshop', formatDate(session.workshopDate)],
        ['Facilitator', session.facilitator],
        ['Prepared by', brand.companyName],
      ],
      headline: facts.headline,
      issue: issueLines(input),
    },
    header: { left: brand.companyName, right: `${session.clientName} · ${session.projectName}` },
    sections: reportSections(input, result, names, facts),
    fileName: reportFileName(session, input.generatedAt),
  };
}

/** The cover's status, version, reference and date; a report made without an issue is a first draft. */
function issueLines(input: ReportInput): ReportModel['cover']['issue'] {
  if (input.issue === null) return null;
  const issue = input.issue ?? { status: 'draft', version: 1, reference: defaultReference(input) };
  return {
    status: issue.status === 'final' ? 'Final' : 'Draft',
    version: `Version ${issue.version}`,
    reference: issue.reference,
    date: formatDate(input.generatedAt),
  };
}

/** Latin letters that carry no separable accent, as a reference spells them ("Łódź" is "LODZ"). */
const UNACCENTED = new Map([
  ['Ł', 'L'],
  ['ł', 'l'],
  ['Ø', 'O'],
  ['ø', 'o'],
  ['Đ', 'D'],
  ['đ', 'd'],
  ['Ħ', 'H'],
  ['ħ', 'h'],
  ['ß', 'ss'],
  ['Æ', 'AE'],
  ['æ', 'ae'],
  ['Œ', 'OE'],
  ['œ', 'oe'],
  ['Þ', 'TH'],
  ['þ', 'th'],
  ['Ð', 'D'],
  ['ð', 'd'],
]);

/**
 * "NORTHWIND-LOGISTICS-CPR-2026-03-12-v1": the client, a short code of the project (its words'
 * initials, or the first letters of a one-word name) and the workshop date, in letters and digits
 * any system reads, so two projects of one client on one day have references of their own.
 */
export function defaultReference(input: Pick<ReportInput, 'session'>, version = 1): string {
  const { clientName, projectName, workshopDate } = input.session;
  const client = referenceWords(clientName).join('-').slice(0, 24).replace(/-$/, '');
  const words = referenceWords(projectName);
  const initials = words.length > 1 ? words.map((word) => word[0]).join('') : (words[0] ?? '');
  const project = initials.slice(0, 4);
  return [client || 'CLIENT', project, workshopDate.slice(0, 10), `v${version}`].filter(Boolean).join('-');
}

/** A name's words in capital ASCII letters and digits ("Łódź Café" is ["LODZ", "CAFE"]). */
function referenceWords(text: string): string[] {
  return [
    ...fileNamePart(text)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, ''),
  ]
    .map((char) => UNACCENTED.get(char) ?? char)
    .join('')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** "Northwind Logistics - Customer portal rebuild - 2026-03-12.pdf", safe on every file system. */
export function reportFileName(session: Session, generatedAt: string): string {
  // No control or direction characters: "…\u202Efdp.exe" must not be offered as "…exe.pdf".
  return `${fileNamePart(session.clientName)} - ${fileNamePart(session.projectName)} - ${generatedAt.slice(0, 10)}.pdf`;
}

/** Participants as a document may name them; the decision record names them the same way. */
export function nameResolver(session: Session, state: WorkshopState): Names {
  const hidden = namesHidden(state);
  return {
    anonymous: hidden,
    of: (id) => {
      const ballot = anonymousBallotLabel(state, id);
      if (ballot !== null) return ballot;
      const index = session.participants.findIndex((p) => p.id === id);
      if (hidden) return `Participant ${index + 1}`;
      return session.participants[index]?.name ?? 'Former participant';
    },
  };
}

/** The report's sections in order; a section with nothing to say is left out. */
function reportSections(
  input: ReportInput,
  result: WorkshopResult,
  names: Names,
  facts: ReturnType<typeof verdictFacts>,
): Section[] {
  const { session, state } = input;
  const recommends = !facts.noVotes && facts.leader !== null;
  const steps = workshopRows(state).actions.length > 0 || state.notes.nextSteps.trim() !== '';
  const sources = sourceList(result);
  const owners = ownerNames(session.participants, names);
  return [
    summarySection(session, state, result, facts, names.anonymous, owners),
    contextSection(session, state, result, names),
    weightsSection(state, result, names, facts),
    comparisonSection(result, facts, sources),
    chartsSection(result, facts),
    sensitivitySection(result, facts),
    ...registerSections(state, owners),
    signOffSection(session, recommends, steps),
    methodSection(input, result, names, facts, sources),
  ];
}

/** The recommendation in one line, as the report's cover prints it. */
export function reportHeadline(result: WorkshopResult): string {
  return verdictFacts(result, { of: () => '', anonymous: true }).headline;
}
