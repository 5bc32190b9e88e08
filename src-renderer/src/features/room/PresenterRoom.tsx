import type { RoomStatus } from '@shared/room/contract';
import { Countdown } from './Countdown';
import { showJoinPanel, splitAddress } from './join';
import { QrCode } from './QrCode';
import { useRoomStatus } from './useRoom';
import './room.css';

type OpenRoom = Extract<RoomStatus, { open: true }>;

/** The room while it is open, or null; the presenter shows nothing of who has joined. */
function useOpenRoom(sessionId: string): OpenRoom | null {
  const status = useRoomStatus(sessionId).data;
  return status?.open ? status : null;
}

/**
 * The large join panel over the slide while people arrive (see `showJoinPanel`), with the
 * countdown when a timer runs. A child of the presenter's page, so the blank screen hides it.
 */
export function PresenterRoom({ sessionId }: { sessionId: string }) {
  const room = useOpenRoom(sessionId);
  if (!room || !showJoinPanel(room)) return null;
  return (
    <section className="join-panel" aria-labelledby="join-panel-title" data-testid="join-panel">
      <QrCode matrix={room.qr} label={`QR code to join: ${room.url}`} className="join-panel__qr" />
      <div className="join-panel__words">
        <h2 id="join-panel-title" className="join-panel__title">
          Vote from your phone
        </h2>
        <p className="join-panel__step">Scan the QR code with your camera, or open</p>
        <Address url={room.shortUrl} className="join-panel__address" />
        <p className="join-panel__step">and type the code</p>
        <p className="join-panel__code" aria-label={`Code ${room.code.split('').join(' ')}`}>
          {room.code}
        </p>
        <p className="join-panel__note">
          On the same Wi-Fi as this computer. No app, no account, no internet needed.
          {room.counts.joined > 0 ? ` ${room.counts.joined} joined so far.` : ''}
        </p>
        {room.timer ? <Countdown endsAt={room.timer.endsAt} className="presenter-timer" /> : null}
      </div>
    </section>
  );
}

/**
 * In the slide's foot on every view while the room is open: the address and the code for
 * latecomers (or that the room is locked), and the countdown, large, while a timer runs.
 */
export function PresenterRoomStrip({ sessionId }: { sessionId: string }) {
  const room = useOpenRoom(sessionId);
  if (!room || showJoinPanel(room)) return null;
  return (
    <aside className="join-strip" aria-label="How to join" data-testid="join-strip">
      {room.locked ? (
        <span className="join-strip__locked">The room is locked: no new phones can join</span>
      ) : (
        <span className="join-strip__join">
          <span className="join-strip__label">Join</span>
          <Address url={room.shortUrl} className="join-strip__address" />
          <span className="join-strip__label">code</span>
          <span className="join-strip__code">{room.code}</span>
        </span>
      )}
      {room.timer ? <Countdown endsAt={room.timer.endsAt} className="presenter-timer" /> : null}
    </aside>
  );
}

function Address({ url, className }: { url: string; className: string }) {
  const { scheme, rest } = splitAddress(url);
  return (
    <span className={className}>
      <span className={`${className}-scheme`}>{scheme}</span>
      {rest}
    </span>
  );
}
