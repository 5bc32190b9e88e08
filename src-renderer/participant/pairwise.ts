/**
 * Pairwise on a phone: for each pair, which criterion matters more (or both the same), then how
 * much more on Saaty's scale, each as large tiles over native radio buttons.
 */
import { h } from './dom';
import type { Child } from './dom';
import { STRENGTHS, judgment, judgmentParts, pairsOf } from './ballot';
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

export function pairwiseEditor(ctx: EditorContext): HTMLElement {
  const pairs = pairsOf(ctx.criteria);
  return h(
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
}
