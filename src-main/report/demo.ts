/**
 * A built-in demo session for `npm run report -- --demo`: Django against Node.js for a logistics
 * client, three participants weighing by three different methods, a second round, an override, and
 * the kind of notes a facilitator writes. Built with the same reducer the app uses.
 */
import type { ReportBrand } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

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
    {
      type: 'setNotes',
      field: 'risks',
      text:
        'Live tracking could outgrow a Django-only design if customer numbers triple; measure ' +
        'connection counts in the pilot.\n\nIf two senior Python developers leave in the next year, the ' +
        'main argument for Django weakens; plan hiring early.',
    },
    {
      type: 'setNotes',
      field: 'nextSteps',
      text:
        '1. Two-week spike: booking flow in Django with the admin for the operations team.\n' +
        '2. Prototype live tracking with Django Channels; fall back to a Node.js service if it cannot hold 5,000 connections.\n' +
        '3. Review this decision with the new head of platform in June.',
    },
    { type: 'setStep', step: 'recommendation' },
  ];
  return actions.reduce(applyAction, initialWorkshopState());
}

function pairwise(participantId: string, judgments: Array<[string, string, number]>): Action[] {
  return judgments.map(([a, b, value]) => ({ type: 'setJudgment', participantId, a, b, value }));
}
