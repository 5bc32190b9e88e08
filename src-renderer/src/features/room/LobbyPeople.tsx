import type { RoomDevice } from '@shared/room/contract';
import { BALLOT_LABELS } from '../workshop/RoomStatus';
import { pendingReason } from './lobby';
import type { Lobby, LobbyVoter } from './lobby';

type DeviceAction = (device: RoomDevice, action: 'approve' | 'remove') => void;

type LobbyPeopleProps = {
  lobby: Lobby;
  nameOf: (participantId: string) => string;
  /** The device a command is running for, so its buttons wait. */
  busyDevice: string | null;
  onDevice: DeviceAction;
  /**
   * In a round hidden from everyone the room says how many have voted, never who (the order
   * devices voted in would tell whose anonymous ballot is whose): the lobby shows this count.
   */
  votedCount?: { voted: number; voters: number } | null;
};

/** Who is in the room this round: waiting for approval, voted, joined without a vote, not here. */
export function LobbyPeople({ lobby, nameOf, busyDevice, onDevice, votedCount = null }: LobbyPeopleProps) {
  return (
    <div className="lobby__people">
      {lobby.pending.length > 0 ? (
        <Group title="Waiting for you" count={lobby.pending.length} tone="pending">
          {lobby.pending.map((device) => (
            <li key={device.id} className="lobby__person">
              <span className="lobby__name">
                <bdi>{device.name}</bdi>
                <span className="lobby__why">{pendingReason(device)}</span>
              </span>
              <span className="lobby__actions">
                <button
                  type="button"
                  className="button button--small button--primary"
                  disabled={busyDevice === device.id}
                  onClick={() => onDevice(device, 'approve')}
                  aria-label={`Approve ${device.name}`}
                >
                  Approve
                </button>
                <RemoveButton device={device} busy={busyDevice === device.id} onDevice={onDevice} />
              </span>
            </li>
          ))}
        </Group>
      ) : null}
      {votedCount ? (
        <section className="lobby__group lobby__group--voted" aria-label={`Voted: ${votedCount.voted}`}>
          <h3 className="lobby__group-title">
            Voted <span className="count">{votedCount.voted}</span>
          </h3>
          <p className="lobby__none" data-testid="room-voted-count">
            {votedCount.voted} of {votedCount.voters} have voted. Hidden from everyone: the room shows how
            many, not who.
          </p>
        </section>
      ) : (
        <Group title="Voted" count={lobby.voted.length} tone="voted">
          {lobby.voted.map((voter) => (
            <VoterRow
              key={voter.id}
              voter={voter}
              nameOf={nameOf}
              busyDevice={busyDevice}
              onDevice={onDevice}
            />
          ))}
        </Group>
      )}
      <Group
        title={votedCount ? 'Joined' : 'Joined, not voted yet'}
        count={lobby.joined.length}
        tone="joined"
      >
        {lobby.joined.map((voter) => (
          <VoterRow
            key={voter.id}
            voter={voter}
            nameOf={nameOf}
            busyDevice={busyDevice}
            onDevice={onDevice}
          />
        ))}
      </Group>
      <Group title="Not here yet" count={lobby.absent.length} tone="absent">
        {lobby.absent.map((voter) => (
          <li key={voter.id} className="lobby__person">
            <span className="lobby__name">
              <bdi>{nameOf(voter.id)}</bdi>
              {voter.ballot === 'abstained' ? (
                <span className="lobby__why">{BALLOT_LABELS.abstained}</span>
              ) : null}
            </span>
          </li>
        ))}
      </Group>
      {lobby.others.length > 0 ? (
        <Group title="Other devices" count={lobby.others.length} tone="absent">
          {lobby.others.map((device) => (
            <li key={device.id} className="lobby__person">
              <span className="lobby__name">
                <bdi>{device.name}</bdi>
                <span className="lobby__why">not a voter in this session</span>
              </span>
              <RemoveButton device={device} busy={busyDevice === device.id} onDevice={onDevice} />
            </li>
          ))}
        </Group>
      ) : null}
    </div>
  );
}

function Group({
  title,
  count,
  tone,
  children,
}: {
  title: string;
  count: number;
  tone: 'pending' | 'voted' | 'joined' | 'absent';
  children: React.ReactNode;
}) {
  return (
    <section className={`lobby__group lobby__group--${tone}`} aria-label={`${title}: ${count}`}>
      <h3 className="lobby__group-title">
        {title} <span className="count">{count}</span>
      </h3>
      {count === 0 ? <p className="lobby__none">No one</p> : <ul className="lobby__list">{children}</ul>}
    </section>
  );
}

function VoterRow({
  voter,
  nameOf,
  busyDevice,
  onDevice,
}: {
  voter: LobbyVoter;
  nameOf: (participantId: string) => string;
  busyDevice: string | null;
  onDevice: DeviceAction;
}) {
  return (
    <li className="lobby__person">
      <span className="lobby__name">
        <bdi>{nameOf(voter.id)}</bdi>
        {voter.devices.length === 0 ? <span className="lobby__why">no device in the room</span> : null}
        {voter.devices.some((d) => !d.connected) ? (
          <span className="lobby__why">phone asleep or away</span>
        ) : null}
      </span>
      {voter.devices.map((device) => (
        <RemoveButton key={device.id} device={device} busy={busyDevice === device.id} onDevice={onDevice} />
      ))}
    </li>
  );
}

function RemoveButton({
  device,
  busy,
  onDevice,
}: {
  device: RoomDevice;
  busy: boolean;
  onDevice: DeviceAction;
}) {
  return (
    <button
      type="button"
      className="button button--small button--quiet button--quiet-danger"
      disabled={busy}
      onClick={() => onDevice(device, 'remove')}
      aria-label={`Remove ${device.name}’s device`}
    >
      Remove
    </button>
  );
}
