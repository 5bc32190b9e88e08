import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { downloadText } from '../../app/download';
import { importNoticeFor } from './importNotice';

const EXPORTS = [
  {
    channel: 'portable:export',
    label: 'Session file',
    hint: 'everything, history and snapshots included, to open on another computer',
  },
  {
    channel: 'portable:csv',
    label: 'Scores as CSV',
    hint: 'weights, ratings and contributions for a spreadsheet',
  },
  {
    channel: 'portable:adr',
    label: 'Decision record',
    hint: 'Markdown in the MADR layout, for the client’s repository',
  },
] as const;

/** The session's data as files: a portable session file, a CSV, a decision record. */
export function SessionFiles({ sessionId }: { sessionId: string }) {
  // Right after an import, the card says what came in (a copy? its brand profile?).
  const [message, setMessage] = useState(() => importNoticeFor(sessionId));
  const save = async (channel: (typeof EXPORTS)[number]['channel']) => {
    try {
      const file = await api.invoke(channel, { sessionId });
      downloadText(file.fileName, file.text, file.mimeType);
      setMessage(`Saved “${file.fileName}”.`);
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : 'The file could not be made.');
    }
  };
  return (
    <section className="card session-files" aria-labelledby="files-title">
      <h2 id="files-title" className="card__title">
        Files
      </h2>
      <ul className="plain-list session-files__list">
        {EXPORTS.map(({ channel, label, hint }) => (
          <li key={channel}>
            <button type="button" className="button" onClick={() => void save(channel)}>
              {label}
            </button>
            <span className="muted"> {hint}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="muted">
        {message}
      </p>
    </section>
  );
}
