import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_CRITERIA } from '@shared/decision/knowledge/criteria';
import { radarLayout, wrapLabel } from '../../src-renderer/src/features/workshop/charts/radarLayout';

const inside = (
  box: { x: number; y: number; width: number; height: number },
  outer: { x: number; y: number; width: number; height: number },
) =>
  box.x >= outer.x &&
  box.y >= outer.y &&
  box.x + box.width <= outer.x + outer.width &&
  box.y + box.height <= outer.y + outer.height;

describe('the radar’s criterion names', () => {
  it('are wrapped at spaces onto at most two lines, a longer rest cut with an ellipsis', () => {
    expect(wrapLabel('Development speed', 14)).toEqual(['Development', 'speed']);
    expect(wrapLabel('Ecosystem and community', 14)).toEqual(['Ecosystem and', 'community']);
    expect(wrapLabel('Security', 14)).toEqual(['Security']);
    expect(wrapLabel('Time to first release for the pilot', 14)).toEqual(['Time to first', 'release for t…']);
  });

  it('all fit inside the drawing, with the plot, for the built-in criteria at both sizes', () => {
    const names = BUILT_IN_CRITERIA.map((c) => c.name);
    for (const size of [
      { radius: 150, fontSize: 13 },
      { radius: 240, fontSize: 30 },
    ]) {
      const layout = radarLayout(names, size);
      for (const label of layout.labels)
        expect(inside(label.box, layout.viewBox), label.lines.join(' ')).toBe(true);
      expect(layout.viewBox.x).toBeLessThanOrEqual(-size.radius);
      expect(layout.viewBox.x + layout.viewBox.width).toBeGreaterThanOrEqual(size.radius);
      // "Development speed" is shown whole, not "Development sp…".
      expect(layout.labels.map((l) => l.lines.join(' '))).toContain('Development speed');
    }
  });

  it('fit inside the drawing for any names and any number of criteria', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 3, maxLength: 16 }),
        (names) => {
          const layout = radarLayout(names, { radius: 150, fontSize: 13 });
          return layout.labels.every((label) => inside(label.box, layout.viewBox));
        },
      ),
    );
  });
});
