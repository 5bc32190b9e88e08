/**
 * The parts of the verdict that argue: where the leader out-scores the runner-up (largest
 * advantage first) and where the runner-up is stronger, each voter's own answer, and the smallest
 * change of ratings that would flip the leader. The last two are worked out only here, where they
 * are shown, and memoized on the figures they read, so a slider frame elsewhere never pays for them.
 */
import { useMemo } from 'react';
import { answerPhrase, describeRatingFlip, ownAnswers, smallestRatingFlip } from '@shared/decision';
import type { Reason } from '@shared/decision';
import { formatPositivePoints } from '@shared/format/figures';
import type { WorkshopResult } from '@shared/workshop';
import './verdictDetails.css';

/** The console's classes, or the presenter's large-type ones. */
const CLASSES = {
  console: { title: 'verdict-reasons__title', list: 'reasons' },
  presenter: { title: 'presenter__heading', list: 'presenter__list' },
} as const;
type Variant = keyof typeof CLASSES;

function ReasonList({
  reasons,
  criteria,
  favoured,
  other,
  variant,
}: {
  reasons: readonly Reason[];
  criteria: readonly string[];
  favoured: string;
  other: string;
  variant: Variant;
}) {
  return (
    <ol className={CLASSES[variant].list}>
      {reasons.map((reason) => (
        <li key={reason.criterion}>
          <strong>
            <bdi>{criteria[reason.criterion]}</bdi>
          </strong>
          : {formatPositivePoints(reason.advantage)} points more for <bdi>{favoured}</bdi> than for{' '}
          <bdi>{other}</bdi>.
        </li>
      ))}
    </ol>
  );
}

/** "Why Django" and "Where Node.js is stronger", each ordered by the advantage in weighted points. */
export function Reasons({
  result,
  limit,
  variant = 'console',
}: {
  result: WorkshopResult;
  /** At most this many criteria in each list (the presenter's screen holds a few). */
  limit?: number;
  variant?: Variant;
}) {
  const rec = result.evaluation.recommendation;
  if (!rec.compared) return null;
  const criteria = result.model.criteria.map((c) => c.name);
  const first = result.model.candidates[rec.compared.first]?.name ?? '';
  const second = result.model.candidates[rec.compared.second]?.name ?? '';
  // With no votes nothing is recommended, so nothing is argued "why": only where each is stronger.
  const lead = rec.leader !== null && !result.usingSuggestedWeights;
  return (
    <div className="verdict-reasons">
      <h3 className={CLASSES[variant].title}>
        {lead ? (
          <>
            Why <bdi>{first}</bdi>
          </>
        ) : (
          <>
            Where <bdi>{first}</bdi> is stronger
          </>
        )}
      </h3>
      {rec.reasons.length > 0 ? (
        <ReasonList
          reasons={rec.reasons.slice(0, limit)}
          criteria={criteria}
          favoured={first}
          other={second}
          variant={variant}
        />
      ) : (
        <p className="muted">No criterion on which it out-scores {second}.</p>
      )}
      {rec.strongerForRunnerUp.length > 0 ? (
        <>
          <h3 className={CLASSES[variant].title}>
            Where <bdi>{second}</bdi> is stronger
          </h3>
          <ReasonList
            reasons={rec.strongerForRunnerUp.slice(0, limit)}
            criteria={criteria}
            favoured={second}
            other={first}
            variant={variant}
          />
        </>
      ) : null}
    </div>
  );
}

/**
 * "2 of 3 voters’ own weights pick Django: Priya and Marek; 1 picks Node.js: Tomasz": names only
 * when the room is not anonymous; nothing when no vote counts.
 */
export function OwnAnswers({
  result,
  anonymous,
  nameOf,
}: {
  result: WorkshopResult;
  anonymous: boolean;
  nameOf: (participantId: string) => string;
}) {
  const { participantWeights, ratings } = result.evaluation;
  const groups = useMemo(() => ownAnswers(participantWeights, ratings.matrix), [participantWeights, ratings]);
  if (result.usingSuggestedWeights || result.counted.length === 0) return null;
  const candidates = result.model.candidates.map((c) => c.name);
  const total = result.counted.length;
  const names = (voters: readonly number[]) =>
    anonymous ? null : (
      <>
        {' ('}
        {voters.map((v, i) => (
          <span key={result.counted[v]?.id ?? v}>
            {i > 0 ? ', ' : ''}
            <bdi>{nameOf(result.counted[v]?.id ?? '')}</bdi>
          </span>
        ))}
        {')'}
      </>
    );
  const [head, ...rest] = groups;
  if (!head) return null;
  return (
    <p className="own-answers" data-testid="own-answers">
      {total === 1
        ? 'The one counted voter’s own weights '
        : rest.length === 0
          ? `${total === 2 ? 'Both' : `All ${total}`} voters’ own weights `
          : `${head.voters.length} of ${total} voters’ own weights `}
      <bdi>{answerPhrase(head, candidates, true)}</bdi>
      {rest.length === 0 && total > 1 ? null : names(head.voters)}
      {rest.map((group) => (
        <span key={group.winners.join(',')}>
          , {group.voters.length} <bdi>{answerPhrase(group, candidates, group.voters.length !== 1)}</bdi>
          {names(group.voters)}
        </span>
      ))}
      .
    </p>
  );
}

/** The fewest one-point rating changes that put another candidate ahead, with the weights as they are. */
export function RatingFlip({ result }: { result: WorkshopResult }) {
  const { weights, ratings } = result.evaluation;
  const sentence = useMemo(() => {
    const flip = smallestRatingFlip(weights, ratings.matrix);
    return flip
      ? describeRatingFlip(flip, {
          criteria: result.model.criteria.map((c) => c.name),
          candidates: result.model.candidates.map((c) => c.name),
        })
      : null;
  }, [weights, ratings, result.model]);
  if (!sentence) return null;
  return (
    <p className="rating-flip" data-testid="rating-flip">
      <strong>Beyond the weights:</strong> {sentence}
    </p>
  );
}
