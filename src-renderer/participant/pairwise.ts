/**
 * Pairwise on a phone: for each pair, which criterion matters more (or both the same), then how
 * much more on Saaty's scale, each as large tiles over native radio buttons.
 */
import { h } from './dom';
import type { Child } from './dom';
import { CONSISTENCY_LIMIT, ahp, mostInconsistentJudgment, pairwiseMatrix } from '@shared/decision';
import { STRENGTHS, judgment, judgmentParts, pairsOf } from './ballot';
import type { Criterion, Pair } from './ballot';
import type { EditorContext } from './methods';

/** A large radio tile: the native input (focusable, announced) under a big label. */
function tile(
  name: string,
  value: string,
  checked: boolean,
  ctx: EditorContext,
  key: string,
  onPick: () => void,
  ...label: Child[]
): HTMLElement {
  return h(
    'label',
    { class: 'tile' },
    h('input', {
      type: 'radio',
      class: 'tile__input',
      name,
      value,
      checked,
      disabled: ctx.disabled,
      'data-key': key,
      onchange: onPick,
    }),
    h('span', { class: 'tile__text' }, ...label),
  );
}

const STRENGTH_KEY = STRENGTHS.filter((s) => s.word)
  .map((s) => `${s.value}× ${s.word.toLowerCase()}`)
  .join(' · ');

/** "Security 3× more important", as the console says a judgment. */
function judgmentWords(value: number, a: Criterion, b: Criterion): string {
  if (Math.abs(value - 1) < 1e-9) return `${a.name} and ${b.name} equally important`;
  return value > 1
    ? `${a.name} ${Math.round(value)}× more important than ${b.name}`
    : `${b.name} ${Math.round(1 / value)}× more important than ${a.name}`;
}

/**
 * Once every pair is answered: whether the answers contradict each other (Saaty's consistency
 * ratio above 0.10), which the room leaves out of its weights unless the facilitator counts them,
 * and the one answer to look at again.
 */
function consistencyNote(ctx: EditorContext, pairs: readonly Pair[]): HTMLElement | null {
  const index = new Map(ctx.criteria.map((c, i) => [c.id, i]));
  const judgments: Array<{ row: number; column: number; value: number }> = [];
  for (const pair of pairs) {
    const value = ctx.draft.pairwise.get(pair.key);
    const row = index.get(pair.first.id);
    const column = index.get(pair.second.id);
    if (value === undefined || row === undefined || column === undefined) return null;
    judgments.push({ row, column, value });
  }
  let verdict: { cr: number; suggestion: string | null };
  try {
    const matrix = pairwiseMatrix(ctx.criteria.length, judgments);
    const { cr, weights } = ahp(matrix);
    const worst = cr > CONSISTENCY_LIMIT ? mostInconsistentJudgment(matrix, weights) : null;
    const a = worst ? ctx.criteria[worst.row] : undefined;
    const b = worst ? ctx.criteria[worst.column] : undefined;
    const number = pairs.findIndex((p) => new Set([p.first.id, p.second.id, a?.id, b?.id]).size === 2) + 1;
    verdict = {
      cr,
      suggestion:
        worst && a && b
          ? `pair ${number}, ${a.name} and ${b.name}: your other answers suggest ${judgmentWords(worst.suggested, a, b)}`
          : null,
    };
  } catch {
    // Answers the engine cannot read are the listener's to refuse, in its own words.
    return null;
  }
  if (verdict.cr <= CONSISTENCY_LIMIT) return null;
  return h(
    'div',
    { class: 'consistency', role: 'status' },
    h('p', { class: 'strong' }, 'Some of your answers contradict each other.'),
    h(
      'p',
      {},
      `Consistency ratio ${verdict.cr.toFixed(2)}, above ${CONSISTENCY_LIMIT.toFixed(2)}: the room leaves answers like these out of its weights unless the facilitator counts them anyway.`,
    ),
    verdict.suggestion ? h('p', {}, `Look again at ${verdict.suggestion}.`) : null,
  );
}

export function pairwiseEditor(ctx: EditorContext): HTMLElement {
  const pairs = pairsOf(ctx.criteria);
  const list = h(
    'ol',
    { class: 'pairs' },
    pairs.map((pair, index) => {
      const stored = judgmentParts(ctx.draft.pairwise.get(pair.key));
      const side =
        ctx.draft.leaning.get(pair.key) ??
        (stored && stored.side !== 'equal' ? stored.side : stored ? 'equal' : null);
      const slug = pair.key.replace('|', '--');
      const legendId = `pair-${slug}`;
      const choose = (picked: 'first' | 'second' | 'equal') => () => {
        if (picked === 'equal') {
          ctx.draft.leaning.delete(pair.key);
          ctx.draft.pairwise.set(pair.key, 1);
        } else {
          ctx.draft.leaning.set(pair.key, picked);
          // The side changed: the old strength was for the other criterion, so it is asked again.
          if (stored?.side !== picked) ctx.draft.pairwise.delete(pair.key);
        }
        ctx.changed('full', `side-${slug}-${picked}`);
      };
      const winner = side === 'first' ? pair.first : side === 'second' ? pair.second : null;
      const loser = side === 'first' ? pair.second : pair.first;
      return h(
        'li',
        { class: 'pair' },
        h(
          'fieldset',
          { class: 'choice' },
          h(
            'legend',
            { id: legendId, class: 'pair__question' },
            h('span', { class: 'pair__count' }, `${index + 1} of ${pairs.length}`),
            'Which matters more?',
          ),
          h(
            'div',
            { class: 'tiles tiles--sides' },
            tile(
              `side-${slug}`,
              'first',
              side === 'first',
              ctx,
              `side-${slug}-first`,
              choose('first'),
              h('bdi', {}, pair.first.name),
            ),
            tile(
              `side-${slug}`,
              'second',
              side === 'second',
              ctx,
              `side-${slug}-second`,
              choose('second'),
              h('bdi', {}, pair.second.name),
            ),
            tile(
              `side-${slug}`,
              'equal',
              side === 'equal',
              ctx,
              `side-${slug}-equal`,
              choose('equal'),
              'Equally important',
            ),
          ),
        ),
        winner
          ? h(
              'fieldset',
              { class: 'choice' },
              h(
                'legend',
                { class: 'pair__question' },
                'How much more does ',
                h('bdi', {}, winner.name),
                ' matter than ',
                h('bdi', {}, loser.name),
                '?',
              ),
              h(
                'div',
                { class: 'tiles tiles--strengths' },
                STRENGTHS.map((strength) =>
                  tile(
                    `strength-${slug}`,
                    String(strength.value),
                    stored?.side === side && stored.strength === strength.value,
                    ctx,
                    `strength-${slug}-${strength.value}`,
                    () => {
                      ctx.draft.pairwise.set(
                        pair.key,
                        judgment(side === 'first' ? 'first' : 'second', strength.value),
                      );
                      ctx.changed('full', `strength-${slug}-${strength.value}`);
                    },
                    h('span', { class: 'tile__number' }, `${strength.value}×`),
                    // Spoken with the number; shown once, in the key below, where there is room.
                    strength.word ? h('span', { class: 'visually-hidden' }, ` ${strength.word}`) : null,
                  ),
                ),
              ),
              h('p', { class: 'strength-key', 'aria-hidden': 'true' }, STRENGTH_KEY),
            )
          : null,
      );
    }),
  );
  return h('div', { class: 'pairwise' }, list, consistencyNote(ctx, pairs));
}
