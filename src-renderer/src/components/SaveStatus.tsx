export type SaveState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'invalid'; message: string }
  | { status: 'failed'; message: string };

const LABELS = {
  idle: 'All changes saved',
  saved: 'All changes saved',
  pending: 'Saving…',
  saving: 'Saving…',
} as const;

/**
 * Tells the facilitator, politely to screen readers too, whether their last edit is on disk.
 * Anything not stored (refused, invalid, stale, or the data unreachable) reads "Not saved".
 */
export function SaveStatus({ state, savedLabel }: { state: SaveState; savedLabel?: string }) {
  const problem = state.status === 'invalid' || state.status === 'failed';
  const done = state.status === 'idle' || state.status === 'saved';
  return (
    <p className={`save-status save-status--${state.status}`} role="status" aria-live="polite">
      <span className="save-status__dot" aria-hidden="true" />
      {problem ? `Not saved: ${state.message}` : done && savedLabel ? savedLabel : LABELS[state.status]}
    </p>
  );
}
