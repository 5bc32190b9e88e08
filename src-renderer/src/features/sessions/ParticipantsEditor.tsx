import { useState } from 'react';
import type { ParticipantDraft } from '@shared/sessions/schema';
import { SESSION_LIMITS } from '@shared/sessions/schema';
import type { FieldErrors } from './validation';

type ParticipantsEditorProps = {
  participants: ParticipantDraft[];
  errors: FieldErrors;
  onChange: (participants: ParticipantDraft[]) => void;
  onBlur?: () => void;
};

/** The people in the room: rename in place, remove, or add by name. */
export function ParticipantsEditor({ participants, errors, onChange, onBlur }: ParticipantsEditorProps) {
  const [newName, setNewName] = useState('');
  const [addError, setAddError] = useState<string>();
  const full = participants.length >= SESSION_LIMITS.participants;

  // A name already on the list is refused here, with the typed text kept so it can be corrected.
  const add = () => {
    const name = newName.trim();
    if (!name || full) return;
    const existing = participants.find((p) => p.name.trim().toLocaleLowerCase() === name.toLocaleLowerCase());
    if (existing) {
      setAddError(`${existing.name.trim()} is already a participant; give each person a distinct name.`);
      return;
    }
    onChange([...participants, { name }]);
    setNewName('');
    setAddError(undefined);
  };

  return (
    <fieldset className="participants" onBlur={onBlur}>
      <legend className="field__label">Participants</legend>
      {participants.length === 0 ? (
        <p className="participants__empty">
          No participants yet. Add the people who will weigh the criteria.
        </p>
      ) : (
        <ol className="participants__list">
          {participants.map((participant, index) => {
            const error = errors[`participants.${index}.name`];
            const errorId = `participant-${index}-error`;
            return (
              <li key={participant.id ?? `new-${index}`} className="participants__item">
                <span className="participants__number" aria-hidden="true">
                  {index + 1}
                </span>
                <input
                  className="input"
                  aria-label={`Participant ${index + 1} name`}
                  aria-invalid={Boolean(error)}
                  aria-describedby={error ? errorId : undefined}
                  value={participant.name}
                  onChange={(event) =>
                    onChange(
                      participants.map((p, i) => (i === index ? { ...p, name: event.target.value } : p)),
                    )
                  }
                />
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove ${participant.name || `participant ${index + 1}`}`}
                  onClick={() => onChange(participants.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
                {error ? (
                  <p className="field__error participants__error" id={errorId} role="alert">
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {errors['participants'] ? (
        <p className="field__error" role="alert">
          {errors['participants']}
        </p>
      ) : null}
      <div className="participants__add">
        <input
          className="input"
          aria-label="New participant name"
          aria-invalid={Boolean(addError)}
          aria-describedby={addError ? 'new-participant-error' : undefined}
          placeholder={full ? 'The participant list is full' : 'Name, e.g. Priya (CTO)'}
          value={newName}
          disabled={full}
          onChange={(event) => {
            setNewName(event.target.value);
            setAddError(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button" onClick={add} disabled={!newName.trim() || full}>
          Add participant
        </button>
      </div>
      {addError ? (
        <p className="field__error" id="new-participant-error" role="alert">
          {addError}
        </p>
      ) : null}
    </fieldset>
  );
}
