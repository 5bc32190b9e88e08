/**
 * The four ways to weigh the criteria, each made for a thumb: sliders, 100 points with steppers,
 * a ranking moved with large up and down buttons (no dragging), and pairwise as large choices on
 * Saaty's scale. Each editor changes the draft and says whether the screen must be rebuilt
 * (`full`) or only the submit bar brought up to date (`light`, so a slider being dragged is never
 * replaced under the finger).
 */
import './methods.css';
import { h, inputOf } from './dom';
import { pairwiseEditor } from './pairwise';
import { DIRECT_MAX, DIRECT_MIN, POINTS_TOTAL, clampPoints, moved, pointsGiven } from './ballot';
import type { Criterion, Draft, Method } from './ballot';

export const METHOD_NAMES: Record<Method, string> = {
  direct: 'Sliders',
  points: '100 points',
  rank: 'Ranking',
  pairwise: 'Pairwise',
};

export const METHOD_HINTS: Record<Method, string> = {
  direct: `Set how much each criterion matters, from ${DIRECT_MIN} (not at all) to ${DIRECT_MAX} (very much).`,
  points: `Share ${POINTS_TOTAL} points between the criteria: more points, more weight.`,
  rank: 'Put the criteria in order, the most important at the top.',
  pairwise: 'For each pair, say which matters more, and how much.',
};

export type EditorContext = {
  criteria: readonly Criterion[];
  draft: Draft;
  disabled: boolean;
  /** Criterion ids whose description is open. */
  open: Set<string>;
  changed: (how: 'light' | 'full', focusKey?: string) => void;
  announce: (message: string) => void;
};

/** A criterion's name with its description one tap away. */
function criterionName(
  criterion: Criterion,
  ctx: EditorContext,
  labelFor?: string,
  place?: number,
): HTMLElement {
  const descriptionId = `about-${criterion.id}`;
  const prefix = place === undefined ? null : h('span', { class: 'criterion__place' }, `${place}.`);
  const name = labelFor
    ? h('label', { for: labelFor, class: 'criterion__name' }, h('bdi', {}, criterion.name))
    : h('span', { class: 'criterion__name' }, prefix, h('bdi', {}, criterion.name));
  if (!criterion.description) return h('div', { class: 'criterion__head' }, name);
  const isOpen = ctx.open.has(criterion.id);
  const about = h(
    'p',
    { id: descriptionId, class: 'criterion__about', hidden: !isOpen },
    criterion.description,
  );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'about-button',
      'aria-expanded': String(isOpen),
      'aria-controls': descriptionId,
      'data-key': `about-${criterion.id}`,
      onclick: () => {
        const nowOpen = !ctx.open.has(criterion.id);
        if (nowOpen) ctx.open.add(criterion.id);
        else ctx.open.delete(criterion.id);
        toggle.setAttribute('aria-expanded', String(nowOpen));
        about.hidden = !nowOpen;
      },
    },
    h('span', { 'aria-hidden': 'true' }, 'i'),
    h('span', { class: 'visually-hidden' }, `What “${criterion.name}” means`),
  );
  return h(
    'div',
    { class: 'criterion__head-wrap' },
    h('div', { class: 'criterion__head' }, name, toggle),
    about,
  );
}

export function editor(method: Method, ctx: EditorContext): HTMLElement {
  switch (method) {
    case 'direct':
      return directEditor(ctx);
    case 'points':
      return pointsEditor(ctx);
    case 'rank':
      return rankEditor(ctx);
    case 'pairwise':
      return pairwiseEditor(ctx);
  }
}

function directEditor(ctx: EditorContext): HTMLElement {
  return h(
    'ul',
    { class: 'criteria' },
    ctx.criteria.map((criterion) => {
      const id = `direct-${criterion.id}`;
      const value = ctx.draft.direct.get(criterion.id) ?? DIRECT_MIN;
      const output = h('output', { class: 'slider__value', for: id, 'aria-hidden': 'true' }, String(value));
      const slider = h('input', {
        id,
        type: 'range',
        class: 'slider',
        min: DIRECT_MIN,
        max: DIRECT_MAX,
        step: 1,
        value,
        disabled: ctx.disabled,
        'data-key': id,
        oninput: (event) => {
          const input = inputOf(event);
          if (!input) return;
          ctx.draft.direct.set(criterion.id, Number(input.value));
          output.textContent = input.value;
          ctx.changed('light');
        },
      });
      return h(
        'li',
        { class: 'criterion' },
        criterionName(criterion, ctx, id),
        h('div', { class: 'slider-row' }, slider, output),
        h(
          'div',
          { class: 'slider-scale', 'aria-hidden': 'true' },
          h('span', {}, `${DIRECT_MIN} not at all`),
          h('span', {}, `${DIRECT_MAX} very much`),
        ),
      );
    }),
  );
}

