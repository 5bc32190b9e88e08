/**
 * The decision record and the CSV carry text people typed (or a crafted session file carried).
 * Neither may turn that text into structure: no forged headings, HTML or links in the Markdown,
 * no formula in a spreadsheet, whichever list separator the spreadsheet uses.
 */
import { describe, expect, it } from 'vitest';
import { decisionCsv, decisionRecord } from '@shared/portable/exports';
import type { Session } from '@shared/sessions/schema';
import { applyAction, initialWorkshopState } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';
import { storedSession } from '../helpers/fixtures';

const PRIYA = '6f1c1b6e-7b0a-4f43-9d47-0c1f2c8f8a11';
const MAREK = '0b8f3f8e-2a7c-4d1e-9a51-3c6f0e2b7d44';

function session(fields: Partial<Session> = {}): Session {
  return storedSession({
    id: 'a7d2c3f1-5e8b-4c9d-8f0a-1b2c3d4e5f60',
    clientName: 'Northwind Logistics',
    projectName: 'Customer portal rebuild',
    facilitator: 'Dana Whitfield',
    participants: [
      { id: PRIYA, name: 'Priya' },
      { id: MAREK, name: 'Marek' },
    ],
    ...fields,
  });
}

function workshop(actions: Action[]): WorkshopState {
  return actions.reduce(applyAction, initialWorkshopState());
}

const RISK = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const STEP = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const EMPTY = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

