/**
 * Saves each edit of a session as soon as it is valid: a short pause after typing, at once when
 * the field loses focus, and before the page goes away. Saves run one after another and each is
 * based on the revision the previous one returned, so this window never conflicts with itself.
 * An invalid value is never sent; its error stays beside the field and the stored value is
 * untouched. Another window's change (the session's revision moved on) is merged into the form
 * without touching what the user is editing; a write refused as stale refreshes the form and says
 * so. Until a change is stored, the indicator says "Not saved", whatever the reason.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionFieldName, SessionRecord } from '@shared/sessions/schema';
import { api, ApiError } from '../../api/client';
import { mutate } from '../../api/queries';
import type { SaveState } from '../../components/SaveStatus';
import { changesSince, expectedAfter, FIELD_LABELS, rebase, standing, toFormValues } from './rebase';
import { checkField, withFieldErrors } from './validation';
import type { FieldErrors, FormValues } from './validation';

const SAVE_DELAY_MS = 400;
/** When the main side or the web host cannot be reached, the edit is kept and tried again. */
const RETRY_DELAY_MS = 3000;

export { toFormValues };

const CHANGED_ELSEWHERE =
  'This session was changed in another window. Your change was not saved; the page now shows the latest version.';

function lostNotice(fields: readonly SessionFieldName[]): string {
  const names = fields.map((f) => FIELD_LABELS[f]).join(', ');
  return `This session was changed in another window. Your change to ${names} was not saved; the page now shows the latest version.`;
}

/** A field path from the main side ("patch.participants.add.0.name") as the form's error key. */
function formField(field: string): string {
  const path = field.replace(/^patch\./, '');
  return path.startsWith('participants.') && !/^participants\.\d+\./.test(path) ? 'participants' : path;
}

export function useAutosave(session: SessionRecord) {
  const [values, setValuesState] = useState<FormValues>(() => toFormValues(session));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const [conflict, setConflict] = useState<string>();
  const valuesRef = useRef(values);
  const setValues = useCallback((next: FormValues) => {
    valuesRef.current = next;
    setValuesState(next);
  }, []);
  /** The stored copy the form was last in step with, and its revision. */
  const base = useRef({ values: toFormValues(session), revision: session.revision });
  /** The newest copy the query cache has shown (another window's change arrives here). */
  const latest = useRef(session);
  const timer = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const busy = useRef(0);

  /** Brings the form up to `server`, keeping the user's edits; says when one of them lost. */
  const adopt = useCallback(
    (server: SessionRecord, expected: FormValues) => {
      if (server.revision < base.current.revision) return;
      const merged = rebase(valuesRef.current, expected, server);
      base.current = { values: toFormValues(server), revision: server.revision };
      setValues(merged.values);
      if (merged.lost.length > 0) {
        const notice = lostNotice(merged.lost);
        setConflict(notice);
        setSaveState({ status: 'failed', message: notice });
        setErrors((current) => merged.lost.reduce((kept, name) => withFieldErrors(kept, name, {}), current));
      }
    },
    [setValues],
  );

  const flush = useCallback((): Promise<void> => {
    window.clearTimeout(timer.current);
    busy.current++;
    queue.current = queue.current.then(async () => {
      try {
        await save();
      } finally {
        busy.current--;
      }
    });
    return queue.current;

    async function save(): Promise<void> {
      const from = base.current;
      const patch = changesSince(from.values, valuesRef.current);
      if (Object.keys(patch).length === 0) {
        const now = standing(from.values, valuesRef.current);
        setSaveState((current) => (current.status === 'failed' ? current : now));
        return;
      }
      setSaveState({ status: 'saving' });
      try {
        const saved = await mutate('sessions:update', { id: session.id, baseRevision: from.revision, patch });
        adopt(saved, expectedAfter(from.values, patch));
        // The cache may already hold a newer copy (another window wrote after this save).
        if (latest.current.revision > saved.revision) adopt(latest.current, base.current.values);
        const now = standing(base.current.values, valuesRef.current);
        setSaveState(now);
        if (now.status === 'pending') timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
      } catch (caught) {
        const error =
          caught instanceof ApiError ? caught : new ApiError({ code: 'internal', message: 'Saving failed.' });
        if (error.code === 'conflict') {
          await refresh(from.values);
          setConflict(error.message || CHANGED_ELSEWHERE);
          // The notice above the form says it in full; the indicator stays short.
          setSaveState({ status: 'failed', message: 'changed in another window' });
          // Edits to fields nobody else changed are still in the form: save them on the new copy.
          if (standing(base.current.values, valuesRef.current).status === 'pending') {
            timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
          }
          return;
        }
        if (error.code === 'invalid_input' && error.field) {
          setErrors((current) => ({
            ...current,
            [formField(error.field ?? '')]: error.message.replace(/^[\w.]+: /, ''),
          }));
        } else if (error.code === 'unreachable') {
          // The edit stays in the form (it differs from the stored copy) and is sent again.
          timer.current = window.setTimeout(() => void flush(), RETRY_DELAY_MS);
        }
        setSaveState({ status: 'failed', message: error.message });
      }
    }

    async function refresh(expected: FormValues): Promise<void> {
      try {
        adopt(await api.invoke('sessions:get', { id: session.id }), expected);
      } catch {
        // Unreachable now too: the form keeps what it has; the next save tries again.
      }
    }
  }, [adopt, session.id]);

  // Another window changed the session: the cache refetched it; merge it in unless a save is
  // running (that save's answer is merged instead, and then this copy if it is newer).
  useEffect(() => {
    latest.current = session;
    if (busy.current === 0 && session.revision > base.current.revision) adopt(session, base.current.values);
  }, [adopt, session]);

  const change = useCallback(
    <N extends SessionFieldName>(name: N, value: FormValues[N]) => {
      setValues({ ...valuesRef.current, [name]: value });
      const check = checkField(name, value);
      setErrors((current) => withFieldErrors(current, name, check.ok ? {} : check.errors));
      window.clearTimeout(timer.current);
      if (!check.ok) {
        const first = Object.values(check.errors)[0] ?? 'a field needs attention.';
        setSaveState({ status: 'invalid', message: first });
        return;
      }
      setSaveState({ status: 'pending' });
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, setValues],
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

  return {
    values,
    errors,
    saveState,
    change,
    flush,
    conflict,
    dismissConflict: () => setConflict(undefined),
  };
}
