/**
 * Before an export: the characters the PDF will still print as □ (emoji and other characters none
 * of the report's fonts can draw), found on the main side with the fonts the PDF embeds. A
 * warning only; the report can be exported as it is.
 */
import type { ReportCheck } from '@shared/report/contract';

/** Characters listed by name; the rest are counted. */
const LISTED = 8;

const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`);

export function UnprintableWarning({ check }: { check: ReportCheck | undefined }) {
  if (!check || check.unprintable.length === 0) return null;
  const listed = check.unprintable.slice(0, LISTED);
  const more = check.unprintable.length - listed.length;
  return (
    <div className="notice notice--warning unprintable" role="note" aria-labelledby="unprintable-title">
      <p id="unprintable-title" className="unprintable__title">
        {check.boxes === 1
          ? 'One character will print as □ in the PDF, because the report’s fonts cannot draw it:'
          : `${check.boxes} characters will print as □ in the PDF, because the report’s fonts cannot draw them:`}
      </p>
      <ul className="unprintable__list">
        {listed.map((item) => (
          <li key={item.text}>
            <span className="unprintable__char" aria-hidden="true">
              {item.text}
            </span>{' '}
            <span className="unprintable__code">{item.codePoints.join(' ')}</span>, {times(item.count)}, in{' '}
            {item.places.map((place) => `“${place}”`).join(', ')}
          </li>
        ))}
      </ul>
      {more > 0 ? <p>And {more} more.</p> : null}
      <p className="unprintable__hint">
        Replace them with words to print them; you can still export as it is.
      </p>
    </div>
  );
}
