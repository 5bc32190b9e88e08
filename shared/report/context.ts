/**
 * The report's project context: who took part, the project, the profile answers given (questions
 * left unanswered are left out) and, in sentences, what each answer changed.
 */
import { BASE_SUGGESTED_WEIGHT, joinAnd, PROJECT_QUESTIONS } from '../decision';
import type { ProfileRule, ProjectAnswers } from '../decision';
import type { Session } from '../sessions/schema';
import { anonymityOf, anonymitySentence, isVoter } from '../workshop';
import type { WorkshopResult, WorkshopState } from '../workshop';
import type { Block, Section } from './blocks';
import { OWNERS_AS_ENTERED, ownerNames } from './owners';
import { formatDate, paragraphs } from './prose';
import type { Names } from './prose';
import { ownersAsEntered } from './register';

export function contextSection(
  session: Session,
  state: WorkshopState,
  result: WorkshopResult,
  names: Names,
): Section {
  const voters = session.participants.filter((p) => isVoter(state, p.id)).map((p) => names.of(p.id));
  const observers = session.participants.filter((p) => !isVoter(state, p.id)).map((p) => names.of(p.id));
  const rows: Array<[string, string]> = [
    ['Client', session.clientName],
    ['Project', session.projectName],
    ['Workshop date', formatDate(session.workshopDate)],
    ['Facilitator', session.facilitator],
  ];
  if (voters.length > 0) rows.push([voters.length === 1 ? 'Voter' : 'Voters', voters.join(', ')]);
  if (observers.length > 0)
    rows.push([observers.length === 1 ? 'Observer' : 'Observers', observers.join(', ')]);
  const blocks: Block[] = [{ kind: 'facts', rows }];
  if (names.anonymous) {
    blocks.push({
      kind: 'paragraph',
      tone: 'muted',
      text: [
        'This report names participants by number only.',
        anonymitySentence(anonymityOf(state)),
        ...(ownersAsEntered(state, ownerNames(session.participants, names)) ? [OWNERS_AS_ENTERED] : []),
      ].join(' '),
    });
  }
  if (session.description) blocks.push(...paragraphs(session.description));
  blocks.push(...profileBlocks(state.answers as ProjectAnswers, result));
  return { id: 'context', title: 'Project context', blocks };
}

/** The answered questions and what they changed; nothing at all when no question was answered. */
function profileBlocks(answers: ProjectAnswers, result: WorkshopResult): Block[] {
  const answered = PROJECT_QUESTIONS.flatMap((q) => {
    const value = answers[q.id];
    const label = q.options.find((o) => o.value === value)?.label;
    return label ? [[q.text, label]] : [];
  });
  if (answered.length === 0) return [];
  const changes = profileChanges(result);
  return [
    { kind: 'subheading', text: 'Project profile' },
    {
      kind: 'table',
      columns: [
        { title: 'Question', width: 0.45 },
        { title: 'Answer', width: 0.55 },
      ],
      rows: answered,
    },
    { kind: 'subheading', text: 'What the answers changed' },
    changes.length > 0
      ? { kind: 'bullets', items: changes }
      : {
          kind: 'paragraph',
          text: 'These answers change no rating and no suggested weight; the built-in ratings stand as they are.',
        },
  ];
}

/**
 * One sentence per rule that applied, naming each of its effects: "Because strict compliance
 * applies, the suggested weight for Security was raised from 5 to 9 of 10. With sensitive data, …"
 * A later rule's effect on the same weight or rating is told from the value the earlier one left.
 */
export function profileChanges(result: WorkshopResult): string[] {
  const { applied, ratingChanges } = result.profile;
  const criterion = (id: string) => result.model.criteria.find((c) => c.id === id)?.name ?? null;
  const candidate = (id: string) => result.model.candidates.find((c) => c.id === id)?.name ?? null;
  const suggested = new Map<string, number>();
  return applied.map((rule) => {
    const effects: string[] = [];
    for (const change of ratingChanges.filter((c) => c.rule === rule.id)) {
      const who = candidate(change.candidate);
      const what = criterion(change.criterion);
      if (!who || !what) continue;
      effects.push(
        `${who}’s rating on ${what} was ${moved(change.from, change.to)} from ${change.from} to ${change.to}`,
      );
    }
    for (const effect of rule.effects) {
      if (effect.kind !== 'weight') continue;
      const before = suggested.get(effect.criterion) ?? BASE_SUGGESTED_WEIGHT;
      suggested.set(effect.criterion, effect.value);
      const what = criterion(effect.criterion);
      if (!what || before === effect.value) continue;
      effects.push(
        `the suggested weight for ${what} was ${moved(before, effect.value)} from ${before} to ${effect.value} of 10`,
      );
    }
    return ruleSentence(rule, effects);
  });
}

const moved = (from: number, to: number) => (to > from ? 'raised' : 'lowered');

function ruleSentence(rule: ProfileRule, effects: string[]): string {
  // "The team knows Python best" -> "the team knows Python best"; an acronym keeps its capitals.
  const when = /^\p{Lu}\p{Ll}/u.test(rule.when)
    ? `${rule.when.charAt(0).toLowerCase()}${rule.when.slice(1)}`
    : rule.when;
  const reason = rule.reason.trim();
  if (effects.length === 0) {
    return `${rule.when}; in this session that changes no rating and no suggested weight. ${reason}`;
  }
  return `Because ${when}, ${joinAnd(effects)}. ${reason}`;
}