describe('the decision record (MADR)', () => {
  const HOSTILE_NAMES = [
    '# Heading',
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '| table | row |',
    '```js',
    '- item',
    '1. first',
    '> quote',
    '***',
    '&lt;b&gt; ![i](x.png) *b* _i_ ~~s~~ `c`',
  ];
  const MULTI_LINE = [
    'An honest first line.',
    '## Forged heading',
    '```',
    'code',
    '```',
    '| a | b |',
    '|---|---|',
    '- item',
    '    indented code',
    '===',
    '<script>alert(1)</script>',
    '[ref]: javascript:alert(1)',
    '',
    '',
    '+ plus',
    '2) two',
    '---',
  ].join('\n');

  const hostileSession = session({
    clientName: '<img src=x onerror=alert(1)>',
    projectName: '[click](javascript:alert(1))',
    facilitator: '| a | b |',
    description: MULTI_LINE,
  });
  const hostileState = workshop([
    ...HOSTILE_NAMES.map((name, i): Action => ({
      type: 'addCriterion',
      id: `hostile-${i}`,
      name,
      description: '',
    })),
    { type: 'addCandidate', id: 'bold', name: '<b>Django</b> # [x](javascript:y)' },
    { type: 'addCandidate', id: 'evil', name: '## Evil | stack' },
    { type: 'setDirect', participantId: PRIYA, criterionId: 'hostile-0', value: 10 },
    { type: 'setNotes', field: 'risks', text: 'Hiring\n## Injected risk\n# Top\n<b>x</b>' },
    { type: 'setNotes', field: 'nextSteps', text: '- a\n+ b\n\n2) c\n```\n[l](javascript:z)' },
    // Rows are single lines, but may hold anything else.
    { type: 'addRisk', id: RISK },
    { type: 'updateRisk', id: RISK, field: 'risk', value: '# Top <b>x</b> [l](javascript:z)' },
    { type: 'updateRisk', id: RISK, field: 'mitigation', value: '- item | cell |' },
    { type: 'updateRisk', id: RISK, field: 'owner', value: '> quote' },
    { type: 'addNextStep', id: STEP },
    { type: 'updateNextStep', id: STEP, field: 'action', value: '```js' },
    { type: 'updateNextStep', id: STEP, field: 'owner', value: '1. first' },
    { type: 'updateNextStep', id: STEP, field: 'due', value: '2027-01-31' },
    { type: 'addNextStep', id: EMPTY },
  ]);
  const text = decisionRecord(hostileSession, hostileState);
  const lines = text.split('\n');
  /** The line the app writes last, its own HTML comment. */
  const comment = lines.filter((line) => line.startsWith('<!-- Made with Stackwise'));
  const body = lines.filter((line) => !comment.includes(line));

  it('lists the risk register and the next steps as items, an empty row left out, the notes after them', () => {
    const risks = lines.indexOf('### Risks');
    const steps = lines.indexOf('### Next Steps');
    const riskItems = lines.slice(risks, steps).filter((line) => line.startsWith('* '));
    const stepItems = lines.slice(steps).filter((line) => line.startsWith('* '));
    expect(riskItems).toHaveLength(1);
    expect(riskItems[0]).toMatch(/\(likelihood medium, impact medium\)\. Mitigation: .+\. Owner: .+quote$/);
    expect(stepItems).toHaveLength(1);
    expect(stepItems[0]).toMatch(/js \(.+first, by 31 January 2027\)$/);
    expect(lines.slice(risks, steps).join('\n')).toContain('Hiring');
  });

  it('has exactly the app’s own headings', () => {
    const headings = body.filter((line) => /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line));
    expect(headings[0]).toMatch(/^# (Use|Choose) /);
    expect(headings.slice(1)).toEqual([
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Consequences',
      '### Risks',
      '### Next Steps',
    ]);
    // No line underlines the one before into a heading (setext), nor draws a rule.
    expect(body.filter((line) => /^ {0,3}(=+|-+)[ \t]*$/.test(line))).toEqual([]);
    expect(body.filter((line) => /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/.test(line))).toEqual([]);
  });

  it('lets no user text open a code block, a quote, a table or a list of its own', () => {
    expect(body.filter((line) => /^ {0,3}(`{3,}|~{3,})/.test(line))).toEqual([]);
    expect(body.filter((line) => /^( {4}|\t)/.test(line))).toEqual([]);
    expect(body.filter((line) => /^ {0,3}>/.test(line))).toEqual([]);
    // Every list item is one of the app's bullets, and none opens a nested block.
    const items = body.filter((line) => /^ {0,3}([*+-]|\d{1,9}[.)])(?:[ \t]|$)/.test(line));
    expect(items.every((line) => line.startsWith('* '))).toBe(true);
    const drivers = hostileState.criteria.length;
    const options = hostileState.candidates.length;
    expect(items.length).toBeGreaterThanOrEqual(3 + drivers + options);
    expect(items.filter((line) => /^\* [ \t]*(?:[*+\->#]|\d{1,9}[.)])/.test(line))).toEqual([]);
  });

  it('has no raw HTML, link, image, entity, table or code syntax from user text', () => {
    const unescaped = (char: string) =>
      body.filter((line) => new RegExp(`(?:^|[^\\\\])(?:\\\\\\\\)*\\${char}`).test(line));
    for (const char of ['<', '>', '[', ']', '`', '|', '&', '~']) {
      expect(unescaped(char), `an unescaped ${char}`).toEqual([]);
    }
    // The app's only HTML is its closing comment, and it holds no user text.
    expect(comment).toHaveLength(1);
    expect(comment[0]).toMatch(/^<!-- Made with Stackwise from the workshop of [^<>]* -->$/);
  });

  it('still says what people wrote, line by line', () => {
    expect(text).toContain('An honest first line.');
    expect(text).toContain('\\#\\# Forged heading');
    expect(text).toContain('\\<script\\>alert(1)\\</script\\>');
    // The user's line breaks survive as hard breaks inside one paragraph.
    expect(text).toMatch(/An honest first line\.\\\n\\#\\# Forged heading\\\n/);
  });

  it('keeps ordinary names readable', () => {
    const plain = decisionRecord(
      session(),
      workshop([{ type: 'setDirect', participantId: PRIYA, criterionId: 'security', value: 9 }]),
    );
    expect(plain).toMatch(/^# Use (Django|Node\.js) for Customer portal rebuild\n/);
    expect(plain).toContain('* Security (weight');
    expect(plain).toContain('* Deciders: Dana Whitfield with Northwind Logistics');
  });
});

describe('the CSV', () => {
  const FORMULAS = [
    '=1+1',
    '@SUM(A1)',
    '1;=HYPERLINK("http://evil.example","x")',
    '-2+3',
    'a,=b',
    '+cmd',
    'x; "=y"',
    'tab\t=1',
    'ok;@z',
  ];
  const state = workshop([
    ...FORMULAS.map((name, i): Action => ({ type: 'addCriterion', id: `f-${i}`, name, description: '' })),
    { type: 'addCandidate', id: 'formula', name: '=Node;-js' },
    { type: 'setDirect', participantId: PRIYA, criterionId: 'f-0', value: 9 },
  ]);
  const csv = decisionCsv(session(), state);

  /** A spreadsheet's reading: quotes honoured, text after a closing quote kept. */
  function parseQuoted(text: string, separator: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    let atStart = true;
    for (let i = 0; i < text.length; i++) {
      const char = text[i] ?? '';
      if (quoted) {
        if (char === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"' && atStart) {
        quoted = true;
        atStart = false;
      } else if (char === separator) {
        row.push(cell);
        cell = '';
        atStart = true;
      } else if (char === '\r' || char === '\n') {
        if (char === '\r' && text[i + 1] === '\n') i++;
        row.push(cell);
        rows.push(row);
        row = [];
        cell = '';
        atStart = true;
      } else {
        cell += char;
        atStart = false;
      }
    }
    if (cell || row.length > 0) rows.push([...row, cell]);
    return rows;
  }

  /** A careless reading: lines split on the separator, quotes ignored. */
  const parseNaive = (text: string, separator: string) =>
    text.split(/\r\n|\r|\n/).map((line) => line.split(separator));

  const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
  const runsAsFormula = (cell: string) => {
    const start = cell.replace(/^[ "]+/, '');
    return /^[=+\-@\t\r]/.test(start) && !NUMBER.test(start);
  };

  it('neutralises every cell that could run as a formula, with either separator', () => {
    for (const separator of [',', ';']) {
      for (const [name, parse] of [
        ['quoted', parseQuoted],
        ['naive', parseNaive],
      ] as const) {
        const cells = parse(csv, separator).flat();
        expect(cells.filter(runsAsFormula), `${name} reading with "${separator}"`).toEqual([]);
      }
    }
  });

  it('keeps the names readable and the app’s numbers numbers', () => {
    const rows = parseQuoted(csv, ',').filter((row) => row.length > 1);
    expect(rows[0]?.slice(0, 2)).toEqual(['Criterion', 'Weight']);
    expect(rows[0]).toContain("'=Node;'-js rating");
    const names = rows.slice(1, -1).map((row) => row[0]);
    expect(names).toContain("'=1+1");
    expect(names).toContain("'@SUM(A1)");
    expect(names).toContain('1;\'=HYPERLINK("http://evil.example","x")');
    expect(names).toContain("'-2+3");
    expect(names).toContain("a,'=b");
    for (const row of rows.slice(1)) {
      for (const cell of row.slice(1)) {
        if (cell !== '') expect(cell, `a number cell in ${row[0]}`).toMatch(NUMBER);
      }
    }
    // Numbers are written bare (a spreadsheet reads them as numbers); text is always quoted.
    const raw = csv.split('\r\n');
    expect(raw[0]).toMatch(/^"Criterion","Weight",/);
    expect(raw.at(-2)).toMatch(/^"Score",1\.0000(?:,,\d\.\d{4}){3}$/);
    const weights = rows.slice(1, -1).map((row) => Number(row[1]));
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it('writes weights that add up to exactly 1.0000 and contributions that add up to each score', () => {
    // Seven equal weights: 0.1429 each, 1.0003 if each were rounded on its own.
    const csvEqual = decisionCsv(session(), initialWorkshopState());
    const rows = parseQuoted(csvEqual, ',').filter((row) => row.length > 1);
    const body = rows.slice(1, -1);
    const total = rows.at(-1) ?? [];
    const tenThousandths = (cell: string | undefined) => Math.round(Number(cell) * 10_000);
    expect(body.reduce((sum, row) => sum + tenThousandths(row[1]), 0)).toBe(tenThousandths(total[1]));
    expect(total[1]).toBe('1.0000');
    for (let column = 3; column < (rows[0]?.length ?? 0); column += 2) {
      const sum = body.reduce((acc, row) => acc + tenThousandths(row[column]), 0);
      expect(sum, rows[0]?.[column]).toBe(tenThousandths(total[column]));
    }
  });
});

describe('the decision record says what the room did', () => {
  it('names a voter whose pairwise answers are left out as contradictory, and claims no agreement from one voter', () => {
    const text = decisionRecord(
      session(),
      workshop([
        { type: 'setDirect', participantId: PRIYA, criterionId: 'security', value: 9 },
        { type: 'setMethod', participantId: MAREK, method: 'pairwise' },
        { type: 'setJudgment', participantId: MAREK, a: 'learning-curve', b: 'performance', value: 9 },
        { type: 'setJudgment', participantId: MAREK, a: 'performance', b: 'ecosystem', value: 9 },
        { type: 'setJudgment', participantId: MAREK, a: 'ecosystem', b: 'learning-curve', value: 9 },
      ]),
    );
    expect(text).toContain('Votes: 2 of 2 voters voted in round 1; 1 counted.');
    expect(text).toMatch(
      /Marek’s pairwise answers contradict each other \(consistency ratio \d\.\d{3}, above the 0\.10 limit\): left out/,
    );
    expect(text).not.toContain('The room agrees on every criterion');
    expect(text).toContain('Only one voter counted');
    expect(text).toContain('The one counted voter’s own weights pick');
  });

  it('with no votes: no one has weighed in, nothing is accepted, no confidence is claimed', () => {
    const text = decisionRecord(session(), initialWorkshopState());
    expect(text).toContain('No one has weighed in yet');
    expect(text).toContain('* Status: proposed');
    expect(text).toMatch(/^# Choose a back-end stack/);
    expect(text).toMatch(/Weights: (equal weights|the weights the project profile suggests), not voted\./);
    expect(text).not.toMatch(/Recommended: |confidence\b.*: |Confidence is /);
    expect(text).not.toContain('The room agrees on every criterion');
    expect(text).toContain('Votes: 0 of 2 voters voted in round 1, 2 not yet; 0 counted.');
  });

  it('with votes: reasons that argue, largest advantage first, and each voter’s own answer', () => {
    const text = decisionRecord(
      session(),
      workshop([
        { type: 'setDirect', participantId: PRIYA, criterionId: 'security', value: 10 },
        // Marek weighs only what Node.js is strong at: his own weights pick it.
        ...['security', 'development-speed', 'learning-curve', 'ecosystem', 'use-case-fit'].map(
          (criterionId): Action => ({ type: 'setDirect', participantId: MAREK, criterionId, value: 0 }),
        ),
        { type: 'setDirect', participantId: MAREK, criterionId: 'performance', value: 10 },
      ]),
    );
    const good = [
      ...text.matchAll(/^\* Good, because (\S+) scores (\d+\.\d\d) points more than (\S+) on /gm),
    ];
    expect(good.length).toBeGreaterThan(0);
    const points = good.map((m) => Number(m[2]));
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(text).toMatch(/^# Use (\S+) for/m);
    expect(good[0]?.[1]).toBe(/^# Use (\S+) for/m.exec(text)?.[1]);
    expect(text).toContain('Votes: 2 of 2 voters voted in round 1; 2 counted.');
    expect(text).toMatch(/1 of 2 voters’ own weights pick \S+: (Priya|Marek); 1 picks \S+: (Priya|Marek)\./);
  });
});
