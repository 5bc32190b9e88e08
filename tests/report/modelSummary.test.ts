/**
 * Page one argues: an action headline naming the project, the reasons that carry the decision
 * (largest advantage first), what choosing the leader gives up, when the answer would change (the
 * same thresholds as the sensitivity section), how each voter's own weights came out, and the
 * decision asked of the reader. Without votes, or with a tie, it claims nothing it cannot.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction, evaluateWorkshop, initialWorkshopState } from '@shared/workshop';
import { DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { blocksOf, model, rowId, section, sectionTexts, tiedWorkshop, withRows } from './modelHelpers';

describe('the demo’s executive summary', () => {
  const state = demoWorkshop();
  const report = model(state);
  const summary = section(report, 'summary');
  const text = sectionTexts(summary).join('\n');
  const result = evaluateWorkshop(state, DEMO_SESSION.participants);
  const { evaluation, model: decision } = result;
  const rec = evaluation.recommendation;
  const leader = decision.candidates[rec.leader ?? 0]?.name ?? '';
  const runnerUp = decision.candidates[rec.runnerUp ?? 0]?.name ?? '';

  it('opens with the action, naming the project and the leader', () => {
    expect(summary?.blocks[0]).toEqual({
      kind: 'callout',
      title: 'Recommendation',
      text: 'Customer portal rebuild: build it on Django',
    });
    expect(leader).toBe('Django');
  });

  it('gives at most three reasons, the criterion of largest advantage first', () => {
    const advantage = decision.criteria.map(
      (_, k) =>
        (evaluation.contributions[rec.leader ?? 0]?.[k] ?? 0) -
        (evaluation.contributions[rec.runnerUp ?? 0]?.[k] ?? 0),
    );
    const byAdvantage = advantage
      .map((a, k) => ({ a, name: decision.criteria[k]?.name ?? '' }))
      .filter((x) => x.a > 0)
      .sort((x, y) => y.a - x.a)
      .map((x) => x.name);
    const why = blocksOf(summary, 'bullets').find((b) => b.ordered)?.items ?? [];
    expect(why.length).toBe(Math.min(3, byAdvantage.length));
    why.forEach((item, i) => expect(item.startsWith(`${byAdvantage[i] ?? ''}: `), item).toBe(true));
    expect(why[0]).toBe('Learning curve: 0.39 points more for Django than for Node.js, rated 5 against 2.');
  });

  it('never lists reasons out of order, whatever the rounding', () => {
    for (const list of blocksOf(summary, 'bullets').slice(0, 2)) {
      const points = list.items.map((item) =>
        Number(/: (?:\S+ scores )?(\d+\.\d\d) points more/.exec(item)?.[1]),
      );
      expect(points.every((p) => Number.isFinite(p))).toBe(true);
      expect([...points].sort((a, b) => b - a)).toEqual(points);
    }
  });

  it('says what choosing the leader gives up: the runner-up’s strengths', () => {
    expect(text).toContain(`What choosing ${leader} gives up`);
    expect(text).toContain('Performance: Node.js scores 0.53 points more, rated 5 against 2.');
    expect(text).toContain('Scalability: Node.js scores 0.14 points more, rated 4 against 3.');
  });

  it('names the conditions that change the answer with the sensitivity section’s own thresholds', () => {
    const conditions = blocksOf(summary, 'bullets').find((b) =>
      b.items.some((i) => i.includes('would overtake')),
    )?.items;
    expect(conditions).toEqual([
      'Node.js would overtake Django only if Performance mattered more: over 21.6% of the decision, against 17.6% now.',
      'Node.js would overtake Django only if Learning curve mattered less: under 8.2% of the decision, against 12.9% now.',
      'Node.js would move ahead of Django if it were rated 5 instead of 4 on Security.',
    ]);
    const sensitivity = sectionTexts(section(report, 'sensitivity')).join('\n');
    expect(sensitivity).toContain('Performance carries more than 21.6% of the weight (now 17.6%)');
    expect(sensitivity).toContain('Learning curve carries less than 8.2% of the weight (now 12.9%)');
  });

  it('says how the room voted, each voter with their own result', () => {
    expect(text).toContain(
      '3 of 3 voters voted in round 2; 3 counted. 2 of 3 voters’ own weights pick Django: Zofia Łukasiewicz (CTO) and Ana Kovačević; 1 picks Node.js: Tomasz Øverland.',
    );
  });

  it('asks for a decision, and says the lead is narrow when confidence is low', () => {
    const ask = summary?.blocks.at(-1);
    expect(summary?.blocks.at(-2)).toEqual({ kind: 'subheading', text: 'The decision asked of you' });
    expect(rec.confidence).toBe('low');
    expect(ask?.kind === 'paragraph' && ask.text).toBe(
      'Approve Django as the stack for Customer portal rebuild. The lead is narrow, so check the conditions above early, before work that is costly to undo. The first next step is “Two-week spike: the booking flow in Django, with the admin for the operations team”, owned by Ana Kovačević, due 27 March 2026. To accept, sign the sign-off at the end of this report.',
    );
    expect(text).toContain(`0.16 points over ${runnerUp} (4.0% of Django’s score)`);
  });

  it('names the first next step in the decision when the steps are rows', () => {
    const rows = withRows(
      state,
      [],
      [
        { id: rowId(1), action: '  ', owner: 'Nobody', due: '' },
        { id: rowId(2), action: 'Two-week spike', owner: 'Tomasz Øverland', due: '2026-04-01' },
      ],
    );
    const ask = section(model(rows), 'summary')?.blocks.at(-1);
    expect(ask?.kind === 'paragraph' && ask.text).toContain(
      'The first next step is “Two-week spike”, owned by Tomasz Øverland, due 1 April 2026.',
    );
  });
});

describe('a summary with nothing voted', () => {
  const report = model(initialWorkshopState());
  const text = sectionTexts(section(report, 'summary')).join('\n');

  it('says so in the headline and asks for no decision', () => {
    expect(text).toContain('Customer portal rebuild: no recommendation yet');
    expect(text).toContain('No one has weighed in yet');
    expect(text).toContain('None yet. Once the room has weighed the criteria');
    expect(text).not.toContain('Approve');
    expect(text).not.toContain('build it on');
    expect(text).not.toMatch(/Why |gives up|would overtake/);
  });

  it('signs off receipt, not a recommendation', () => {
    const signOff = sectionTexts(section(report, 'sign-off')).join('\n');
    expect(signOff).toContain('has received it');
    expect(signOff).not.toContain('accepts its recommendation');
  });
});

describe('a tie', () => {
  const state = tiedWorkshop();
  const result = evaluateWorkshop(state, DEMO_SESSION.participants);
  const report = model(state);
  const text = sectionTexts(section(report, 'summary')).join('\n');

  it('says there is no single answer and asks the reader to choose, or vote again', () => {
    expect(result.evaluation.recommendation.leader).toBeNull();
    expect(text).toContain('Customer portal rebuild: Django and Node.js are tied');
    expect(text).toContain('Choose between Django and Node.js on the strengths above');
    expect(text).toContain('Where Django is stronger');
    expect(text).toContain('Where Node.js is stronger');
    expect(text).not.toMatch(/Approve|build it on|gives up|would overtake|move ahead/);
  });
});

describe('a three-way tie', () => {
  // Go rated as Node.js is on every criterion, so all three share first place.
  const tied = tiedWorkshop();
  const node = evaluateWorkshop(tied, DEMO_SESSION.participants);
  const nodeIndex = node.model.candidates.findIndex((c) => c.id === 'nodejs');
  const state = node.model.criteria.reduce(
    (s, criterion, k) =>
      applyAction(s, {
        type: 'setRating',
        candidateId: 'go',
        criterionId: criterion.id,
        value: node.evaluation.ratings.matrix[nodeIndex]?.[k] ?? 3,
        rationale: 'Rated as Node.js is, for the tie.',
      }),
    applyAction(tied, { type: 'addCandidate', id: 'go', name: 'Go' }),
  );
  const text = sectionTexts(section(model(state), 'summary')).join('\n');

  it('asks the reader to choose among all three, and says the strengths compare only two of them', () => {
    expect(
      evaluateWorkshop(state, DEMO_SESSION.participants).evaluation.recommendation.ranking.leaders,
    ).toHaveLength(3);
    expect(text).toContain('Customer portal rebuild: Django, Node.js and Go are tied');
    expect(text).toContain('Where Django is stronger');
    expect(text).not.toContain('Where Go is stronger');
    expect(text).toContain(
      'Choose among Django, Node.js and Go, or ask the room for another round of weighting to break the tie. The strengths above compare Django with Node.js only; “Side-by-side comparison” rates all three on every criterion.',
    );
    expect(text).not.toContain('on the strengths above');
    const comparison = blocksOf(section(model(state), 'comparison'), 'table')[0];
    expect(comparison?.columns.map((c) => c.title)).toEqual(
      expect.arrayContaining(['Django', 'Node.js', 'Go']),
    );
  });
});

describe('a summary that cannot name everyone on one page', () => {
  it('counts the own answers of more than twelve voters and names them in the weights section', () => {
    const people = Array.from({ length: 14 }, (_, i) => ({
      id: rowId(100 + i),
      name: `Voter number ${i + 1}`,
    }));
    const session = { ...DEMO_SESSION, participants: people };
    const state = people.reduce(
      (s, p, i) =>
        applyAction(s, { type: 'setDirect', participantId: p.id, criterionId: 'security', value: i % 10 }),
      initialWorkshopState(),
    );
    const report = model(state, session);
    const summary = sectionTexts(section(report, 'summary')).join('\n');
    expect(summary).toMatch(/14 voters’ own weights|All 14 voters’ own weights/);
    expect(summary).not.toContain('Voter number 1');
    const weights = section(report, 'weights');
    const table = blocksOf(weights, 'table').find((t) => t.columns[1]?.title === 'Their own weights pick');
    expect(table?.rows.length).toBe(14);
    expect(table?.rows[0]?.[0]).toBe('Voter number 1');
  });
});

/**
 * Page one's lists of advantages, each after its heading: for the first compared stack ("Why
 * Django", or "Where Django is stronger" in a tie) or for the second ("What choosing Django gives
 * up", "Where Node.js is stronger").
 */
