import { useState } from 'react';
import { useModalDialog } from '../../components/useModalDialog';
import { CharacterCount, overLimitMessage } from '../../components/Field';
import type { ResolvedCell } from '@shared/decision';
import { ITEM_LIMITS } from '@shared/workshop';

type Target = { candidate: string; criterion: string; cell: ResolvedCell };

type OverrideDialogProps = {
  target: Target | undefined;
  onSave: (value: number, note: string) => void;
  onRestore: () => void;
  onClose: () => void;
};

/** Overrides one rating for this session; the note is required and the original stays visible. */
export function OverrideDialog({ target, onSave, onRestore, onClose }: OverrideDialogProps) {
  const ref = useModalDialog(target !== undefined);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="override-title"
      onCancel={(e) => (e.preventDefault(), onClose())}
    >
      <h2 id="override-title" className="dialog__title">
        Override rating
      </h2>
      {target ? (
        <OverrideForm
          key={`${target.candidate}\u0000${target.criterion}`}
          target={target}
          onSave={onSave}
          onRestore={onRestore}
          onClose={onClose}
        />
      ) : null}
    </dialog>
  );
}

function OverrideForm({ target, onSave, onRestore, onClose }: OverrideDialogProps & { target: Target }) {
  const [value, setValue] = useState(target.cell.value);
  const [note, setNote] = useState(target.cell.override?.note ?? '');
  const noteError = overLimitMessage('The note', note.trim().length, ITEM_LIMITS.note);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (note.trim() && !noteError) onSave(value, note.trim());
      }}
    >
      <p className="dialog__body">
        <strong>{target.candidate}</strong> on <strong>{target.criterion}</strong>. Original rating:{' '}
        <strong>{target.cell.original}</strong> — {target.cell.rationale}
      </p>
      <label className="field">
        <span className="field__label">New rating</span>
        <select className="input select" value={value} onChange={(e) => setValue(Number(e.target.value))}>
          {[1, 2, 3, 4, 5].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Why (kept with the decision)</span>
        <textarea
          className="input textarea"
          rows={3}
          value={note}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? 'override-note-error' : undefined}
          onChange={(e) => setNote(e.target.value)}
          required
        />
        <CharacterCount length={note.trim().length} max={ITEM_LIMITS.note} />
        {noteError ? (
          <span id="override-note-error" className="field__error" role="alert">
            {noteError}
          </span>
        ) : null}
      </label>
      <div className="dialog__actions">
        {target.cell.override ? (
          <button type="button" className="button button--quiet" onClick={onRestore}>
            Restore original
          </button>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          disabled={!note.trim() || noteError !== undefined}
        >
          Save override
        </button>
      </div>
    </form>
  );
}
