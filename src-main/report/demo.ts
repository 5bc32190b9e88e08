/**
 * A built-in demo session for `npm run report -- --demo`: Django against Node.js for a logistics
 * client, three participants weighing by three different methods, a second round, an override, the
 * kind of notes a facilitator writes, a risk register and next steps with owners and due dates. Built with the same reducer the app uses.
 */
import type { ReportBrand } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import type { Action, ActionField, RiskField, WorkshopState } from '@shared/workshop';

const PEOPLE = [
  { id: '6f1c2a4e-8b3d-4c5e-9f10-1a2b3c4d5e01', name: 'Zofia Łukasiewicz (CTO)' },
  { id: '6f1c2a4e-8b3d-4c5e-9f10-1a2b3c4d5e02', name: 'Tomasz Øverland' },
  { id: '6f1c2a4e-8b3d-4c5e-9f10-1a2b3c4d5e03', name: 'Ana Kovačević' },
] as const;

export const DEMO_SESSION: Session = {
  id: '3d9a7c1e-5b2f-4e8a-9c6d-0e1f2a3b4c5d',
  clientName: 'Northwind Logistics (Łódź)',
  projectName: 'Customer portal rebuild',
  facilitator: 'Dana Whitfield',
  workshopDate: '2026-03-12',
  description:
    'Northwind is replacing its fifteen-year-old customer portal. Shippers book loads, track ' +
    'consignments and download invoices; the new portal adds live tracking on a map and an API for ' +
    'the largest customers. The in-house team of six knows Python well; two developers have shipped ' +
    'Node.js services. The portal stores contract prices and personal data, and the company is ' +
    'audited against ISO 27001 every year.',
  participants: PEOPLE.map((p) => ({ ...p })),
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-12T16:30:00.000Z',
};

export const DEMO_BRAND: ReportBrand = {
  profileName: 'Harbour & Vale',
  companyName: 'Harbour & Vale Consulting',
  primaryColor: '#1F4E5F',
  accentColor: '#C9733A',
  contactLine: 'Harbour & Vale Consulting · hello@harbourvale.example · +44 20 7946 0321',
  footerText: 'Confidential: prepared for Northwind Logistics',
  disclaimer:
    'This report reflects the information and judgements shared in the workshop on the date shown. ' +
    'It is advice, not a guarantee of outcomes; revisit it when the project’s goals or constraints change.',
  logo: null,
};

const [zofia, tomasz, ana] = PEOPLE;

export function demoWorkshop(): WorkshopState {
  const actions: Action[] = [
    { type: 'setAnswer', question: 'workload', value: 'io-realtime' },
    { type: 'setAnswer', question: 'compliance', value: 'strict' },
    { type: 'setAnswer', question: 'team', value: 'python' },
    { type: 'setMethod', participantId: zofia.id, method: 'direct' },
    { type: 'setDirect', participantId: zofia.id, criterionId: 'security', value: 10 },
    { type: 'setDirect', participantId: zofia.id, criterionId: 'performance', value: 6 },
    { type: 'setMethod', participantId: tomasz.id, method: 'points' },
    { type: 'setPoints', participantId: tomasz.id, criterionId: 'performance', value: 26 },
    { type: 'setPoints', participantId: tomasz.id, criterionId: 'scalability', value: 20 },
    { type: 'setMethod', participantId: ana.id, method: 'pairwise' },
    ...pairwise(ana.id, [
      ['security', 'performance', 3],
      ['security', 'scalability', 3],
      ['development-speed', 'performance', 2],
    ]),
    { type: 'setRevealed', revealed: true },
    { type: 'startRound' },
    // Round 2: Ana keeps her pairwise answers and votes with them; the others revise theirs.
    { type: 'castVote', participantId: ana.id },
    { type: 'setDirect', participantId: zofia.id, criterionId: 'performance', value: 7 },
    { type: 'setPoints', participantId: tomasz.id, criterionId: 'security', value: 18 },
    {
      type: 'setOverride',
      candidateId: 'nodejs',
      criterionId: 'security',
      value: 4,
      note: 'Northwind’s platform team already runs hardened Node.js services with a security review in CI.',
    },
    {
      type: 'setNotes',
      field: 'notes',
      text:
        'The room agreed early that security and compliance outweigh raw throughput: the portal holds ' +
        'contract prices and personal data, and the ISO 27001 audit is in September.\n\n' +
        'Tomasz argued for Node.js because live tracking needs many open connections. After discussion ' +
        'the group accepted that Django Channels or a small Node.js tracking service can carry that ' +
        'load without moving the whole portal.',
    },
    ...risk(1, {
      risk: 'Live tracking outgrows a Django-only design if customer numbers triple',
      likelihood: 'medium',
      impact: 'high',
      mitigation:
        'Measure connection counts in the pilot; keep a small Node.js tracking service as the fallback',
      owner: 'Tomasz Øverland',
    }),
    ...risk(2, {
      risk: 'Two senior Python developers leave within the year, which weakens the main argument for Django',
      likelihood: 'low',
      impact: 'high',
      mitigation: 'Plan hiring early; pair the Node.js developers with the Python team from the start',
      owner: 'Zofia Łukasiewicz (CTO)',
    }),
    ...risk(3, {
      risk: 'The ISO 27001 audit in September finds gaps in the new portal',
      likelihood: 'low',
      impact: 'medium',
      mitigation: 'Security review of the booking flow before the audit',
      owner: 'Ana Kovačević',
    }),
    ...nextStep(4, {
      action: 'Two-week spike: the booking flow in Django, with the admin for the operations team',
      owner: 'Ana Kovačević',
      due: '2026-03-27',
    }),
    ...nextStep(5, {
      action:
        'Prototype live tracking with Django Channels; fall back to a Node.js service if it cannot hold 5,000 connections',
      owner: 'Tomasz Øverland',
      due: '2026-04-17',
    }),
    ...nextStep(6, {
      action: 'Review this decision with the new head of platform',
      owner: 'Dana Whitfield',
      due: '2026-06-15',
    }),
    { type: 'setStep', step: 'recommendation' },
  ];
  return actions.reduce(applyAction, initialWorkshopState());
}

const rowId = (n: number) => `7a2b3c4d-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A risk added to the register and filled in, as the Recommendation step does it. */
function risk(n: number, fields: Record<RiskField, string>): Action[] {
  const id = rowId(n);
  return [
    { type: 'addRisk', id },
    ...RISK_FIELDS.map((field): Action => ({ type: 'updateRisk', id, field, value: fields[field] })),
  ];
}

function nextStep(n: number, fields: Record<ActionField, string>): Action[] {
  const id = rowId(n);
  return [
    { type: 'addNextStep', id },
    ...ACTION_FIELDS.map((field): Action => ({ type: 'updateNextStep', id, field, value: fields[field] })),
  ];
}

const RISK_FIELDS = ['risk', 'likelihood', 'impact', 'mitigation', 'owner'] as const;
const ACTION_FIELDS = ['action', 'owner', 'due'] as const;

function pairwise(participantId: string, judgments: Array<[string, string, number]>): Action[] {
  return judgments.map(([a, b, value]) => ({ type: 'setJudgment', participantId, a, b, value }));
}
