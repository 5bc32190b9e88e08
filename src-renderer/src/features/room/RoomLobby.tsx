import { memo, useMemo, useState } from 'react';
import type { Reachability, RoomDevice, RoomStatus } from '@shared/room/contract';
import type { Action, BallotState } from '@shared/workshop';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RevealButton } from '../workshop/RoomStatus';
import { Countdown } from './Countdown';
import { TIMER_CHOICES, timerChoiceLabel } from './countdown';
import { groupLobby, lobbySummary } from './lobby';
import { LobbyPeople } from './LobbyPeople';
import { QrCode } from './QrCode';
import { useReachCheck, useRoomCommands } from './useRoom';

export type OpenRoom = Extract<RoomStatus, { open: true }>;

type RoomLobbyProps = {
  status: OpenRoom;
  voters: ReadonlyArray<{ id: string; name: string; ballot: BallotState }>;
  nameOf: (participantId: string) => string;
  /** Whether this round's results are hidden: then the lobby offers Reveal. */
  hidden: boolean;
  anonymity: string;
  /** The round is hidden from everyone: the lobby says how many have voted, not who. */
  unnamedBallots: boolean;
  dispatch: (action: Action) => void;
  onSettings: () => void;
  /** Folded to its summary line (the other steps start so; the facilitator unfolds it). */
  folded: boolean;
  onFold: (folded: boolean) => void;
};

/**
 * The live lobby while the room is open: how to join, who is in, and the room's controls. Memoised:
 * a moving slider on the console changes none of its props.
 */
