/**
 * The round's level of anonymity, one of three, with what it means said before the round has
 * ballots. Moving to or from "hidden from everyone" is offered only while the round has none: the
 * reducer refuses it after that, and the choice does not pretend otherwise.
 */
import {
  ANONYMITY_LABELS,
  AnonymitySchema,
  anonymityNotice,
  anonymityOf,
  roundHasBallots,
} from '@shared/workshop';
import type { Action, Anonymity, WorkshopState } from '@shared/workshop';
import './anonymityChoice.css';

const LEVELS = AnonymitySchema.options;

export function AnonymityChoice({
  state,
  dispatch,
}: {
  state: WorkshopState;
  dispatch: (action: Action) => void;
}) {
  const level = anonymityOf(state);
  const locked = roundHasBallots(state.rounds[state.rounds.length - 1]);
  // With ballots in, only the levels on the same side of "hidden from everyone" stay open.
  const open = (option: Anonymity) =>
    !locked || option === level || (option !== 'hiddenFromEveryone' && level !== 'hiddenFromEveryone');
  const notice = anonymityNotice(level);
  return (
    <div className="anonymity-choice">
      <label className="control">
        <span>Anonymity</span>
        <select
          className="input select select--small"
          value={level}
          aria-describedby={notice ? 'anonymity-notice' : undefined}
          onChange={(e) => {
            const chosen = AnonymitySchema.safeParse(e.target.value);
            if (chosen.success) dispatch({ type: 'setAnonymity', anonymity: chosen.data });
          }}
        >
          {LEVELS.map((option) => (
            <option key={option} value={option} disabled={!open(option)}>
              {ANONYMITY_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      {notice ? (
        <p id="anonymity-notice" className="anonymity-choice__notice" role="note">
          {notice}
          {locked && level !== 'hiddenFromEveryone'
            ? ' This round already has ballots, so it cannot be hidden from everyone now.'
            : ''}
        </p>
      ) : null}
    </div>
  );
}
