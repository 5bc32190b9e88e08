/**
 * What the console says about the room's votes: who has voted while results are hidden, that no
 * one has weighed in yet, and which pairwise answers are left out as inconsistent. Every sentence
 * is read from the round's ballots, so it is true of what the room did.
 */
import { formatScore } from '@shared/format/figures';
import { CONSISTENCY_LIMIT } from '@shared/decision';
import type { Action, BallotState, HiddenView, WorkshopResult } from '@shared/workshop';
import { Verdict } from './Verdict';
import './roomStatus.css';

export const BALLOT_LABELS: Record<BallotState, string> = {
  voted: 'Voted',
  abstained: 'Abstained',
  notYet: 'Not voted yet',
};

/** "2 of 4 voters have voted in round 2, 1 abstained" (without the round when it is said already). */
export function ballotSentence(
  ballots: { voted: number; abstained: number; notYet: number },
  round?: number,
): string {
  const voters = ballots.voted + ballots.abstained + ballots.notYet;
  const voted = `${ballots.voted} of ${voters} ${voters === 1 ? 'voter has' : 'voters have'} voted${round === undefined ? '' : ` in round ${round}`}`;
  return ballots.abstained > 0 ? `${voted}, ${ballots.abstained} abstained` : voted;
}

/** The one deliberate command that shows the room's results. */
export function RevealButton({ dispatch }: { dispatch: (action: Action) => void }) {
  return (
    <button
      type="button"
      className="button button--primary"
      onClick={() => dispatch({ type: 'setRevealed', revealed: true })}
    >
      Reveal results
    </button>
  );
}

/** In place of results while inputs are hidden: who has voted, and the one command that reveals. */
export function HiddenResults({
  view,
  nameOf,
  dispatch,
}: {
  view: HiddenView;
  nameOf: (id: string) => string;
  dispatch: (action: Action) => void;
}) {
  return (
    <section className="card hidden-inputs" role="status" aria-label="Results hidden">
      <p className="hidden-inputs__title">Results are hidden until you reveal them</p>
      <p>
        {ballotSentence(view.ballots, view.round)}. No weights, scores or ranking are shown until then, so
        nobody anchors on anyone else.
      </p>
      <BallotList voters={view.voters} nameOf={nameOf} />
      <RevealButton dispatch={dispatch} />
    </section>
  );
}

export function BallotList({
  voters,
  nameOf,
  align = 'center',
}: {
  voters: HiddenView['voters'];
  nameOf: (id: string) => string;
  align?: 'center' | 'start';
}) {
  return (
    <ul className={`ballots ballots--${align}`} aria-label="Who has voted">
      {voters.map((voter) => (
        <li key={voter.id} className={`ballots__item ballots__item--${voter.ballot}`}>
          <bdi>{nameOf(voter.id)}</bdi>: {BALLOT_LABELS[voter.ballot]}
        </li>
      ))}
    </ul>
  );
}

/** Whether the weights the results use are all equal (no profile answer changed any). */
function equalWeights(result: WorkshopResult): boolean {
  const [first = 0, ...rest] = result.evaluation.weights;
  return rest.every((w) => Math.abs(w - first) < 1e-9);
}

/** What the weights are when no vote counts: the suggestion, labelled as such. */
export function suggestionLabel(result: WorkshopResult): string {
  return equalWeights(result) ? 'equal weights' : 'the weights the project profile suggests';
}

/**
 * Shown above the results when no vote counts: says so, and what the figures use instead. No
 * confidence comes from votes that were not cast.
 */
export function NoVotesNotice({ result }: { result: WorkshopResult }) {
  if (!result.usingSuggestedWeights) return null;
  const { ballots } = result;
  return (
    <div className="notice notice--info no-votes" role="status">
      <p className="no-votes__title">
        {ballots.voted === 0 ? 'No one has weighed in yet' : 'No vote counts yet'}
      </p>
      <p>
        {ballots.voted === 0
          ? `These are the built-in ratings with ${suggestionLabel(result)}, not the room’s.`
          : `The votes so far are left out (see the room’s weights), so these are the built-in ratings with ${suggestionLabel(result)}.`}{' '}
        No confidence is claimed until the room votes.
      </p>
    </div>
  );
}

