/** The criterion editor and the small text inputs of the criteria step, with their checks. */
import { useState } from 'react';
import {
  CandidateNameSchema,
  CriterionNameSchema,
  DescriptionSchema,
  duplicateNameMessage,
  ITEM_LIMITS,
} from '@shared/workshop';
import type { WorkshopCandidate, WorkshopCriterion } from '@shared/workshop';
import { CharacterCount, overLimitMessage } from '../../../components/Field';
import { useLimitedText } from '../../../components/useLimitedText';

/** Why a name cannot be saved (the same rules the main side applies), or undefined when it can. */
export function nameProblem(
  kind: 'criterion' | 'candidate',
  items: ReadonlyArray<WorkshopCriterion | WorkshopCandidate>,
  name: string,
  exceptId?: string,
): string | undefined {
  const parsed = (kind === 'criterion' ? CriterionNameSchema : CandidateNameSchema).safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message;
  return duplicateNameMessage(items, kind, name, exceptId) ?? undefined;
}

export function FieldMessages({
  id,
  error,
  length,
  max,
}: {
  id: string;
  error?: string;
  length: number;
  max: number;
}) {
  return (
    <>
      <CharacterCount length={length} max={max} />
      {error ? (
        <span id={id} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

export function CriterionEditor({
  criterion,
  criteria,
  onSave,
  onCancel,
}: {
  criterion?: WorkshopCriterion;
  criteria: readonly WorkshopCriterion[];
  onSave: (name: string, description: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(criterion?.name ?? '');
  const [description, setDescription] = useState(criterion?.description ?? '');
  const [refused, setRefused] = useState<{ name?: string; description?: string }>({});
  const label = criterion ? 'Save criterion' : 'Add criterion';
  const nameError = overLimitMessage('Criterion name', name.length, ITEM_LIMITS.name) ?? refused.name;
  const descriptionError =
    overLimitMessage('What it means', description.length, ITEM_LIMITS.description) ?? refused.description;
  const nameErrorId = `${criterion?.id ?? 'new'}-criterion-name-error`;
  const descriptionErrorId = `${criterion?.id ?? 'new'}-criterion-description-error`;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        // Refused here with the reason, the typing kept, rather than sent and lost.
        const problem = {
          name: nameProblem('criterion', criteria, name, criterion?.id),
          description: DescriptionSchema.safeParse(description).error?.issues[0]?.message,
        };
        setRefused(problem);
        if (problem.name || problem.description) return;
        onSave(name.trim(), description.trim());
        if (!criterion) {
          setName('');
          setDescription('');
        }
      }}
    >
      <label className="inline-form__field">
        <span className="field__label">Criterion name</span>
        <input
          className="input"
          value={name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? nameErrorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setRefused((current) => ({ ...current, name: undefined }));
          }}
          placeholder="e.g. Hiring market"
        />
        <FieldMessages id={nameErrorId} error={nameError} length={name.length} max={ITEM_LIMITS.name} />
      </label>
      <label className="inline-form__field inline-form__field--wide">
        <span className="field__label">What it means</span>
        <input
          className="input"
          value={description}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? descriptionErrorId : undefined}
          onChange={(e) => {
            setDescription(e.target.value);
            setRefused((current) => ({ ...current, description: undefined }));
          }}
          placeholder="e.g. How easily we can hire developers for the stack in our city"
        />
        <FieldMessages
          id={descriptionErrorId}
          error={descriptionError}
          length={description.length}
          max={ITEM_LIMITS.description}
        />
      </label>
      <div className="inline-form__actions">
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          {label}
        </button>
      </div>
    </form>
  );
}

/** A rating's reason, saved as it is typed while it fits; past the limit, flagged and kept. */
export function ReasonInput({
  id,
  label,
  stored,
  disabled,
  save,
}: {
  id: string;
  label: string;
  stored: string;
  disabled: boolean;
  save: (text: string) => void;
}) {
  const text = useLimitedText(stored, ITEM_LIMITS.reason, 'The reason', save);
  return (
    <>
      <input
        className="input"
        aria-label={`Reason for ${label}`}
        aria-invalid={text.error ? true : undefined}
        aria-describedby={text.error ? `${id}-error` : undefined}
        value={text.value}
        disabled={disabled}
        placeholder={disabled ? 'Rate first' : 'Why this rating'}
        onChange={(e) => text.onChange(e.target.value)}
      />
      <FieldMessages
        id={`${id}-error`}
        error={text.error}
        length={text.value.length}
        max={ITEM_LIMITS.reason}
      />
    </>
  );
}
