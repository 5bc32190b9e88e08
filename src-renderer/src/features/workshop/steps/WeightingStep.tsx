import { useDeferredValue, useMemo, useState } from 'react';
import { isVoter } from '@shared/workshop';
import { InputEditor } from '../InputEditor';
import { LiveRanking } from '../LiveRanking';
import { ParticipantsPanel } from '../ParticipantsPanel';
import { RoomPanel } from '../RoomPanel';
import type { StepProps } from '../types';

/** Each voter's weights by their own method, the room's combined weights, and the live ranking. */
export function WeightingStep({ sessionId, state, result, participants, nameOf, dispatch }: StepProps) {
  const voters = participants.filter((p) => isVoter(state, p.id));
  const [chosen, setChosen] = useState<string>();
  const selected = voters.find((p) => p.id === chosen)?.id ?? voters[0]?.id;
  const round = state.rounds[state.rounds.length - 1];
  const votedNow = Object.keys(round?.inputs ?? {})
    .sort()
    .join(',');
  const voted = useMemo(() => votedNow, [votedNow]);
  // The slider and the live ranking repaint in the same frame as the input; the room's panel (up
  // to 40 x 40 dots) follows in a render React may interrupt, so a dragged slider never waits for it.
  const roomState = useDeferredValue(state);
  const roomResult = useDeferredValue(result);

  return (
    <div className="step-grid step-grid--weighting">
      <div className="stack">
        <ParticipantsPanel
          sessionId={sessionId}
          roles={state.roles}
          anonymous={state.anonymous}
          voted={voted}
          participants={participants}
          nameOf={nameOf}
          selected={selected}
          onSelect={setChosen}
          dispatch={dispatch}
        />
        {selected ? (
          <InputEditor state={state} participantId={selected} name={nameOf(selected)} dispatch={dispatch} />
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
          <LiveRanking result={result} />
        </section>
        <RoomPanel
          state={roomState}
          result={roomResult}
          participants={participants}
          nameOf={nameOf}
          dispatch={dispatch}
        />
      </div>
    </div>
  );
}
