import { useDeferredValue, useMemo, useState } from 'react';
import { anonymityOf, ballotOf, isVoter, namesHidden } from '@shared/workshop';
import { InputEditor } from '../InputEditor';
import { LiveRanking } from '../LiveRanking';
import { ParticipantsPanel } from '../ParticipantsPanel';
import { RoomPanel } from '../RoomPanel';
import { suggestionLabel } from '../RoomStatus';
import type { StepProps } from '../types';

/** Each voter's weights by their own method, the room's combined weights, and the live ranking. */
export function WeightingStep({ sessionId, state, view, participants, nameOf, dispatch }: StepProps) {
  const voters = participants.filter((p) => isVoter(state, p.id));
  const [chosen, setChosen] = useState<string>();
  const selected = voters.find((p) => p.id === chosen)?.id ?? voters[0]?.id;
  // Each voter's state this round, as one string, so the list re-renders only when one changes.
  const ballotsNow = voters.map((p) => `${p.id}:${ballotOf(state, p.id)}`).join(',');
  const ballots = useMemo(() => ballotsNow, [ballotsNow]);
  // The slider and the live ranking repaint in the same frame as the input; the room's panel (up
  // to 40 x 40 dots) follows in a render React may interrupt, so a dragged slider never waits for it.
  const roomState = useDeferredValue(state);
  const roomView = useDeferredValue(view);

  return (
    <div className="step-grid step-grid--weighting">
      <div className="stack">
        <ParticipantsPanel
          sessionId={sessionId}
          roles={state.roles}
          anonymous={namesHidden(state)}
          unlinked={anonymityOf(state) === 'hiddenFromEveryone'}
          ballots={ballots}
          participants={participants}
          nameOf={nameOf}
          selected={selected}
          onSelect={setChosen}
          dispatch={dispatch}
        />
        {selected ? (
          <InputEditor
            key={selected}
            state={state}
            participantId={selected}
            name={nameOf(selected)}
            hidden={view.hidden}
            dispatch={dispatch}
          />
        ) : (
          <section className="card">
            <p className="muted">Add a participant with the role of voter to enter weights.</p>
          </section>
        )}
      </div>
      <div className="stack">
        <section className="card" aria-labelledby="ranking-title">
          <h2 id="ranking-title" className="card__title">
            Live ranking
          </h2>
          {view.hidden ? (
            <p className="muted" role="status">
              Hidden until you reveal the results.
            </p>
          ) : (
            <>
              {view.result.usingSuggestedWeights ? (
                // Before a vote counts, the ranking must never read as the room's verdict.
                <p className="muted">No votes yet: the built-in ratings on {suggestionLabel(view.result)}.</p>
              ) : null}
              <LiveRanking result={view.result} />
            </>
          )}
        </section>
        <RoomPanel
          state={roomState}
          controlState={state}
          view={roomView}
          participants={participants}
          nameOf={nameOf}
          dispatch={dispatch}
        />
      </div>
    </div>
  );
}
