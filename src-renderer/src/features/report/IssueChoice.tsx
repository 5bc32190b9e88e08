/**
 * Draft or Final, chosen before the export and printed on the cover with the version (this
 * session's earlier exports plus one) and the document reference the export will carry.
 */
import { REPORT_STATUS_LABELS, ReportStatusSchema } from '@shared/report/contract';
import type { ReportStatus } from '@shared/report/contract';

type Props = {
  status: ReportStatus;
  onChange: (status: ReportStatus) => void;
  /** The version and reference the next export prints; unknown while they load. */
  next: { version: number; reference: string } | undefined;
  disabled?: boolean;
};

export function IssueChoice({ status, onChange, next, disabled = false }: Props) {
  return (
    <fieldset className="issue-choice" disabled={disabled} aria-describedby="issue-choice-next">
      <legend className="field__label">Status on the cover</legend>
      <div className="issue-choice__options">
        {ReportStatusSchema.options.map((option) => (
          <label key={option} className="issue-choice__option">
            <input
              type="radio"
              name="report-status"
              value={option}
              checked={status === option}
              onChange={() => onChange(option)}
            />
            <span>{REPORT_STATUS_LABELS[option]}</span>
          </label>
        ))}
      </div>
      <p id="issue-choice-next" className="field__hint">
        {next
          ? `The next export will be version ${next.version}, reference ${next.reference}.`
          : 'The version is counted from this session’s earlier exports.'}
      </p>
    </fieldset>
  );
}