export const RoomLobby = memo(function RoomLobby({
  status,
  voters,
  nameOf,
  hidden,
  anonymity,
  unnamedBallots,
  dispatch,
  onSettings,
  folded,
  onFold,
}: RoomLobbyProps) {
  const { sessionId } = status;
  const lobby = useMemo(() => groupLobby(voters, status.devices), [voters, status.devices]);
  const commands = useRoomCommands();
  const { busy, run } = commands;
  const [closing, setClosing] = useState(false);
  const reach = useReachCheck(sessionId);
  const onDevice = (device: RoomDevice, action: 'approve' | 'remove') =>
    void run(device.id, 'room:device', { sessionId, deviceId: device.id, action });

  const title = (
    <h2 id="lobby-title" className="card__title">
      The room is open
      {status.locked ? <span className="badge badge--warning">Locked</span> : null}
      {status.accepting ? null : <span className="badge badge--warning">Round closed</span>}
    </h2>
  );
  const summary = lobbySummary(status.round, status.counts, lobby.pending.length);
  const foldButton = (
    <button
      type="button"
      className="button button--small button--quiet"
      aria-expanded={!folded}
      aria-controls="lobby-body"
      onClick={() => onFold(!folded)}
    >
      {folded ? 'Show the lobby' : 'Fold the lobby'}
    </button>
  );
  const timer = status.timer ? <Countdown endsAt={status.timer.endsAt} className="lobby-timer" /> : null;

  if (folded) {
    return (
      <section className="card lobby lobby--folded" aria-labelledby="lobby-title" data-testid="room-lobby">
        <div className="lobby__folded">
          {title}
          <p className="muted" data-testid="room-counts">
            Code <strong className="lobby__code-inline">{status.code}</strong> · {summary}
          </p>
          {timer}
          {foldButton}
        </div>
      </section>
    );
  }

  return (
    <section className="card lobby" aria-labelledby="lobby-title" data-testid="room-lobby">
      <div className="lobby__head" id="lobby-body">
        <div className="lobby__join">
          <QrCode matrix={status.qr} label={`QR code for ${status.url}`} className="lobby__qr" />
          <div>
            {title}
            <p className="lobby__code">
              Code <strong data-testid="room-code">{status.code}</strong>
            </p>
            <p className="lobby__url">
              <span className="muted">Link</span> <code>{status.url}</code>
            </p>
            <p className="muted" data-testid="room-counts">
              {summary} · Anonymity: {anonymity}
            </p>
          </div>
        </div>
        <div className="lobby__side">
          {timer}
          {foldButton}
        </div>
      </div>

      {commands.error ? (
        <div className="notice notice--error notice--dismissable" role="alert">
          <span>{commands.error}</span>
          <button type="button" className="button button--quiet button--small" onClick={commands.dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}

      <LobbyPeople
        lobby={lobby}
        nameOf={nameOf}
        busyDevice={busy}
        onDevice={onDevice}
        votedCount={unnamedBallots ? status.counts : null}
      />

      <div className="controls lobby__controls" role="group" aria-label="The room">
        {hidden ? <RevealButton dispatch={dispatch} /> : null}
        <button
          type="button"
          className="button button--small"
          disabled={busy === 'round'}
          onClick={() => void run('round', 'room:round', { sessionId, accepting: !status.accepting })}
        >
          {status.accepting ? 'Close the round' : 'Reopen the round'}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={status.locked}
          disabled={busy === 'lock'}
          onClick={() => void run('lock', 'room:configure', { sessionId, locked: !status.locked })}
        >
          {status.locked ? 'Unlock the room' : 'Lock the room'}
        </button>
        <TimerControl
          running={status.timer !== null}
          busy={busy === 'timer'}
          onStart={(seconds) => void run('timer', 'room:timer', { sessionId, seconds })}
          onStop={() => void run('timer', 'room:timer', { sessionId, seconds: null })}
        />
        <button
          type="button"
          className="button button--small"
          disabled={reach.checking}
          onClick={() => void reach.check()}
        >
          {reach.checking ? 'Checking…' : 'Can phones reach me?'}
        </button>
        <button type="button" className="button button--small" onClick={onSettings}>
          Settings…
        </button>
        <button
          type="button"
          className="button button--small button--danger-outline"
          onClick={() => setClosing(true)}
        >
          Close the room
        </button>
      </div>

      <ReachAnswer answer={reach.answer} error={reach.error} />

      <ConfirmDialog
        open={closing}
        title="Close the room?"
        confirmLabel="Close the room"
        tone="danger"
        busy={busy === 'close'}
        onCancel={() => setClosing(false)}
        onConfirm={() => {
          setClosing(false);
          void run('close', 'room:close', { sessionId });
        }}
      >
        <p>
          Every phone loses its access at once. The ballots already in stay in the workshop; to vote again,
          open the room again and everyone joins with a new code.
        </p>
      </ConfirmDialog>
    </section>
  );
});

/** Start a countdown of a chosen length, or stop the one running. */
function TimerControl({
  running,
  busy,
  onStart,
  onStop,
}: {
  running: boolean;
  busy: boolean;
  onStart: (seconds: number) => void;
  onStop: () => void;
}) {
  const [seconds, setSeconds] = useState<number>(120);
  if (running) {
    return (
      <button type="button" className="button button--small" disabled={busy} onClick={onStop}>
        Stop the timer
      </button>
    );
  }
  return (
    <span className="lobby__timer-start">
      <label className="control">
        <span>Timer</span>
        <select
          className="input select select--small"
          value={String(seconds)}
          onChange={(e) => setSeconds(Number(e.target.value))}
        >
          {TIMER_CHOICES.map((choice) => (
            <option key={choice} value={String(choice)}>
              {timerChoiceLabel(choice)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--small" disabled={busy} onClick={() => onStart(seconds)}>
        Start the timer
      </button>
    </span>
  );
}

/** The answer to "Can phones reach me?" (the listener asked on its own address), with what to do. */
function ReachAnswer({ answer, error }: { answer: Reachability | null; error: string | null }) {
  return (
    <div className="reach" aria-live="polite">
      {error ? <p className="notice notice--error">{error}</p> : null}
      {answer ? (
        <div
          className={
            answer.reachable ? 'notice notice--info reach__answer' : 'notice notice--warning reach__answer'
          }
          data-testid="reach-answer"
        >
          <p className="reach__title">
            {answer.reachable ? 'Yes: the room answers on its address.' : 'Phones cannot reach the room.'}
          </p>
          <p>{answer.detail}</p>
          {answer.advice.length > 0 ? (
            <ul className="reach__advice">
              {answer.advice.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
