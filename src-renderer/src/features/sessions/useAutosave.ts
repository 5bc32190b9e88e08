/**
 * Saves each edit of a session as soon as it is valid: a short pause after typing, at once when
 * the field loses focus, and before the page goes away. Saves run one after another, so the last
 * thing typed is the last thing written. An invalid value is never sent; its error stays beside
 * the field and the stored value is untouched.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantDraft, Session, SessionFieldName, SessionPatch } from '@shared/sessions/schema';
import { ApiError } from '../../api/client';
import { mutate } from '../../api/queries';
import type { SaveState } from '../../components/SaveStatus';
import { checkField, withFieldErrors } from './validation';
import type { FieldErrors, FormValues } from './validation';

const SAVE_DELAY_MS = 400;

export function toFormValues(session: Session): FormValues {
  return {
    clientName: session.clientName,
    projectName: session.projectName,
    facilitator: session.facilitator,
    workshopDate: session.workshopDate,
    description: session.description,
    participants: session.participants,
  };
}

const sameNames = (a: readonly ParticipantDraft[], b: readonly ParticipantDraft[]) =>
  a.length === b.length && a.every((p, i) => p.name.trim() === b[i]?.name.trim());

export function useAutosave(session: Session) {
  const [values, setValues] = useState<FormValues>(() => toFormValues(session));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const pending = useRef<SessionPatch>({});
  const timer = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return queue.current;
    pending.current = {};
    setSaveState({ status: 'saving' });

    queue.current = queue.current.then(async () => {
      try {
        const saved = await mutate('sessions:update', { id: session.id, patch });
        // New participants get their ids from the main side; adopt them if the list is unchanged.
        if (patch.participants) {
          const sent = patch.participants;
          setValues((current) =>
            sameNames(current.participants, sent)
              ? { ...current, participants: saved.participants }
              : current,
          );
        }
        if (Object.keys(pending.current).length === 0) setSaveState({ status: 'saved' });
      } catch (caught) {
        const error =
          caught instanceof ApiError ? caught : new ApiError({ code: 'internal', message: 'Saving failed.' });
        if (error.code === 'invalid_input' && error.field) {
          const field = error.field.replace(/^patch\./, '');
          setErrors((current) => ({ ...current, [field]: error.message.replace(/^[\w.]+: /, '') }));
        } else {
          // Not the user's fault: keep the edit and try again with the next change.
          pending.current = { ...patch, ...pending.current };
        }
        setSaveState({ status: 'failed', message: error.message });
      }
    });
    return queue.current;
  }, [session.id]);

  const change = useCallback(
    <N extends SessionFieldName>(name: N, value: FormValues[N]) => {
      setValues((current) => ({ ...current, [name]: value }));
      const check = checkField(name, value);
      setErrors((current) => withFieldErrors(current, name, check.ok ? {} : check.errors));
      window.clearTimeout(timer.current);
      if (!check.ok) {
        delete pending.current[name];
        const first = Object.values(check.errors)[0] ?? 'a field needs attention.';
        setSaveState({ status: 'invalid', message: first });
        return;
      }
      pending.current = { ...pending.current, [name]: check.value };
      setSaveState({ status: 'pending' });
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      void flush();
    };
  }, [flush]);

  return { values, errors, saveState, change, flush };
}
