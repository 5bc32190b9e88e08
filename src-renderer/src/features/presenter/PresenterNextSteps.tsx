/**
 * The next steps on the shared screen: the rows of the Recommendation step (what, who, by when),
 * then the free text written before the rows, if any; "To be agreed." while there is neither.
 * While names are hidden, an owner who is a participant shows as the room's screens name them
 * ("Participant 2"), as the report prints it.
 */
import { formatDate } from '@shared/report/model';
import { ownerNames } from '@shared/report/owners';
import { namesHidden, printedActionRows } from '@shared/workshop';
import type { WorkshopParticipant, WorkshopState } from '@shared/workshop';
import './presenterNextSteps.css';

export function PresenterNextSteps({
  state,
  participants,
  nameOf,
}: {
  state: WorkshopState;
  participants: readonly WorkshopParticipant[];
  nameOf: (participantId: string) => string;
}) {
  const { notes } = state;
  const owners = ownerNames(participants, { of: nameOf, anonymous: namesHidden(state) });
  const rows = printedActionRows(notes.actionRows);
  const text = notes.nextSteps.trim();
  if (rows.length === 0 && !text) return <p className="presenter__notes">To be agreed.</p>;
  return (
    <>
      {rows.length > 0 ? (
        <ul className="presenter__notes presenter-next-steps">
          {rows.map((row) => {
            const who = [row.owner ? owners.of(row.owner) : '', row.due ? `by ${formatDate(row.due)}` : '']
              .filter(Boolean)
              .join(', ');
            return (
              <li key={row.id}>
                {row.action}
                {who ? <span className="presenter-next-steps__who"> ({who})</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {text ? <p className="presenter__notes">{notes.nextSteps}</p> : null}
    </>
  );
}
