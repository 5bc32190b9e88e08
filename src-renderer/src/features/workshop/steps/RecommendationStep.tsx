import { CONFIDENCE_RULE, formatRelativeMargin } from '@shared/decision';
import { reportHeadline } from '@shared/report/model';
import { namesHidden, NOTES_MAX } from '@shared/workshop';
import type { NotesField } from '@shared/workshop';
import { Field } from '../../../components/Field';
import { useLimitedText } from '../../../components/useLimitedText';
import { ReportPanel } from '../../report';
import { HiddenResults, RoomVerdict } from '../RoomStatus';
import type { StepProps } from '../types';
import { OwnAnswers, RatingFlip, Reasons } from '../VerdictDetails';

const NOTE_FIELDS: Array<{ field: NotesField; label: string; placeholder: string }> = [
  {
    field: 'notes',
    label: 'Notes from the discussion',
    placeholder: 'What the room said, what surprised people, what was agreed.',
  },
  {
    field: 'risks',
    label: 'Risks',
    placeholder: 'What could make this choice go wrong, and how to watch for it.',
  },
  {
    field: 'nextSteps',
    label: 'Next steps',
    placeholder: 'Who does what next: a spike, a hiring plan, a review date.',
  },
];

/** The engine's recommendation with its reasons, and the facilitator's notes, risks and next steps. */
export function RecommendationStep(props: StepProps) {
  // While inputs are hidden, who has voted stands in for the whole step: no figure is rendered.
  if (props.view.hidden)
    return <HiddenResults view={props.view} nameOf={props.nameOf} dispatch={props.dispatch} />;
  return <RecommendationResults {...props} result={props.view.result} />;
}

function RecommendationResults({ sessionId, state, result, dispatch, nameOf }: StepProps) {
  const rec = result.evaluation.recommendation;
  const criteria = result.model.criteria.map((c) => c.name);
  const leader = rec.leader === null ? null : result.model.candidates[rec.leader]?.name;

  return (
    <div className="step-grid">
      <div className="stack">
        <RoomVerdict result={result} />
        <section className="card" aria-labelledby="reasons-title">
          <h2 id="reasons-title" className="card__title">
            {leader && !result.usingSuggestedWeights
              ? 'The reasons, and what would change them'
              : 'Where the candidates stand'}
          </h2>
          <Reasons result={result} />
          <OwnAnswers result={result} anonymous={namesHidden(state)} nameOf={nameOf} />
          {rec.closestFlip ? (
            <p className="muted">
              Most sensitive point:{' '}
              {result.evaluation.flips.find((f) => f.criterion === rec.closestFlip?.criterion)?.sentence}
            </p>
          ) : null}
          <RatingFlip result={result} />
          <details className="rule-text">
            <summary>How confidence is decided</summary>
            <p>{CONFIDENCE_RULE}</p>
            <p>
              Current lead: {formatRelativeMargin(rec.relativeMargin)} of the leader’s score. Criteria the
              room disagrees on:{' '}
              {rec.flaggedCriteria.length === 0
                ? 'none'
                : rec.flaggedCriteria.map((k) => criteria[k]).join(', ')}
              .
            </p>
          </details>
        </section>
        <ReportPanel sessionId={sessionId} headline={reportHeadline(result)} />
      </div>
      <section className="card" aria-labelledby="notes-title">
        <h2 id="notes-title" className="card__title">
          For the report
        </h2>
        {NOTE_FIELDS.map(({ field, label, placeholder }) => (
          <NoteField
            key={field}
            label={label}
            placeholder={placeholder}
            stored={state.notes[field]}
            save={(text) => dispatch({ type: 'setNotes', field, text })}
          />
        ))}
      </section>
    </div>
  );
}

/** One of the report's notes, saved as it is typed while it fits; past the limit, flagged and kept. */
function NoteField({
  label,
  placeholder,
  stored,
  save,
}: {
  label: string;
  placeholder: string;
  stored: string;
  save: (text: string) => void;
}) {
  const text = useLimitedText(stored, NOTES_MAX, label, save);
  return (
    <Field label={label} error={text.error} count={{ length: text.value.length, max: NOTES_MAX }}>
      {(control) => (
        <textarea
          {...control}
          className="input textarea"
          rows={5}
          placeholder={placeholder}
          value={text.value}
          onChange={(e) => text.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
