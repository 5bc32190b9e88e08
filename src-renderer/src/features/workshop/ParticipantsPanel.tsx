import { memo, useState } from 'react';
import type { Participant } from '@shared/sessions/schema';
import { SESSION_LIMITS } from '@shared/sessions/schema';
import type { Action, Role } from '@shared/workshop';
import { ApiError } from '../../api/client';
import { mutate } from '../../api/queries';

type ParticipantsPanelProps = {
  sessionId: string;
  roles: Readonly<Record<string, Role>>;
  anonymous: boolean;
  /** Ids of those who have entered weights this round, joined with commas (a stable value for memo). */
  voted: string;
  participants: Participant[];
  nameOf: (id: string) => string;
  selected: string | undefined;
  onSelect: (id: string) => void;
  dispatch: (action: Action) => void;
};

/**
 * Who is in the room: add, rename and remove people (saved on the session), and set voter or
 * observer. Memoised on narrow props, so moving a weight does not re-render the list.
 */
export const ParticipantsPanel = memo(function ParticipantsPanel({
  sessionId,
  roles,
  anonymous,
  voted,
  participants,
  nameOf,
  selected,
  onSelect,
  dispatch,
}: ParticipantsPanelProps) {
  const hasVoted = new Set(voted.split(','));
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string>();

  const save = async (next: Array<{ id?: string; name: string }>) => {
    try {
      await mutate('sessions:update', { id: sessionId, patch: { participants: next } });
      setError(undefined);
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught.message.replace(/^[\w.]+: /, '')
          : 'The participants could not be saved.',
      );
    }
  };

  return (
    <section className="card" aria-labelledby="participants-title">
      <h2 id="participants-title" className="card__title">
        Participants
      </h2>
      {participants.length === 0 ? <p className="muted">Add the people in the room.</p> : null}
      <ul className="people">
        {participants.map((person) => {
          const role: Role = roles[person.id] ?? 'voter';
          const label = nameOf(person.id);
          return (
            <li key={person.id} className={person.id === selected ? 'person person--selected' : 'person'}>
              <button
                type="button"
                className="person__select"
                aria-pressed={person.id === selected}
                onClick={() => onSelect(person.id)}
                disabled={role === 'observer'}
              >
                <span className="person__name">{label}</span>
                <span className="person__status">
                  {role === 'observer' ? 'Observer' : hasVoted.has(person.id) ? 'Has voted' : 'Not voted yet'}
                </span>
              </button>
              <select
                className="input select select--small"
                aria-label={`Role of ${label}`}
                value={role}
                onChange={(e) =>
                  dispatch({
                    type: 'setRole',
                    participantId: person.id,
                    role: e.target.value === 'observer' ? 'observer' : 'voter',
                  })
                }
              >
                <option value="voter">Voter</option>
                <option value="observer">Observer</option>
              </select>
              {anonymous ? null : (
                <details className="person__more">
                  <summary aria-label={`Rename or remove ${label}`}>…</summary>
                  <form
                    className="person__rename"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const input = new FormData(event.currentTarget).get('name');
                      const name = typeof input === 'string' ? input.trim() : '';
                      if (name)
                        void save(participants.map((p) => (p.id === person.id ? { id: p.id, name } : p)));
                    }}
                  >
                    <input
                      className="input"
                      name="name"
                      defaultValue={person.name}
                      aria-label={`New name for ${label}`}
                      maxLength={SESSION_LIMITS.participantName}
                    />
                    <button type="submit" className="button button--small">
                      Rename
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger-outline"
                      onClick={() => void save(participants.filter((p) => p.id !== person.id))}
                    >
                      Remove
                    </button>
                  </form>
                </details>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="people__add"
        onSubmit={(event) => {
          event.preventDefault();
          const name = newName.trim();
          if (!name) return;
          void save([...participants, { name }]).then(() => setNewName(''));
        }}
      >
        <input
          className="input"
          aria-label="New participant name"
          placeholder="Add a participant"
          value={newName}
          maxLength={SESSION_LIMITS.participantName}
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit" className="button" disabled={!newName.trim()}>
          Add
        </button>
      </form>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
});
