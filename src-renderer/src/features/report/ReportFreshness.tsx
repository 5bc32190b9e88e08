/**
 * Whether the report last exported still says what the session says: the consultant should not
 * send a PDF from before the room's last changes. Worked out on the main side (`report:settings`),
 * here only put into words.
 */
import { changedPhrase } from '@shared/report/freshness';
import type { ReportSettings } from '@shared/report/contract';

const moment = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Props = { settings: Pick<ReportSettings, 'lastExport' | 'freshness'> };

export function ReportFreshness({ settings }: Props) {
  const { lastExport, freshness } = settings;
  if (!lastExport) return null;
  const when = <time dateTime={lastExport.at}>{moment.format(new Date(lastExport.at))}</time>;
  if (freshness.state === 'outdated') {
    return (
      <p className="notice notice--warning report-freshness" data-freshness="outdated">
        The last report (exported {when}) is out of date: {changedPhrase(freshness.changed)} changed since.
        Export again to include the changes.
      </p>
    );
  }
  if (freshness.state === 'current') {
    return (
      <p className="muted report-freshness" data-freshness="current">
        The last report (exported {when}) is up to date.
      </p>
    );
  }
  return (
    <p className="muted report-freshness" data-freshness={freshness.state}>
      Last exported {when}.
    </p>
  );
}
