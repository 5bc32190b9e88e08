/**
 * The session's report: which brand profile it uses, Draft or Final, and Export PDF. The PDF is
 * made on the main side, so the console stays responsive; the desktop asks where to save and
 * offers to open the file, the browser host hands it over as a download. Before the export, the
 * panel lists what the PDF would still print as □.
 */
import { useState } from 'react';
import { DEFAULT_BRAND } from '@shared/brands/schema';
import { REPORT_STATUS_LABELS } from '@shared/report/contract';
import type { ExportOutcome, ReportStatus } from '@shared/report/contract';
import { defaultReference } from '@shared/report/model';
import { api, ApiError } from '../../api/client';
import { mutate, useQuery } from '../../api/queries';
import { downloadBase64 } from '../../app/download';
import { routes } from '../../app/router';
import { BrandPreview } from '../brands/BrandPreview';
import { useSession } from '../sessions/hooks';
import { IssueChoice } from './IssueChoice';
import { ReportFreshness } from './ReportFreshness';
import { UnprintableWarning } from './UnprintableWarning';
import './reportPanel.css';

type Props = { sessionId: string; headline?: string | undefined };

type Progress =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; outcome: Exclude<ExportOutcome, { outcome: 'cancelled' }> }
  | { kind: 'failed'; message: string };

export function ReportPanel({ sessionId, headline }: Props) {
  const session = useSession(sessionId);
  const settings = useQuery('report:settings', { sessionId });
  const brands = useQuery('brands:list', {});
  const check = useQuery('report:check', { sessionId });
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const [status, setStatus] = useState<ReportStatus>('draft');
  const nextVersion = settings.data?.nextVersion;
  const next =
    nextVersion !== undefined && session.data
      ? { version: nextVersion, reference: defaultReference({ session: session.data }, nextVersion) }
      : undefined;
  const brandId = settings.data?.brandId ?? null;
  const brand = brands.data?.find((b) => b.id === brandId);

  const choose = (value: string) => {
    void mutate('report:configure', { sessionId, brandId: value || null }).catch((caught: unknown) => {
      setProgress({ kind: 'failed', message: caught instanceof ApiError ? caught.message : 'Not saved.' });
    });
  };

  const exportPdf = async () => {
    setProgress({ kind: 'working' });
    try {
      const outcome = await mutate('report:export', { sessionId, status });
      if (outcome.outcome === 'cancelled') return setProgress({ kind: 'idle' });
      if (outcome.outcome === 'download') downloadBase64(outcome.fileName, outcome.base64, 'application/pdf');
      // The version the export took, which another export made meanwhile may have moved on.
      setProgress({ kind: 'done', outcome });
    } catch (caught) {
      setProgress({
        kind: 'failed',
        message: caught instanceof ApiError ? caught.message : 'The report could not be made.',
      });
    }
  };

  return (
    <section className="card report-panel" aria-labelledby="report-title">
      <h2 id="report-title" className="card__title">
        Recommendation report
      </h2>
      <div className="report-panel__body">
        <div className="stack">
          <label className="field">
            <span className="field__label">Brand profile</span>
            <select
              className="input select"
              value={brandId ?? ''}
              onChange={(event) => choose(event.target.value)}
            >
              <option value="">Stackwise default</option>
              {brands.data?.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.profileName}
                </option>
              ))}
            </select>
            <span className="field__hint">
              <a href={routes.brands()}>Manage brand profiles</a>
            </span>
          </label>
          <IssueChoice
            status={status}
            onChange={setStatus}
            next={next}
            disabled={progress.kind === 'working'}
          />
          <UnprintableWarning check={check.data} />
          <div className="report-panel__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void exportPdf()}
              disabled={progress.kind === 'working'}
              aria-busy={progress.kind === 'working'}
            >
              {progress.kind === 'working' ? 'Making the PDF…' : 'Export PDF'}
            </button>
            {progress.kind === 'working' ? <span className="spinner" aria-hidden="true" /> : null}
          </div>
          <div role="status" aria-live="polite" className="report-panel__status">
            {progress.kind === 'done' ? <ExportDone outcome={progress.outcome} /> : null}
            {progress.kind === 'failed' ? <p className="notice notice--error">{progress.message}</p> : null}
            {/* Out of date is said even right after an export: a later change outdates it. */}
            {settings.data && (progress.kind !== 'done' || settings.data.freshness.state === 'outdated') ? (
              <ReportFreshness settings={settings.data} />
            ) : null}
          </div>
        </div>
        <BrandPreview
          brand={brand ?? DEFAULT_BRAND}
          client={session.data?.clientName ?? ''}
          {...(headline ? { headline } : {})}
        />
      </div>
    </section>
  );
}

/** Where an exported PDF went, what its cover says, and (on the desktop) a button to open it. */
export function ExportDone({ outcome }: { outcome: Exclude<ExportOutcome, { outcome: 'cancelled' }> }) {
  const [openFailed, setOpenFailed] = useState(false);
  const { issue } = outcome;
  const what = issue
    ? ` ${REPORT_STATUS_LABELS[issue.status]}, version ${issue.version}, reference ${issue.reference}.`
    : '';
  if (outcome.outcome === 'download') {
    return (
      <p className="notice notice--info">
        Downloaded “{outcome.fileName}” ({outcome.pages} pages).{what}
      </p>
    );
  }
  return (
    <div className="notice notice--info">
      <p>
        Saved {outcome.pages} pages to {outcome.path}.{what}
      </p>
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          void api
            .invoke('report:open', { path: outcome.path })
            .then((result) => setOpenFailed(!result.opened))
        }
      >
        Open the PDF
      </button>
      {openFailed ? <p>The file could not be opened; find it in the folder above.</p> : null}
    </div>
  );
}
