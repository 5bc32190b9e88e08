import { useCallback, useMemo, useRef, useState } from 'react';
import { DEFAULT_ROOM_SETTINGS } from '@shared/room/schema';
import type { Participant } from '@shared/sessions/schema';
import { anonymityOf, ballotOf, isVoter } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';
import { invalidate } from '../../api/queries';
import { useCommand } from '../../app/commands';
import { roundAnonymityNote } from './anonymity';
import { startingSettings } from './lobby';
import { OpenRoomDialog } from './OpenRoomDialog';
import { RoomLobby } from './RoomLobby';
import { useRoomStatus } from './useRoom';
import './room.css';

type RoomConsoleProps = {
  sessionId: string;
  state: WorkshopState;
  participants: Participant[];
  nameOf: (participantId: string) => string;
  /** Whether this round's results are hidden (the lobby then offers Reveal). */
  hidden: boolean;
  dispatch: (action: Action) => void;
};

/**
 * The room on the console: off by default. While it is closed, the weighting step offers to open
 * it; while it is open, the live lobby stays on every step. The menu's "Open the Room…" opens the
 * dialog from anywhere in the workshop.
 */
export function RoomConsole({ sessionId, state, participants, nameOf, hidden, dispatch }: RoomConsoleProps) {
  const room = useRoomStatus(sessionId);
  const [dialog, setDialog] = useState<'open' | 'settings' | null>(null);
  const lobbyRef = useRef<HTMLDivElement>(null);
  const status = room.data;
  const isOpen = status?.open === true;
  // Unfolded on the weighting step, where the room votes, folded elsewhere, until the facilitator
  // says otherwise.
  const [foldChoice, setFold] = useState<boolean | null>(null);
  const folded = foldChoice ?? state.step !== 'weighting';

  const openDialog = useCallback(() => {
    // The networks may have changed since the dialog last listed them (Wi-Fi joined, hotspot on).
    invalidate('room:interfaces');
    setDialog('open');
  }, []);
  useCommand(
    useMemo(
      () => ({
        id: 'room.open' as const,
        perform: () => {
          if (!isOpen) return openDialog();
          setFold(false);
          lobbyRef.current?.scrollIntoView({ block: 'start' });
        },
      }),
      [isOpen, openDialog],
    ),
  );

  // Each voter's ballot this round as one string, so a moving slider does not redraw the lobby.
  const ballots = participants
    .filter((p) => isVoter(state, p.id))
    .map((p) => `${p.id}:${ballotOf(state, p.id)}`)
    .join(',');
  const voters = useMemo(() => {
    const names = new Map(participants.map((p) => [p.id, p.name]));
    return ballots
      .split(',')
      .filter(Boolean)
      .map((entry) => {
        const [id = '', ballot] = entry.split(':');
        return {
          id,
          name: names.get(id) ?? '',
          ballot: ballot === 'voted' || ballot === 'abstained' ? ballot : 'notYet',
        } as const;
      });
  }, [ballots, participants]);
  const showSettings = useCallback(() => setDialog('settings'), []);
  const anonymity = roundAnonymityNote(state);
  const settings = startingSettings(isOpen ? status.settings : DEFAULT_ROOM_SETTINGS, state.criteria.length);

  return (
    <div ref={lobbyRef} className="room-console">
      {room.loading && state.step === 'weighting' ? <p className="muted">Checking the room…</p> : null}
      {room.error && state.step === 'weighting' ? (
        <p className="notice notice--error" role="alert">
          The room’s state could not be read: {room.error.message}
        </p>
      ) : null}
      {status?.open ? (
        <RoomLobby
          status={status}
          voters={voters}
          nameOf={nameOf}
          hidden={hidden}
          anonymity={anonymity.label}
          unnamedBallots={anonymityOf(state) === 'hiddenFromEveryone'}
          dispatch={dispatch}
          onSettings={showSettings}
          folded={folded}
          onFold={setFold}
        />
      ) : status && state.step === 'weighting' ? (
        <section className="room-invite" aria-labelledby="room-invite-title">
          <div>
            <h2 id="room-invite-title" className="room-invite__title">
              Let the room vote from their own phones
            </h2>
            <p className="muted">
              On this network, with no internet: everyone scans a code and weighs the criteria themselves.
            </p>
          </div>
          <button type="button" className="button" onClick={openDialog}>
            Open the room…
          </button>
        </section>
      ) : null}
      {dialog ? (
        <OpenRoomDialog
          sessionId={sessionId}
          criteria={state.criteria.length}
          anonymity={anonymity}
          mode={dialog === 'settings' && isOpen ? 'settings' : 'open'}
          initial={settings}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
