/**
 * One side of a long text that changed: the changed stretch marked inside a little of the text
 * around it. The mark is a tint, an underline and (for screen readers) the words "changed:",
 * never colour alone.
 */
import type { TextParts } from '@shared/history/textChange';
import './textChange.css';

export function TextExcerpt({ parts }: { parts: TextParts }) {
  return (
    <bdi className="text-excerpt">
      {parts.lead}
      {parts.changed ? (
        <mark className="text-excerpt__changed">
          <span className="visually-hidden">changed: </span>
          {parts.changed}
        </mark>
      ) : (
        // Nothing here on this side: a caret shows where the other side's text sits.
        <span className="text-excerpt__gap" aria-label="(nothing here)">
          ‸
        </span>
      )}
      {parts.trail}
    </bdi>
  );
}
