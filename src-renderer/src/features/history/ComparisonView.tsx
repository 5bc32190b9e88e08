import { useState } from 'react';
import { COMPARISON_SECTIONS, SECTION_LABELS } from '@shared/history/compare';
import type { Comparison, ComparisonRow } from '@shared/history/compare';
import type { ComparedSide } from '@shared/snapshots/schema';
import { formatMoment } from './format';
import { TextExcerpt } from './TextExcerpt';

type Props = { from: ComparedSide; to: ComparedSide; comparison: Comparison };

const heading = (side: ComparedSide) => (side.at ? `${side.name} (${formatMoment(side.at)})` : side.name);

/**
 * Two states side by side, section by section. Changed rows are marked three ways (a tinted row,
 * a bar at its edge and the word "changed"), never by colour alone.
 */
export function ComparisonView({ from, to, comparison }: Props) {
  const [onlyChanged, setOnlyChanged] = useState(false);
  const total = COMPARISON_SECTIONS.reduce((n, s) => n + comparison[s].filter((r) => r.changed).length, 0);
  return (
    <div className="comparison">
      <div className="comparison__summary">
        <p role="status">
          {total === 0
            ? 'Nothing differs between these two.'
            : `${total} ${total === 1 ? 'difference' : 'differences'}.`}
        </p>
        <label className="control control--toggle">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
          Only what changed
        </label>
      </div>
      {COMPARISON_SECTIONS.map((section) => {
        const rows = comparison[section];
        const changed = rows.filter((r) => r.changed).length;
        const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;
        if (shown.length === 0) return null;
        const title = (
          <>
            {SECTION_LABELS[section]}
            <span className={changed ? 'badge badge--warning' : 'badge'}>
              {changed === 0 ? 'unchanged' : `${changed} changed`}
            </span>
          </>
        );
        const table = (
          <table className="comparison__table">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">{heading(from)}</th>
                <th scope="col">{heading(to)}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <Row key={`${row.what}-${i}`} row={row} />
              ))}
            </tbody>
          </table>
        );
        return (
          <section key={section} className="comparison__section" aria-label={SECTION_LABELS[section]}>
            {changed === 0 ? (
              // Nothing to see at a glance: folded, one click away.
              <details>
                <summary className="comparison__title">{title}</summary>
                {table}
              </details>
            ) : (
              <>
                <h3 className="comparison__title">{title}</h3>
                {table}
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}

function Row({ row }: { row: ComparisonRow }) {
  const { text } = row;
  return (
    <tr className={row.changed ? 'comparison__row comparison__row--changed' : 'comparison__row'}>
      <th scope="row">
        <bdi>{row.what}</bdi>
        {row.changed ? <span className="comparison__flag"> changed</span> : null}
        {text ? <span className="text-excerpt__summary">{text.summary}</span> : null}
      </th>
      <td>{text ? <TextExcerpt parts={text.before} /> : (row.before ?? <NotThere />)}</td>
      <td>{text ? <TextExcerpt parts={text.after} /> : (row.after ?? <NotThere />)}</td>
    </tr>
  );
}

const NotThere = () => <span className="muted">not there</span>;
