import type { SessionFieldName } from '@shared/sessions/schema';
import { SESSION_LIMITS } from '@shared/sessions/schema';
import { Field } from '../../components/Field';
import { ParticipantsEditor } from './ParticipantsEditor';
import type { FieldErrors, FormValues } from './validation';

type SessionFormProps = {
  values: FormValues;
  errors: FieldErrors;
  onChange: <N extends SessionFieldName>(name: N, value: FormValues[N]) => void;
  onBlur?: (name: SessionFieldName) => void;
  autoFocus?: boolean;
};

/** The session's fields; pure, so both "new session" and "edit session" render it. */
export function SessionForm({ values, errors, onChange, onBlur, autoFocus = false }: SessionFormProps) {
  const text = (name: 'clientName' | 'projectName' | 'facilitator', label: string, placeholder: string) => (
    <Field label={label} error={errors[name]} required>
      {(control) => (
        <input
          {...control}
          className="input"
          name={name}
          value={values[name]}
          placeholder={placeholder}
          autoFocus={autoFocus && name === 'clientName'}
          onChange={(event) => onChange(name, event.target.value)}
          onBlur={() => onBlur?.(name)}
        />
      )}
    </Field>
  );

  return (
    <div className="session-form">
      <div className="session-form__grid">
        {text('clientName', 'Client name', 'e.g. Northwind Logistics')}
        {text('projectName', 'Project name', 'e.g. Customer portal rebuild')}
        {text('facilitator', 'Facilitator', 'Your name')}
        <Field label="Workshop date" error={errors['workshopDate']} required>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              name="workshopDate"
              value={values.workshopDate}
              onChange={(event) => onChange('workshopDate', event.target.value)}
              onBlur={() => onBlur?.('workshopDate')}
            />
          )}
        </Field>
      </div>
      <Field
        label="Short description"
        error={errors['description']}
        hint={`What the client wants to decide, in a sentence or two. ${values.description.length} / ${SESSION_LIMITS.description}`}
      >
        {(control) => (
          <textarea
            {...control}
            className="input textarea"
            name="description"
            rows={3}
            value={values.description}
            placeholder="e.g. Choose the back-end stack for the new customer portal before the Q3 hiring round."
            onChange={(event) => onChange('description', event.target.value)}
            onBlur={() => onBlur?.('description')}
          />
        )}
      </Field>
      <ParticipantsEditor
        participants={values.participants}
        errors={errors}
        onChange={(participants) => onChange('participants', participants)}
        onBlur={() => onBlur?.('participants')}
      />
    </div>
  );
}