const POINTS_STEP = 5;

function pointsEditor(ctx: EditorContext): HTMLElement {
  return h(
    'ul',
    { class: 'criteria' },
    ctx.criteria.map((criterion) => {
      const id = `points-${criterion.id}`;
      const value = ctx.draft.points.get(criterion.id) ?? 0;
      const field = h('input', {
        id,
        type: 'number',
        class: 'points__input',
        inputmode: 'numeric',
        min: 0,
        max: POINTS_TOTAL,
        step: 1,
        value,
        disabled: ctx.disabled,
        'data-key': id,
        oninput: (event) => {
          const input = inputOf(event);
          if (!input) return;
          ctx.draft.points.set(criterion.id, input.value === '' ? 0 : clampPoints(Number(input.value)));
          ctx.changed('light');
        },
        onchange: (event) => {
          const input = inputOf(event);
          if (input) input.value = String(ctx.draft.points.get(criterion.id) ?? 0);
        },
      });
      const step = (by: number) => () => {
        const next = clampPoints((ctx.draft.points.get(criterion.id) ?? 0) + by);
        ctx.draft.points.set(criterion.id, next);
        field.value = String(next);
        ctx.changed('light');
      };
      return h(
        'li',
        { class: 'criterion' },
        criterionName(criterion, ctx, id),
        h(
          'div',
          { class: 'stepper' },
          h(
            'button',
            {
              type: 'button',
              class: 'stepper__button',
              disabled: ctx.disabled,
              'aria-label': `${POINTS_STEP} fewer points for ${criterion.name}`,
              'data-key': `${id}-less`,
              onclick: step(-POINTS_STEP),
            },
            '−',
          ),
          field,
          h(
            'button',
            {
              type: 'button',
              class: 'stepper__button',
              disabled: ctx.disabled,
              'aria-label': `${POINTS_STEP} more points for ${criterion.name}`,
              'data-key': `${id}-more`,
              onclick: step(POINTS_STEP),
            },
            '+',
          ),
        ),
      );
    }),
  );
}

/** The live count above the submit button: points left, or how many too many. */
export function pointsLeftText(draft: Draft): string {
  const left = POINTS_TOTAL - pointsGiven(draft);
  if (left === 0) return `All ${POINTS_TOTAL} points given`;
  if (left > 0) return `${left} of ${POINTS_TOTAL} points left`;
  return `${-left} ${left === -1 ? 'point' : 'points'} too many`;
}

function rankEditor(ctx: EditorContext): HTMLElement {
  const byId = new Map(ctx.criteria.map((c) => [c.id, c]));
  const count = ctx.draft.ranking.length;
  return h(
    'ol',
    { class: 'criteria ranking' },
    ctx.draft.ranking.map((id, index) => {
      const criterion = byId.get(id);
      if (!criterion) return null;
      const move = (by: -1 | 1) => () => {
        ctx.draft.ranking = moved(ctx.draft.ranking, id, by);
        const place = index + by;
        // At either end the pressed button is disabled; focus its neighbour so it is not lost.
        const atEnd = place === 0 || place === count - 1;
        const keep = by === -1 ? 'up' : 'down';
        const other = by === -1 ? 'down' : 'up';
        ctx.announce(`${criterion.name} is now number ${place + 1} of ${count}.`);
        ctx.changed('full', `rank-${id}-${atEnd ? other : keep}`);
      };
      return h(
        'li',
        { class: 'criterion ranking__item' },
        h('div', { class: 'ranking__body' }, criterionName(criterion, ctx, undefined, index + 1)),
        h(
          'div',
          { class: 'ranking__moves' },
          h(
            'button',
            {
              type: 'button',
              class: 'move-button',
              disabled: ctx.disabled || index === 0,
              'aria-label': `Move ${criterion.name} up`,
              'data-key': `rank-${id}-up`,
              onclick: move(-1),
            },
            h('span', { 'aria-hidden': 'true' }, '▲'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'move-button',
              disabled: ctx.disabled || index === count - 1,
              'aria-label': `Move ${criterion.name} down`,
              'data-key': `rank-${id}-down`,
              onclick: move(1),
            },
            h('span', { 'aria-hidden': 'true' }, '▼'),
          ),
        ),
      );
    }),
  );
}
