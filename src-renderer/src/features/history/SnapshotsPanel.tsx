/**
 * Snapshots of a session: save one by name, compare any two (or one with now), restore one, or
 * export its report again exactly as it was.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ExportOutcome } from '@shared/report/contract';
import { SNAPSHOT_NAME_MAX } from '@shared/snapshots/schema';
import type { SnapshotKind, SnapshotSummary } from '@shared/snapshots/schema';
import { api, ApiError } from '../../api/client';
import { mutate, useQuery } from '../../api/queries';
import { downloadBase64 } from '../../app/download';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CharacterCount, overLimitMessage } from '../../components/Field';
import { ExportDone } from '../report';
import { ComparisonView } from './ComparisonView';
import { formatMoment } from './format';

const KIND_LABELS: Record<SnapshotKind, string> = {
  manual: 'Saved by name',
  report: 'Made on export',
  restore: 'Kept before a restore',
};

type Delivered = Exclude<ExportOutcome, { outcome: 'cancelled' }>;

export function SnapshotsPanel({ sessionId }: { sessionId: string }) {
  const snapshots = useQuery('snapshots:list', { sessionId });
  const [name, setName] = useState('');
  const [refusal, setNameError] = useState<string>();
  const nameError = overLimitMessage('The snapshot name', name.trim().length, SNAPSHOT_NAME_MAX) ?? refusal;
  const [message, setMessage] = useState<string>();
  const [delivered, setDelivered] = useState<Delivered>();
  const [restoring, setRestoring] = useState<SnapshotSummary>();
  const [busy, setBusy] = useState(false);
  const [pair, setPair] = useState<{ from: string; to: string }>();

  const list = snapshots.data ?? [];
  const from = pair?.from ?? list[0]?.id ?? 'now';
  const to = pair?.to ?? 'now';

  const fail = (caught: unknown, fallback: string) =>
    setMessage(caught instanceof ApiError ? caught.message : fallback);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    if (nameError) return;
    try {
      const made = await mutate('snapshots:create', { sessionId, name });
      setName('');
      setNameError(undefined);
      setMessage(`Saved the snapshot “${made.name}”.`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.field === 'name') setNameError(caught.message);
      else fail(caught, 'The snapshot could not be saved.');
    }
  };

  const restore = async () => {
    if (!restoring) return;
    setBusy(true);
    try {
      const { kept } = await mutate('snapshots:restore', { sessionId, snapshotId: restoring.id });
      setMessage(`Restored “${restoring.name}”. What it replaced is kept as “${kept.name}”.`);
      setPair({ from: kept.id, to: 'now' });
    } catch (caught) {
      fail(caught, 'The snapshot could not be restored. Nothing was changed.');
    } finally {
      setBusy(false);
      setRestoring(undefined);
    }
  };

  const exportAsItWas = async (snapshot: SnapshotSummary) => {
    setMessage(`Making the PDF of “${snapshot.name}”…`);
    setDelivered(undefined);
    try {
      const outcome = await api.invoke('snapshots:report', { sessionId, snapshotId: snapshot.id });
      setMessage(undefined);
      if (outcome.outcome === 'cancelled') return;
      if (outcome.outcome === 'download') downloadBase64(outcome.fileName, outcome.base64, 'application/pdf');
      setDelivered(outcome);
    } catch (caught) {
      fail(caught, 'The report could not be made.');
    }
  };

  const options = [
    { id: 'now', label: 'Now' },
    ...list.map((s) => ({ id: s.id, label: `${s.name} · ${formatMoment(s.createdAt)}` })),
  ];

  return (
    <section className="card snapshots" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title" className="card__title">
        Snapshots
      </h2>
      <p className="card__intro">
        A snapshot freezes the session as it is: details, participants, weights, ratings and the report’s
        brand. One is made every time the report is exported.
      </p>
      <form className="snapshots__form" onSubmit={(e) => void save(e)} noValidate>
        <label className="field snapshots__name">
          <span className="field__label">Snapshot name</span>
          <input
            className="input"
            value={name}
            placeholder="After workshop 1"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'snapshot-name-error' : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(undefined);
            }}
          />
          <CharacterCount length={name.trim().length} max={SNAPSHOT_NAME_MAX} />
          {nameError ? (
            <span id="snapshot-name-error" className="field__error" role="alert">
              {nameError}
            </span>
          ) : null}
        </label>
        <button type="submit" className="button button--primary">
          Save snapshot
        </button>
      </form>
      <div role="status" aria-live="polite">
        {message ? <p className="notice notice--info">{message}</p> : null}
        {delivered ? <ExportDone outcome={delivered} /> : null}
      </div>

      {snapshots.data && list.length === 0 ? (
        <p className="muted">No snapshots yet.</p>
      ) : (
        <ol className="plain-list snapshots__list" aria-label="Snapshots, newest first">
          {list.map((snapshot) => (
            <li key={snapshot.id} className="snapshots__item">
              <div className="snapshots__what">
                <bdi className="snapshots__title">{snapshot.name}</bdi>
                <span className="badge">{KIND_LABELS[snapshot.kind]}</span>
                <span className="muted snapshots__detail">
                  {formatMoment(snapshot.createdAt)} · Recommended: <bdi>{snapshot.leader}</bdi>
                </span>
              </div>
              <div className="snapshots__actions">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setPair({ from: snapshot.id, to: 'now' })}
                  aria-label={`Compare “${snapshot.name}” with now`}
                >
                  Compare with now
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void exportAsItWas(snapshot)}
                  aria-label={`Export the PDF of “${snapshot.name}” as it was`}
                >
                  PDF as it was
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setRestoring(snapshot)}
                  aria-label={`Restore “${snapshot.name}”`}
                >
                  Restore…
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}

      <h3 className="snapshots__compare-title">Compare</h3>
      <div className="snapshots__pickers">
        <MomentPicker
          label="From"
          value={from}
          options={options}
          onChange={(id) => setPair({ from: id, to })}
        />
        <MomentPicker label="To" value={to} options={options} onChange={(id) => setPair({ from, to: id })} />
      </div>
      {from === to ? (
        <p className="muted">Choose two different moments to compare.</p>
      ) : (
        <Compare sessionId={sessionId} from={from} to={to} />
      )}

      <ConfirmDialog
        open={restoring !== undefined}
        title={`Restore “${restoring?.name ?? ''}”?`}
        confirmLabel={busy ? 'Restoring…' : 'Restore the snapshot'}
        busy={busy}
        onConfirm={() => void restore()}
        onCancel={() => setRestoring(undefined)}
      >
        <p>
          The session’s details, participants and workshop go back to how they were on{' '}
          {restoring ? formatMoment(restoring.createdAt) : ''}. What you have now is kept as a snapshot first,
          so you can compare it or restore it back.
        </p>
      </ConfirmDialog>
    </section>
  );
}

type MomentPickerProps = {
  label: string;
  value: string;
  options: ReadonlyArray<{ id: string; label: string }>;
  onChange: (id: string) => void;
};

function MomentPicker({ label, value, options, onChange }: MomentPickerProps) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className="input select" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Compare({ sessionId, from, to }: { sessionId: string; from: string; to: string }) {
  const result = useQuery('snapshots:compare', { sessionId, from, to });
  if (result.error) return <p className="notice notice--error">{result.error.message}</p>;
  if (!result.data) return <p className="muted">Comparing…</p>;
  return <ComparisonView {...result.data} />;
}
