/**
 * What the workshop leaves the client with: the discussion notes, the risk register and the next
 * steps (as tables from the rows entered in the Recommendation step, with any free text written
 * before the rows existed printed beneath), and the sign-off. A part with nothing in it is left
 * out; an empty section is never printed.
 */
import type { Session } from '../sessions/schema';
import { LEVEL_LABELS, printedActionRows, printedRiskRows } from '../workshop';
import type { ActionRow, RiskRow, WorkshopState } from '../workshop';
import type { Block, Section } from './blocks';
import type { OwnerNames } from './owners';
import { formatDate, paragraphs } from './prose';

const NOT_SET = 'To be agreed';

/** The rows the report prints: those that say something, trimmed (rows.ts decides which). */
export function workshopRows(state: WorkshopState): { risks: RiskRow[]; actions: ActionRow[] } {
  return { risks: printedRiskRows(state.notes.riskRows), actions: printedActionRows(state.notes.actionRows) };
}

/** Whether some printed row's owner prints as entered while names are hidden (the report says so). */
export function ownersAsEntered(state: WorkshopState, owners: OwnerNames): boolean {
  const { risks, actions } = workshopRows(state);
  return [...risks, ...actions].some((row) => owners.asEntered(row.owner));
}

/** "Next steps", the notes, the risks: each section only when it says something. */
export function registerSections(state: WorkshopState, owners: OwnerNames): Section[] {
  const { risks, actions } = workshopRows(state);
  const sections: Section[] = [];
  const notes = paragraphs(state.notes.notes);
  if (notes.length > 0) sections.push({ id: 'notes', title: 'Notes from the discussion', blocks: notes });

  const riskText = paragraphs(state.notes.risks);
  if (risks.length > 0 || riskText.length > 0) {
    const blocks: Block[] = [];
    if (risks.length > 0) blocks.push(riskTable(risks, owners));
    if (riskText.length > 0) {
      if (risks.length > 0) blocks.push({ kind: 'subheading', text: 'Further risks noted in the workshop' });
      blocks.push(...riskText);
    }
    sections.push({ id: 'risks', title: 'Risks', blocks });
  }

  const stepText = paragraphs(state.notes.nextSteps);
  if (actions.length > 0 || stepText.length > 0) {
    const blocks: Block[] = [];
    if (actions.length > 0) blocks.push(actionTable(actions, owners));
    if (stepText.length > 0) {
      if (actions.length > 0)
        blocks.push({ kind: 'subheading', text: 'Further next steps noted in the workshop' });
      blocks.push(...stepText);
    }
    sections.push({ id: 'next-steps', title: 'Next steps', blocks });
  }
  return sections;
}

function riskTable(risks: readonly RiskRow[], owners: OwnerNames): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'Risk', width: 0.28 },
      { title: 'Likelihood', width: 0.14 },
      { title: 'Impact', width: 0.11 },
      { title: 'Mitigation', width: 0.29 },
      { title: 'Owner', width: 0.18 },
    ],
    rows: risks.map((r) => [
      r.risk,
      LEVEL_LABELS[r.likelihood],
      LEVEL_LABELS[r.impact],
      r.mitigation || 'None agreed yet',
      r.owner ? owners.of(r.owner) : NOT_SET,
    ]),
    emphasis: risks.flatMap((r, i) => (r.likelihood === 'high' && r.impact === 'high' ? [i] : [])),
  };
}

function actionTable(actions: readonly ActionRow[], owners: OwnerNames): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'Next step', width: 0.6 },
      { title: 'Owner', width: 0.22 },
      { title: 'Due', width: 0.18 },
    ],
    rows: actions.map((a) => [
      a.action,
      a.owner ? owners.of(a.owner) : NOT_SET,
      a.due ? formatDate(a.due) : NOT_SET,
    ]),
  };
}

/** The first next step as the summary's decision names it: “…”, owned by …, due …. */
export function firstStep(state: WorkshopState, owners: OwnerNames): string | null {
  const [first] = workshopRows(state).actions;
  if (!first) return null;
  const owner = first.owner ? `, owned by ${owners.of(first.owner)}` : '';
  const due = first.due ? `, due ${formatDate(first.due)}` : '';
  return `“${first.action}”${owner}${due}`;
}

/**
 * Lines to sign: who prepared the report, who reviewed it, and who accepts it for the client.
 * Without a recommendation (no votes, or a tie) there is nothing to accept but the report itself.
 */
export function signOffSection(session: Session, recommends: boolean, hasSteps: boolean): Section {
  const accepts = recommends
    ? `accepts its recommendation${hasSteps ? ' and the next steps it lists' : ''}`
    : `has received it${hasSteps ? ' and agrees the next steps it lists' : ''}`;
  return {
    id: 'sign-off',
    title: 'Sign-off',
    blocks: [
      {
        kind: 'paragraph',
        text: `Signing below records that this report was prepared and reviewed as stated, and that ${session.clientName} ${accepts}.`,
      },
      {
        kind: 'signOff',
        roles: [
          { role: 'Prepared by', name: session.facilitator },
          { role: 'Reviewed by' },
          { role: 'Accepted by' },
        ],
      },
    ],
  };
}