function strengthLists(
  summary: ReturnType<typeof section>,
  firstName: string,
): Array<{ items: string[]; first: boolean }> {
  const blocks = summary?.blocks ?? [];
  return blocks.flatMap((block, i) => {
    const next = blocks[i + 1];
    if (block.kind !== 'subheading' || next?.kind !== 'bullets') return [];
    if (block.text.startsWith('Why ')) return [{ items: next.items, first: true }];
    if (block.text.startsWith('What choosing ')) return [{ items: next.items, first: false }];
    if (block.text.startsWith('Where ')) {
      return [{ items: next.items, first: block.text === `Where ${firstName} is stronger` }];
    }
    return [];
  });
}

describe('the reasons and the chart', () => {
  it('print the same advantages, in order, adding up to the rounded lead, whatever the weights', () => {
    let total = 0;
    const [a, b] = DEMO_SESSION.participants;
    const criteria = initialWorkshopState().criteria.map((c) => c.id);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), {
          minLength: criteria.length * 2,
          maxLength: criteria.length * 2,
        }),
        (values) => {
          const state = criteria.reduce(
            (s, id, k) =>
              applyAction(
                applyAction(s, {
                  type: 'setDirect',
                  participantId: a?.id ?? '',
                  criterionId: id,
                  value: values[k] ?? 0,
                }),
                {
                  type: 'setDirect',
                  participantId: b?.id ?? '',
                  criterionId: id,
                  value: values[k + criteria.length] ?? 0,
                },
              ),
            initialWorkshopState(),
          );
          const report = model(state);
          const sum = (blocksOf(section(report, 'charts'), 'divergingChart')[0]?.rows ?? []).reduce(
            (total, r) => total + Math.round(r.value * 100),
            0,
          );
          const result = evaluateWorkshop(state, DEMO_SESSION.participants);
          const { totals, recommendation } = result.evaluation;
          const [first, second] = [recommendation.compared?.first ?? 0, recommendation.compared?.second ?? 0];
          expect(
            Math.abs(sum - Math.round(((totals[first] ?? 0) - (totals[second] ?? 0)) * 100)),
          ).toBeLessThanOrEqual(1);
          const chart = blocksOf(section(report, 'charts'), 'divergingChart')[0];
          const lists = strengthLists(section(report, 'summary'), result.model.candidates[first]?.name ?? '');
          let checked = 0;
          for (const { items, first: forFirst } of lists) {
            let previous = Infinity;
            for (const item of items) {
              const match = /^(.+?): (?:\S+ scores )?(\d+\.\d\d|less than 0\.01) points more/.exec(item);
              expect(match, item).not.toBeNull();
              if (!match) continue;
              const shown = match[2] === 'less than 0.01' ? 0 : Number(match[2]);
              expect(shown).toBeLessThanOrEqual(previous);
              previous = shown;
              const row = chart?.rows.find((r) => r.label === match[1]);
              // A list for the first compared stack reads on the chart's right, one for the second on its left;
              // an advantage under 0.01 is a bar of nothing.
              expect(row?.text, item).toBe(shown > 0 ? `${forFirst ? '+' : '−'}${match[2] ?? ''}` : '0.00');
              checked += 1;
            }
          }
          // Every reason page one should name was found and checked: none slipped past the pattern.
          const named = result.usingSuggestedWeights
            ? 0
            : Math.min(3, recommendation.reasons.length) +
              Math.min(recommendation.leader === null ? 3 : 2, recommendation.strongerForRunnerUp.length);
          expect(checked).toBe(named);
          total += checked;
        },
      ),
      { numRuns: 40 },
    );
    expect(total).toBeGreaterThanOrEqual(1);
  });
});
