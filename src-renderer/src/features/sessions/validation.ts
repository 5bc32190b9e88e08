/**
 * Client-side checks with the very schemas the main side enforces, so the facilitator sees an
 * error beside the field as they type, and the server can never disagree with the form.
 */
import type { z } from 'zod';
import { SessionFieldsSchema } from '@shared/sessions/schema';
import type { ParticipantDraft, SessionFieldName, SessionFields } from '@shared/sessions/schema';

export type FormValues = {
  clientName: string;
  projectName: string;
  facilitator: string;
  workshopDate: string;
  description: string;
  participants: ParticipantDraft[];
};

/** Field path ("clientName", "participants.2.name") -> message. */
export type FieldErrors = Record<string, string>;

export function errorsFromZod(error: z.ZodError, prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

export type FieldCheck<N extends SessionFieldName> =
  { ok: true; value: SessionFields[N] } | { ok: false; errors: FieldErrors };

export function checkField<N extends SessionFieldName>(name: N, value: FormValues[N]): FieldCheck<N> {
  const result = SessionFieldsSchema.shape[name].safeParse(value);
  return result.success
    ? { ok: true, value: result.data as SessionFields[N] }
    : { ok: false, errors: errorsFromZod(result.error, name) };
}

/** Replaces the errors under `name` (including nested ones) with `next`. */
export function withFieldErrors(errors: FieldErrors, name: string, next: FieldErrors): FieldErrors {
  const kept = Object.fromEntries(
    Object.entries(errors).filter(([path]) => path !== name && !path.startsWith(`${name}.`)),
  );
  return { ...kept, ...next };
}
