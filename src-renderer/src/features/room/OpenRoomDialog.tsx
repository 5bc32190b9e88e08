import { useState } from 'react';
import { RoomSettingsSchema } from '@shared/room/schema';
import type { NetworkInterface } from '@shared/room/contract';
import type { NewNames, RoomSettings } from '@shared/room/schema';
import { METHOD_LABELS, MethodSchema } from '@shared/workshop';
import type { Method } from '@shared/workshop';
import { useQuery } from '../../api/queries';
import { useModalDialog } from '../../components/useModalDialog';
import { interfaceLabel, pairwiseRefusal, sortInterfaces } from './lobby';
import { useRoomCommands } from './useRoom';

const NEW_NAME_CHOICES: Array<{ value: NewNames; label: string; hint: string }> = [
  {
    value: 'approval',
    label: 'Need your approval',
    hint: 'A typed name waits in the lobby until you let it in.',
  },
  { value: 'allowed', label: 'Allowed', hint: 'A typed name joins at once as a new voter.' },
  { value: 'closed', label: 'Not allowed', hint: 'Only the names on the list can join.' },
];

export type AnonymityNote = { label: string; notice: string };

type OpenRoomDialogProps = {
  sessionId: string;
  criteria: number;
  /** The round's anonymity, said before anyone votes. */
  anonymity: AnonymityNote;
  /** `open` picks the network and opens; `settings` changes an open room's settings. */
  mode: 'open' | 'settings';
  initial: RoomSettings;
  onClose: () => void;
};

/** Opening the room: the network it listens on (one address, never all) and what phones may do. */
export function OpenRoomDialog({
  sessionId,
  criteria,
  anonymity,
  mode,
  initial,
  onClose,
}: OpenRoomDialogProps) {
  const ref = useModalDialog(true);
  const [settings, setSettings] = useState(initial);
  const [picked, setAddress] = useState<string | null>(null);
  const interfaces = useQuery('room:interfaces', {});
  const list = sortInterfaces(interfaces.data ?? []);
  const address = picked ?? onlyNetwork(list);
  const [port, setPort] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { busy, error, run } = useRoomCommands();
  const refusal = pairwiseRefusal(criteria);

  const toggleMethod = (method: Method, on: boolean) =>
    setSettings((s) => ({
      ...s,
      methods: MethodSchema.options.filter((m) => (m === method ? on : s.methods.includes(m))),
    }));

  const submit = async () => {
    const parsed = RoomSettingsSchema.safeParse(settings);
    if (!parsed.success) return setInvalid(parsed.error.issues[0]?.message ?? 'Check the settings.');
    if (mode === 'settings') {
      setInvalid(null);
      if (await run('settings', 'room:configure', { sessionId, settings: parsed.data })) onClose();
      return;
    }
    if (!address) return setInvalid('Pick the network the room is on.');
    const portNumber = port.trim() === '' ? 0 : Number(port);
    setInvalid(null);
    if (await run('open', 'room:open', { sessionId, address, port: portNumber, settings: parsed.data })) {
      onClose();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide room-dialog"
      aria-labelledby="room-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="room-dialog-title" className="dialog__title">
          {mode === 'open' ? 'Open the room' : 'The room’s settings'}
        </h2>
        {mode === 'open' ? (
          <>
            <p className="muted">
              Participants vote from their own phones and laptops, on this network, with no internet. They
              reach only their own ballot and what the shared screen shows.
            </p>
            <NetworkChoice
              list={list}
              loading={interfaces.loading}
              error={interfaces.error?.message}
              address={address}
              onPick={setAddress}
            />
            <label className="room-dialog__port">
              <span>Port</span>
              <input
                className="input"
                inputMode="numeric"
                value={port}
                placeholder="Any free port"
                onChange={(e) => setPort(e.target.value)}
              />
            </label>
          </>
        ) : null}

        <fieldset className="room-dialog__group">
          <legend>Ways to weigh on a phone</legend>
          {MethodSchema.options.map((method) => {
            const blocked = method === 'pairwise' && refusal !== null;
            return (
              <label key={method} className="room-dialog__choice">
                <input
                  type="checkbox"
                  checked={!blocked && settings.methods.includes(method)}
                  disabled={blocked}
                  aria-describedby={blocked ? 'room-pairwise-why' : undefined}
                  onChange={(e) => toggleMethod(method, e.target.checked)}
                />
                <span>{METHOD_LABELS[method]}</span>
              </label>
            );
          })}
          {refusal ? (
            <p id="room-pairwise-why" className="room-dialog__hint">
              {refusal}
            </p>
          ) : null}
        </fieldset>

        <fieldset className="room-dialog__group">
          <legend>Names not on the list</legend>
          {NEW_NAME_CHOICES.map((choice) => (
            <label key={choice.value} className="room-dialog__choice">
              <input
                type="radio"
                name="room-new-names"
                checked={settings.newNames === choice.value}
                onChange={() => setSettings((s) => ({ ...s, newNames: choice.value }))}
              />
              <span>
                {choice.label} <span className="room-dialog__hint">{choice.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <label className="room-dialog__choice room-dialog__own">
          <input
            type="checkbox"
            checked={settings.showOwnResult}
            onChange={(e) => setSettings((s) => ({ ...s, showOwnResult: e.target.checked }))}
          />
          <span>After Reveal, show each participant their own result too (“with your weights, …”)</span>
        </label>

        <div className="room-dialog__anonymity" role="note" aria-label="Anonymity this round">
          <p className="room-dialog__anonymity-title">This round: {anonymity.label}</p>
          <p>{anonymity.notice}</p>
        </div>

        {(invalid ?? error) ? (
          <p className="notice notice--error" role="alert">
            {invalid ?? error}
          </p>
        ) : null}

        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy !== null}>
            {mode === 'open' ? (busy ? 'Opening…' : 'Open the room') : busy ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * The address picked for the facilitator only when there is one obvious network: with two (Wi-Fi
 * and a virtual adapter, say) guessing could put the room where no phone is.
 */
function onlyNetwork(list: readonly NetworkInterface[]): string | null {
  const external = list.filter((i) => !i.internal && i.family === 'IPv4');
  return external.length === 1 ? (external[0]?.address ?? null) : null;
}

type NetworkChoiceProps = {
  list: NetworkInterface[];
  loading: boolean;
  error: string | undefined;
  address: string | null;
  onPick: (address: string) => void;
};

/** This computer's networks, one to pick; loopback last, saying it reaches no phone. */
function NetworkChoice({ list, loading, error, address, onPick }: NetworkChoiceProps) {
  return (
    <fieldset className="room-dialog__group">
      <legend>The network the room is on</legend>
      {loading ? <p className="muted">Looking for this computer’s networks…</p> : null}
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {!loading && !error && list.length === 0 ? (
        <p className="notice notice--warning">
          This computer is on no network. Join the room’s Wi-Fi, or turn on a phone’s hotspot and join that.
        </p>
      ) : null}
      {list.map((item) => (
        <label key={`${item.name} ${item.address}`} className="room-dialog__choice">
          <input
            type="radio"
            name="room-address"
            checked={address === item.address}
            onChange={() => onPick(item.address)}
          />
          <span>{interfaceLabel(item)}</span>
        </label>
      ))}
      <p className="room-dialog__hint">
        Pick the Wi-Fi or cable the participants’ phones are on. The room listens on that address only.
      </p>
    </fieldset>
  );
}
