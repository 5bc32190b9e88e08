import { useState } from 'react';
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
import { NextStepsTable } from './NextStepsTable';
import { RiskRegister } from './RiskRegister';

/**
 * The free-text risks and next steps come from before the tables: shown (and printed) only when
 * they hold something, so nothing written earlier is lost and new sessions see only the tables.
 */
const NOTE_FIELDS: Array<{ field: NotesField; label: string; placeholder: string }> = [
  {
    field: 'notes',
    label: 'Notes from the discussion',
    placeholder: 'What the room said, what surprised people, what was agreed.',
  },
  {
    field: 'risks',
    label: 'Risks, as notes',
    placeholder: 'Risks written before the register; the report prints them after its table.',
  },
  {
    field: 'nextSteps',
    label: 'Next steps, as notes',
    placeholder: 'Next steps written before the table; the report prints them after it.',
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
  // An earlier text stays on screen while it is being emptied; it goes once the step is left.
  const [shownEarlier] = useState(() => ({
    risks: state.notes.risks.trim() !== '',
    nextSteps: state.notes.nextSteps.trim() !== '',
  }));
  const noteShown = (field: NotesField) =>
    field === 'notes' || shownEarlier[field] || state.notes[field].trim() !== '';
  const rec = result.evaluation.recommendation;
  const criteria = result.model.criteria.map((c) => c.name);
  const leader = rec.leader === null ? null : result.model.candidates[rec.leader]?.name;

  return (
    <>
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
        </div>
        <section className="card" aria-labelledby="notes-title">
          <h2 id="notes-title" className="card__title">
            For the report
          </h2>
          {NOTE_FIELDS.filter(({ field }) => noteShown(field)).map(({ field, label, placeholder }) => (
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
      <section className="card rows-card" aria-labelledby="rows-title">
        <h2 id="rows-title" className="card__title">
          Risks and next steps
        </h2>
        <p className="muted rows-card__intro">
          Each row is saved as it is typed and printed as a table in the report; rows left empty are not
          printed. Enter moves down a column and starts a new row at the end.
        </p>
        <RiskRegister rows={state.notes.riskRows} dispatch={dispatch} />
        <NextStepsTable rows={state.notes.actionRows} dispatch={dispatch} />
      </section>
      {/* Last, after everything the report says has been entered. */}
      <ReportPanel sessionId={sessionId} headline={reportHeadline(result)} />
    </>
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
