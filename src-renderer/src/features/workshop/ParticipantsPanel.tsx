import { memo, useState } from 'react';
import type { Action, BallotState, Role } from '@shared/workshop';
import { own } from '@shared/util/records';
import type { Participant, ParticipantChanges } from '@shared/sessions/schema';
import { ApiError } from '../../api/client';
import { changeParticipants } from '../sessions/hooks';
import { BALLOT_LABELS } from './RoomStatus';

type ParticipantsPanelProps = {
  sessionId: string;
  roles: Readonly<Record<string, Role>>;
  anonymous: boolean;
  /**
   * The round is hidden from everyone: a ballot from a phone is stored with no name, so for anyone
   * without a vote entered here the console cannot say whether they voted, and says so.
   */
  unlinked: boolean;
  /** "id:ballot" for each voter this round, joined with commas (a stable value for memo). */
  ballots: string;
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
  unlinked,
  ballots,
  participants,
  nameOf,
  selected,
  onSelect,
  dispatch,
}: ParticipantsPanelProps) {
  const ballotOf = new Map(
    ballots
      .split(',')
      .map((entry) => entry.split(':'))
      .map(([id = '', ballot]): [string, BallotState] => [
        id,
        ballot === 'voted' || ballot === 'abstained' ? ballot : 'notYet',
      ]),
  );
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string>();

  const save = async (changes: ParticipantChanges): Promise<boolean> => {
    try {
      await changeParticipants(sessionId, changes);
      setError(undefined);
      return true;
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught.message.replace(/^[\w.]+: /, '')
          : 'The participants could not be saved.',
      );
      return false;
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
          const role: Role = own(roles, person.id) ?? 'voter';
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
                <bdi className="person__name">{label}</bdi>
                <span className={`person__status person__status--${ballotOf.get(person.id) ?? 'notYet'}`}>
                  {role === 'observer'
                    ? 'Observer'
                    : unlinked && (ballotOf.get(person.id) ?? 'notYet') === 'notYet'
                      ? 'Not known: phone ballots are unnamed'
                      : BALLOT_LABELS[ballotOf.get(person.id) ?? 'notYet']}
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
                      if (name) void save({ rename: [{ id: person.id, from: person.name, name }] });
                    }}
                  >
                    <input
                      className="input"
                      name="name"
                      defaultValue={person.name}
                      aria-label={`New name for ${label}`}
                    />
                    <button type="submit" className="button button--small">
                      Rename
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger-outline"
                      onClick={() => void save({ remove: [person.id] })}
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
          // The typed name stays when it is refused (a duplicate), so it can be corrected.
          void save({ add: [{ name }] }).then((saved) => {
            if (saved) setNewName('');
          });
        }}
      >
        <input
          className="input"
          aria-label="New participant name"
          placeholder="Add a participant"
          value={newName}
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