/** Who leads on the suggested weights, without a confidence the room has not given. */
export function SuggestedVerdict({ result, large = false }: { result: WorkshopResult; large?: boolean }) {
  const rec = result.evaluation.recommendation;
  const names = result.model.candidates.map((c) => c.name);
  const leader = rec.leader === null ? null : names[rec.leader];
  const runnerUp = rec.runnerUp === null ? null : names[rec.runnerUp];
  return (
    <div className={`verdict verdict--none${large ? ' verdict--large' : ''}`} role="status">
      <p className="verdict__headline">
        {leader
          ? `On ${suggestionLabel(result)}, ${leader} leads${runnerUp ? ` ${runnerUp}` : ''}`
          : `On ${suggestionLabel(result)}, ${rec.ranking.leaders.map((i) => names[i]).join(' and ')} are tied`}
      </p>
      <p className="verdict__confidence">
        <span className="verdict__badge">No votes yet</span> No confidence is claimed: no one’s weights count
        yet.
      </p>
    </div>
  );
}

/**
 * Inconsistent pairwise answers: left out until revised or counted anyway. With `dispatch` (the
 * console) each can be included; without names (anonymous presenter) only the count is said.
 */
export function InconsistentNotices({
  result,
  nameOf,
  named = true,
  dispatch,
}: {
  result: WorkshopResult;
  nameOf: (id: string) => string;
  named?: boolean;
  dispatch?: (action: Action) => void;
}) {
  const { inconsistent } = result.ballots;
  if (inconsistent.length === 0) return null;
  const limit = formatScore(CONSISTENCY_LIMIT, 2);
  if (!named) {
    const left = inconsistent.filter((i) => !i.included).length;
    return (
      <p className="notice notice--warning" role="status">
        {left > 0
          ? `${left} ${left === 1 ? 'vote is' : 'votes are'} left out: the pairwise answers contradict each other (consistency above ${limit}).`
          : null}
        {inconsistent.length - left > 0
          ? ` ${inconsistent.length - left} inconsistent ${inconsistent.length - left === 1 ? 'vote is' : 'votes are'} counted anyway.`
          : null}
      </p>
    );
  }
  return (
    <>
      {inconsistent.map(({ participant, consistencyRatio, included }) => (
        <div key={participant.id} className="notice notice--warning inconsistent" role="status">
          <span>
            <bdi>{nameOf(participant.id)}</bdi>’s pairwise answers contradict each other (consistency ratio{' '}
            {/* Three decimals, so a ratio just over the limit never reads as the limit itself. */}
            {formatScore(consistencyRatio, 3)}, above {limit}):{' '}
            {included ? 'counted anyway, as you chose.' : 'left out of the room’s weights until revised.'}
          </span>
          {dispatch ? (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                dispatch({ type: 'includeInconsistent', participantId: participant.id, include: !included })
              }
            >
              {included ? 'Leave out' : 'Include anyway'}
            </button>
          ) : null}
        </div>
      ))}
    </>
  );
}

/** The verdict as the room has earned it: with no vote counted, who leads on the suggestion only. */
export function RoomVerdict({
  result,
  large = false,
  notice = true,
}: {
  result: WorkshopResult;
  large?: boolean;
  /** Whether to say above it that no vote counts (the presenter says it once, at the top). */
  notice?: boolean;
}) {
  return result.usingSuggestedWeights ? (
    <>
      {notice ? <NoVotesNotice result={result} /> : null}
      <SuggestedVerdict result={result} large={large} />
    </>
  ) : (
    <Verdict result={result} large={large} />
  );
}
