/**
 * A format-4 session file's history, rebuilt change by change: each state comes from the last
 * whole one and the patches after it, and is checked as the file's other workshop states are.
 * One change's states at a time, so a long history never holds every state at once.
 */
import { applyPatch, PatchMismatchError } from '../history/patch';
import type { WorkshopState } from '../workshop';
import { ImportedWorkshopStateSchema } from './schema';
import type { CompactChangeRecord } from './schema';

/** A history that does not rebuild: `message` says which change and why, in the user's words. */
export class HistoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

export type RebuiltChange = { record: CompactChangeRecord; before: WorkshopState; after: WorkshopState };

export function* rebuildHistory(records: readonly CompactChangeRecord[]): Generator<RebuiltChange> {
  let previous: { raw: unknown; checked: WorkshopState } | null = null;
  for (const [index, record] of records.entries()) {
    const where = `Change ${index + 1} of its history`;
    const check = (raw: unknown, side: string): WorkshopState => {
      if (previous && raw === previous.raw) return previous.checked;
      const checked = ImportedWorkshopStateSchema.safeParse(raw);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const path = issue?.path.join('.') ?? '';
        throw new HistoryFileError(
          `${where}: its state ${side} is not valid${path ? ` (at ${path})` : ''}. ${issue?.message ?? ''}`.trim(),
        );
      }
      return checked.data;
    };
    let rawBefore: unknown;
    let rawAfter: unknown;
    try {
      if (record.before === undefined && previous === null)
        throw new HistoryFileError(`${where} does not say what state it was made on.`);
      rawBefore = record.before ?? applyPatch(previous?.raw, record.link ?? []);
      rawAfter = applyPatch(rawBefore, record.patch);
    } catch (error) {
      if (error instanceof PatchMismatchError)
        throw new HistoryFileError(`${where} does not fit the change before it.`);
      throw error;
    }
    const before = check(rawBefore, 'before');
    const after = check(rawAfter, 'after');
    previous = { raw: rawAfter, checked: after };
    yield { record, before, after };
  }
}
