/** Building report models for the model tests, and reading their text back block by block. */
import type { Block, Section } from '@shared/report/blocks';
import { buildReport } from '@shared/report/model';
import type { ReportModel } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import type { Action, ActionRow, RiskRow, WorkshopState } from '@shared/workshop';
import { DEMO_BRAND, DEMO_SESSION } from '../../src-main/report/demo';

export const AT = '2026-03-13T10:00:00.000Z';

export function model(state: WorkshopState, session: Session = DEMO_SESSION): ReportModel {
  return buildReport({ session, state, brand: DEMO_BRAND, generatedAt: AT, appVersion: '1.2.3' });
}

export function section(report: ReportModel, id: string): Section | undefined {
  return report.sections.find((s) => s.id === id);
}

/** Every piece of text a block prints, nested blocks included. */
export function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
    case 'subheading':
      return [block.text];
    case 'bullets':
      return block.items;
    case 'facts':
      return block.rows.flat();
    case 'callout':
      return [block.title, block.text];
    case 'table':
      return [
        ...block.columns.map((c) => c.title),
        ...block.rows.flat(),
        ...(block.caption ? [block.caption] : []),
      ];
    case 'barChart':
      return [
        block.title,
        block.unit,
        ...block.series,
        ...block.groups.flatMap((g) => [g.label, ...(g.labels ?? [])]),
      ];
    case 'divergingChart':
      return [
        block.title,
        block.left,
        block.right,
        block.unit,
        ...block.rows.flatMap((r) => [r.label, r.text]),
      ];
    case 'keepTogether':
      return block.blocks.flatMap(blockTexts);
    case 'signOff':
      return block.roles.flatMap((r) => [r.role, ...(r.name ? [r.name] : [])]);
  }
}

export function sectionTexts(s: Section | undefined): string[] {
  return s ? [s.title, ...s.blocks.flatMap(blockTexts)] : [];
}

/** The model's whole printed text: cover, header and every section. */
export function modelTexts(report: ReportModel): string[] {
  return [
    report.cover.kicker,
    report.cover.title,
    report.cover.headline,
    ...report.cover.facts.flat(),
    ...Object.values(report.cover.issue ?? {}),
    report.header.left,
    report.header.right,
    ...report.sections.flatMap(sectionTexts),
  ];
}

export function blocksOf<K extends Block['kind']>(
  s: Section | undefined,
  kind: K,
): Array<Extract<Block, { kind: K }>> {
  const all = (blocks: readonly Block[]): Block[] =>
    blocks.flatMap((b) => (b.kind === 'keepTogether' ? [b, ...all(b.blocks)] : [b]));
  return all(s?.blocks ?? []).filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}

const [zofia] = DEMO_SESSION.participants;

/**
 * A tie: one voter on equal weights, and Django's Security rating lowered to 2 so that its rating
 * advantages and Node.js's cancel out exactly.
 */
export function tiedWorkshop(): WorkshopState {
  const actions: Action[] = [
    { type: 'setOverride', candidateId: 'django', criterionId: 'security', value: 2, note: 'For the tie.' },
    { type: 'castVote', participantId: zofia?.id ?? '' },
  ];
  return actions.reduce(applyAction, initialWorkshopState());
}

/** The state with risk and action rows, as the Recommendation step stores them. */
export function withRows(state: WorkshopState, riskRows: RiskRow[], actionRows: ActionRow[]): WorkshopState {
  return { ...state, notes: { ...state.notes, riskRows, actionRows } };
}

export const rowId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
