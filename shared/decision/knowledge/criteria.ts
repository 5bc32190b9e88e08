/** The seven built-in decision criteria, from the comparison article, phrased for the room. */
import type { SourceId } from './source';

export type CriterionInfo = {
  id: string;
  name: string;
  /** The question the facilitator reads out when the room weighs this criterion. */
  question: string;
  description: string;
  /** What a rating of 5 on this criterion means. */
  highMeans: string;
  /** Where the criterion and its description come from; at least one. */
  sources: readonly SourceId[];
};

export const BUILT_IN_CRITERIA: readonly CriterionInfo[] = [
  {
    id: 'performance',
    name: 'Performance',
    question: 'How much does raw responsiveness under our kind of load matter?',
    description:
      'How well the stack copes with the work this product actually does: many simultaneous, mostly waiting connections (I/O-bound, real-time) or heavy computation per request (CPU-bound, data processing).',
    highMeans: 'Handles this project’s workload quickly and predictably without special tuning.',
    sources: ['planeks-article'],
  },
  {
    id: 'scalability',
    name: 'Scalability',
    question: 'How important is growing smoothly as traffic rises, or spikes?',
    description:
      'Whether capacity grows by running more instances side by side (horizontal, suits unpredictable traffic and microservices) or by bigger machines and database tuning (vertical, suits steady traffic).',
    highMeans: 'Grows with this project’s traffic pattern with little extra engineering.',
    sources: ['planeks-article'],
  },
  {
    id: 'development-speed',
    name: 'Development speed',
    question: 'How much does getting a first release out quickly matter?',
    description:
      'How fast a team can ship standard features such as accounts, admin screens, forms and database access: built in, or assembled from separate libraries.',
    highMeans: 'Common features come ready-made, so the team spends its time on what is unique.',
    sources: ['planeks-article'],
  },
  {
    id: 'learning-curve',
    name: 'Learning curve',
    question: 'How much does it matter that our team is productive from week one?',
    description:
      'How easy the stack is for this team to pick up: the language they already know, the programming model (synchronous or asynchronous), and the quality of the documentation.',
    highMeans: 'This team can be productive almost immediately.',
    sources: ['planeks-article'],
  },
  {
    id: 'ecosystem',
    name: 'Ecosystem and community',
    question: 'How much do we rely on ready-made libraries and community help?',
    description:
      'The breadth, quality and upkeep of available packages, and the size and activity of the community behind them.',
    highMeans: 'Plenty of well-maintained libraries and answers for what this project needs.',
    sources: ['planeks-article'],
  },
  {
    id: 'use-case-fit',
    name: 'Use-case fit',
    question: 'How much should the kind of product we build decide this?',
    description:
      'How closely the product resembles what the stack is known to do well: data-heavy platforms such as CMS, CRM and e-commerce, or real-time products such as chat, streaming, games and lightweight APIs.',
    highMeans: 'This kind of product is a textbook case for the stack.',
    sources: ['planeks-article'],
  },
  {
    id: 'security',
    name: 'Security',
    question: 'How costly would a security or compliance failure be for us?',
    description:
      'How much protection comes by default (against SQL injection, cross-site scripting, request forgery) versus what developers must add and vet themselves, including third-party packages.',
    highMeans: 'Safe defaults out of the box; little depends on each developer getting it right.',
    sources: ['planeks-article', 'django-security', 'node-security'],
  },
];

export type CriterionId = (typeof BUILT_IN_CRITERIA)[number]['id'];
