/**
 * The sections after page one: the risk register and next steps as tables (free text kept
 * beneath), empty sections and unanswered questions left out, what each profile answer changed
 * in sentences, the leader's advantage as a diverging chart that adds up to the printed lead, rating
 * pairs kept together, the sign-off, and only words a client should read.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkshop, initialWorkshopState, applyAction } from '@shared/workshop';
import { DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { blocksOf, model, modelTexts, rowId, section, sectionTexts, withRows } from './modelHelpers';

describe('the risk register and the next steps', () => {
  const demo = demoWorkshop();
  // Free text as a document saved before the rows existed holds it.
  const base = {
    ...demo,
    notes: {
      ...demo.notes,
      risks: 'Live tracking could outgrow a Django-only design if customer numbers triple.',
      nextSteps: '1. Two-week spike: booking flow in Django.\n2. Review in June.',
    },
  };
  const state = withRows(
    base,
    [
      {
        id: rowId(1),
        risk: ' Live tracking outgrows Django Channels ',
        likelihood: 'medium',
        impact: 'high',
        mitigation: 'Measure connections in the pilot',
        owner: 'Tomasz Øverland',
      },
      { id: rowId(2), risk: '', likelihood: 'low', impact: 'low', mitigation: 'An empty row', owner: '' },
      {
        id: rowId(3),
        risk: 'Key people leave',
        likelihood: 'high',
        impact: 'high',
        mitigation: '',
        owner: '',
      },
    ],
    [{ id: rowId(4), action: 'Two-week spike', owner: '', due: '2026-04-01' }],
  );
  const report = model(state);

  it('prints the risks as a table, empty rows left out, blanks said in words', () => {
    const [table] = blocksOf(section(report, 'risks'), 'table');
    expect(table?.columns.map((c) => c.title)).toEqual([
      'Risk',
      'Likelihood',
      'Impact',
      'Mitigation',
      'Owner',
    ]);
    expect(table?.rows).toEqual([
      [
        'Live tracking outgrows Django Channels',
        'Medium',
        'High',
        'Measure connections in the pilot',
        'Tomasz Øverland',
      ],
      ['Key people leave', 'High', 'High', 'None agreed yet', 'To be agreed'],
    ]);
    expect(table?.emphasis).toEqual([1]);
  });

  it('prints the next steps as actions with owner and due date', () => {
    const [table] = blocksOf(section(report, 'next-steps'), 'table');
    expect(table?.columns.map((c) => c.title)).toEqual(['Next step', 'Owner', 'Due']);
    expect(table?.rows).toEqual([['Two-week spike', 'To be agreed', '1 April 2026']]);
  });

  it('keeps the free text written before the rows, beneath them', () => {
    const risks = sectionTexts(section(report, 'risks'));
    expect(risks).toContain('Further risks noted in the workshop');
    expect(risks.join('\n')).toContain('Live tracking could outgrow a Django-only design');
    expect(sectionTexts(section(report, 'next-steps')).join('\n')).toContain(
      '1. Two-week spike: booking flow',
    );
  });

  it('prints rows alone without a heading for free text that is not there', () => {
    const rowsOnly = withRows(
      { ...base, notes: { ...base.notes, risks: '', nextSteps: ' ' } },
      [{ id: rowId(1), risk: 'A risk', likelihood: 'low', impact: 'low', mitigation: 'M', owner: 'O' }],
      [],
    );
    const r = model(rowsOnly);
    expect(sectionTexts(section(r, 'risks'))).toEqual([
      'Risks',
      'Risk',
      'Likelihood',
      'Impact',
      'Mitigation',
      'Owner',
      'A risk',
      'Low',
      'Low',
      'M',
      'O',
    ]);
    expect(section(r, 'next-steps')).toBeUndefined();
  });
});

describe('a session with nothing written and nothing answered', () => {
  const report = model(initialWorkshopState());
  const all = modelTexts(report).join('\n');

  it('leaves out the empty sections and the unanswered questions', () => {
    expect(report.sections.map((s) => s.id)).toEqual([
      'summary',
      'context',
      'weights',
      'comparison',
      'charts',
      'sensitivity',
      'sign-off',
      'method',
    ]);
    expect(all).not.toMatch(/None recorded|Not answered|Project profile|What the answers changed/);
    expect(all).not.toContain('No voter used pairwise comparison');
  });

  it('prints only the questions that were answered', () => {
    const state = applyAction(initialWorkshopState(), {
      type: 'setAnswer',
      question: 'team',
      value: 'python',
    });
    const [table] = blocksOf(section(model(state), 'context'), 'table');
    expect(table?.rows).toEqual([['Which language does the team already know best?', 'Python']]);
  });
});

describe('what the answers changed', () => {
  it('says, in sentences, what each rule changed and why', () => {
    const changes = blocksOf(section(model(demoWorkshop()), 'context'), 'bullets')[0]?.items ?? [];
    expect(changes).toHaveLength(3);
    expect(changes[0]).toMatch(
      /^Because the back end mostly juggles many connections, Node\.js’s rating on Performance was raised from 4 to 5, Django’s rating on Performance was lowered from 3 to 2 and the suggested weight for Performance was raised from 5 to 8 of 10\. \S/,
    );
    expect(changes[2]).toMatch(
      /^Because strict compliance applies, the suggested weight for Security was raised from 5 to 9 of 10\. /,
    );
    for (const change of changes) expect(change).not.toMatch(/^[^.]*: /);
  });
});

describe('the charts', () => {
  const state = demoWorkshop();
  const report = model(state);
  const charts = section(report, 'charts');
  const result = evaluateWorkshop(state, DEMO_SESSION.participants);

  it('show the leader’s advantage per criterion, adding up to the printed lead, instead of the ratings', () => {
    const [chart] = blocksOf(charts, 'divergingChart');
    expect(chart).toBeDefined();
    expect(chart?.left).toBe('Node.js');
    expect(chart?.right).toBe('Django');
    expect(chart?.rows.map((r) => r.label)).toEqual(result.model.criteria.map((c) => c.name));
    const sum = (chart?.rows ?? []).reduce((total, r) => total + Math.round(r.value * 100), 0);
    expect(sum).toBe(16);
    expect(sectionTexts(section(report, 'summary')).join(' ')).toContain('0.16 points over Node.js');
    expect(chart?.rows.find((r) => r.label === 'Learning curve')?.text).toBe('+0.39');
    expect(chart?.rows.find((r) => r.label === 'Performance')?.text).toBe('−0.53');
    for (const row of chart?.rows ?? []) expect(Math.abs(row.value)).toBeLessThanOrEqual(chart?.max ?? 0);
    expect(blocksOf(charts, 'barChart').map((b) => b.title)).toEqual(['Score out of 5']);
    expect(sectionTexts(charts).join(' ')).toContain('Together the bars make Django’s lead of 0.16 points.');
  });

  it('keep each criterion’s pair of ratings together', () => {
    const comparison = section(report, 'comparison');
    const pairs = comparison?.blocks.filter((b) => b.kind === 'keepTogether') ?? [];
    expect(pairs).toHaveLength(result.model.criteria.length);
    for (const pair of pairs) {
      if (pair.kind !== 'keepTogether') continue;
      expect(pair.blocks[0]?.kind === 'bullets' && pair.blocks[0].items.length).toBe(2);
    }
  });
});

describe('the sign-off', () => {
  it('has lines for prepared, reviewed and accepted by, the facilitator named as preparer', () => {
    const [block] = blocksOf(section(model(demoWorkshop()), 'sign-off'), 'signOff');
    expect(block?.roles).toEqual([
      { role: 'Prepared by', name: 'Dana Whitfield' },
      { role: 'Reviewed by' },
      { role: 'Accepted by' },
    ]);
  });
});

describe('client-facing words', () => {
  const report = model(demoWorkshop());
  const texts = modelTexts(report);
  const body = report.sections.flatMap(sectionTexts);

  it('has no straight quotes, no ± and no doubled or adjacent parentheses', () => {
    for (const text of texts) {
      expect(text, text).not.toMatch(/['"±]/);
      expect(text, text).not.toMatch(/\(\(|\)\)|\) \(/);
    }
  });

  it('names the app and its version once, in the appendix, and says nothing about fonts', () => {
    const named = body.filter((t) => t.includes('Stackwise'));
    expect(named).toEqual(['13 March 2026 with Stackwise 1.2.3']);
    expect(report.meta.creator).toBe('Stackwise 1.2.3');
    expect(body.join('\n')).not.toMatch(/font|emoji|scripts|□/i);
  });

  it('uses whole words for the room’s agreement, and a footnote marker only when a rating was changed', () => {
    expect(body.join('\n')).not.toMatch(/Disagreed|Agreed\/|Disagree\//);
    const caption = blocksOf(section(report, 'comparison'), 'table')[0]?.caption ?? '';
    expect(caption).toContain('* The facilitator changed this rating');
    const plain = model(initialWorkshopState());
    const plainCaption = blocksOf(section(plain, 'comparison'), 'table')[0]?.caption ?? '';
    expect(plainCaption).not.toContain('*');
  });

  it('prints the cover’s issue: a first draft, version 1, with a reference readable anywhere', () => {
    expect(report.cover.issue).toEqual({
      status: 'Draft',
      version: 'Version 1',
      reference: 'NORTHWIND-LOGISTICS-LODZ-CPR-2026-03-12-v1',
      date: '13 March 2026',
    });
  });
});

describe('the sources of the built-in ratings', () => {
  const report = model(demoWorkshop());
  const reasons = blocksOf(section(report, 'comparison'), 'bullets').flatMap((b) => b.items);
  const list = blocksOf(section(report, 'method'), 'bullets').find((b) => b.ordered)?.items ?? [];

  it('are cited by number after each built-in reason and listed, numbered, in the appendix', () => {
    expect(list[0]).toMatch(/^PLANEKS, “Python Django vs Node\.js/);
    const cited = new Set<number>();
    for (const reason of reasons) {
      const marker = /\[([\d, ]+)\]$/.exec(reason);
      if (reason.includes('Changed by the facilitator')) {
        expect(marker, reason).toBeNull();
        continue;
      }
      expect(marker, reason).not.toBeNull();
      for (const n of (marker?.[1] ?? '').split(', ').map(Number)) cited.add(n);
    }
    // Every listed source is cited, and every citation is listed.
    expect([...cited].sort((a, b) => a - b)).toEqual(list.map((_, i) => i + 1));
  });

  it('say where the ratings come from and when they were last reviewed', () => {
    const note = sectionTexts(section(report, 'comparison')).at(-1) ?? '';
    expect(note).toContain('start from PLANEKS');
    expect(note).toContain('last reviewed on 2 December 2026');
    expect(note).toContain('Numbers in brackets refer to the sources listed in the appendix.');
  });
});

describe('the sensitivity section', () => {
  it('tells the most sensitive point once, in its callout, and lists the other criteria', () => {
    const texts = sectionTexts(section(model(demoWorkshop()), 'sensitivity'));
    const closest =
      'Node.js overtakes Django only if Performance carries more than 21.6% of the weight (now 17.6%).';
    expect(texts.filter((t) => t === closest)).toHaveLength(1);
    expect(texts).toContain(
      'Node.js overtakes Django only if Security carries less than 5.6% of the weight (now 20.3%).',
    );
  });
});
