/** The list's dates: formatted with formatters made once, not one per row and call. */
import { afterEach, describe, expect, it, vi } from 'vitest';

const Original = Intl.DateTimeFormat;
let made = 0;

afterEach(() => {
  Intl.DateTimeFormat = Original;
  vi.resetModules();
});

describe('the sessions list’s dates', () => {
  it('build no date formatter per call', async () => {
    // Counts every formatter made, the module's own included, then each call's.
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made++;
      }
    } as typeof Intl.DateTimeFormat;
    const { formatEdited, formatWorkshopDate } =
      await import('../../src-renderer/src/features/sessions/format');
    const before = made;
    const now = new Date('2026-03-12T09:00:00.000Z');
    for (let day = 1; day <= 28; day++) {
      formatWorkshopDate(`2026-02-${String(day).padStart(2, '0')}`);
      formatEdited(`2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`, now);
    }
    expect(made - before).toBe(0);
  });

  it('still read as dates in the user’s locale', async () => {
    const { formatEdited, formatWorkshopDate } =
      await import('../../src-renderer/src/features/sessions/format');
    const medium = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    expect(formatWorkshopDate('2026-03-12')).toBe(medium.format(new Date(2026, 2, 12)));
    const then = '2026-01-02T09:00:00.000Z';
    expect(formatEdited(then, new Date('2026-03-12T09:00:00.000Z'))).toBe(medium.format(new Date(then)));
    expect(formatEdited('2026-03-12T08:59:50.000Z', new Date('2026-03-12T09:00:00.000Z'))).toBe('just now');
  });
});
