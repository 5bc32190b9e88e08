import { useState } from 'react';
import type { FormEvent } from 'react';
import { SessionDraftSchema } from '@shared/sessions/schema';
import type { SessionFieldName } from '@shared/sessions/schema';
import { ApiError } from '../../api/client';
import { mutate } from '../../api/queries';
import { navigate, routes } from '../../app/router';
import { SessionForm } from './SessionForm';
import { todayIsoDate } from './format';
import { useSessions } from './hooks';
import { checkField, errorsFromZod, withFieldErrors } from './validation';
import type { FieldErrors, FormValues } from './validation';

/** Creates a session. Once created, every later edit is saved as it is typed. */
export function NewSessionPage() {
  const recent = useSessions({ sort: 'updated', limit: 1 });
  const [values, setValues] = useState<FormValues>({
    clientName: '',
    projectName: '',
    facilitator: '',
    workshopDate: todayIsoDate(),
    description: '',
    participants: [],
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [touched, setTouched] = useState<ReadonlySet<SessionFieldName>>(new Set());
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();

  // Most facilitators run their own workshops: offer the name they used last time.
  const lastFacilitator = recent.data?.sessions[0]?.facilitator;
  const shown: FormValues =
    values.facilitator === '' && lastFacilitator && !touched.has('facilitator')
      ? { ...values, facilitator: lastFacilitator }
      : values;

  const change = <N extends SessionFieldName>(name: N, value: FormValues[N]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setTouched((current) => new Set(current).add(name));
    // Once a field has shown an error, re-check it as the user fixes it.
    if (Object.keys(errors).some((path) => path === name || path.startsWith(`${name}.`))) {
      const check = checkField(name, value);
      setErrors((current) => withFieldErrors(current, name, check.ok ? {} : check.errors));
    }
  };

  const blur = (name: SessionFieldName) => {
    if (!touched.has(name)) return;
    const check = checkField(name, shown[name]);
    setErrors((current) => withFieldErrors(current, name, check.ok ? {} : check.errors));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = SessionDraftSchema.safeParse(shown);
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error));
      return;
    }
    setSubmitting(true);
    setFailure(undefined);
    try {
      const session = await mutate('sessions:create', parsed.data);
      navigate(routes.session(session.id));
    } catch (caught) {
      if (caught instanceof ApiError && caught.field) setErrors({ [caught.field]: caught.message });
      else setFailure(caught instanceof Error ? caught.message : 'The session could not be created.');
      setSubmitting(false);
    }
  };

  const errorCount = Object.keys(errors).length;

  return (
    <section className="page page--narrow" aria-labelledby="new-session-title">
      <a className="back-link" href={routes.sessions()}>
        ← All sessions
      </a>
      <header className="page__header">
        <div>
          <h1 id="new-session-title" className="page__title">
            New session
          </h1>
          <p className="page__subtitle">Who the workshop is for, and who will be in the room.</p>
        </div>
      </header>
      <form className="card" noValidate onSubmit={(event) => void submit(event)}>
        <SessionForm values={shown} errors={errors} onChange={change} onBlur={blur} autoFocus />
        {errorCount > 0 ? (
          <p className="notice notice--error" role="alert">
            {errorCount === 1 ? 'One field needs attention.' : `${errorCount} fields need attention.`}
          </p>
        ) : null}
        {failure ? (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        ) : null}
        <div className="form-actions">
          <a className="button" href={routes.sessions()}>
            Cancel
          </a>
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? 'Creating…' : 'Create session'}
          </button>
        </div>
      </form>
    </section>
  );
}
