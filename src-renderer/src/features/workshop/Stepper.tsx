import { STEP_LABELS, STEPS } from '@shared/workshop';
import type { Step } from '@shared/workshop';

/** The five steps; any can be visited, in any order. */
export function Stepper({ step, onStep }: { step: Step; onStep: (step: Step) => void }) {
  const current = STEPS.indexOf(step);
  return (
    <nav className="stepper" aria-label="Workshop steps">
      <ol className="stepper__list">
        {STEPS.map((s, index) => (
          <li key={s} className="stepper__item">
            <button
              type="button"
              className={`stepper__button${index === current ? ' stepper__button--current' : ''}${index < current ? ' stepper__button--done' : ''}`}
              aria-current={index === current ? 'step' : undefined}
              onClick={() => onStep(s)}
            >
              <span className="stepper__number" aria-hidden="true">
                {index + 1}
              </span>
              {STEP_LABELS[s]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
