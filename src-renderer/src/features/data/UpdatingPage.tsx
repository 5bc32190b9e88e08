/**
 * Shown instead of the app on the first start after an upgrade, while the database is updated to
 * this version off the main side (a large change log takes minutes to convert). Nothing can be
 * read or saved meanwhile, so the screen only says what is happening and how far it has got;
 * `data:status` events move it on, and bring the app back when the update is done.
 */
import type { DataStatus } from '@shared/data/contract';
import './updating.css';

type Updating = Extract<DataStatus, { state: 'updating' }>;

const number = new Intl.NumberFormat();

export function UpdatingPage({ status }: { status: Updating }) {
  const { count } = status;
  return (
    <section className="page page--narrow updating" aria-labelledby="updating-title">
      <h1 id="updating-title" className="page__title">
        Updating your data to this version…
      </h1>
      <p>This happens once; nothing is lost if the app is closed now — it starts again next time.</p>
      <p className="updating__step" role="status">
        Step {status.step} of {status.steps}: {status.task}
      </p>
      {count ? (
        <>
          <progress
            className="updating__bar"
            aria-label="Update progress"
            value={count.done}
            max={count.total}
          />
          <p className="muted">
            {number.format(count.done)} of {number.format(count.total)} {count.of}
          </p>
        </>
      ) : (
        <progress className="updating__bar" aria-label="Update progress" />
      )}
      <p className="muted">
        Database: <span className="data-paths__path">{status.databasePath}</span>
      </p>
    </section>
  );
}
