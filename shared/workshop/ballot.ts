/**
 * A whole ballot from a participant's own device, checked against the session's current criteria.
 * A phone sends one method's complete answer at once (unlike the console, which changes one value
 * at a time), so the check is for completeness: every criterion once, points adding up to 100,
 * every pair answered. A refused ballot names the field, in the words the phone shows.
 */
import type { BallotSubmission } from '../room/schema';
import { hasOwnKey, own, recordOf } from '../util/records';
import { pairKey } from './schema';
import type { ParticipantInputs, WorkshopState } from './schema';

/** The error the reducer throws, made by the caller so this module needs no reducer import. */
type Fail = (message: string, field?: string) => never;

/** The ballot's answer as stored inputs: the method it was given in, with that method's values. */
export type BallotInputs = Pick<ParticipantInputs, 'method'> & Partial<ParticipantInputs>;

const FIELD = 'ballot';

/** Refuses keys that are not exactly the expected ones, naming the first missing or extra one. */
function exactKeys(
  given: Readonly<Record<string, unknown>>,
  expected: readonly string[],
  field: string,
  words: { missing: (key: string) => string; extra: string },
  fail: Fail,
): void {
  for (const key of expected) if (!hasOwnKey(given, key)) fail(words.missing(key), `${field}.${key}`);
  const known = new Set(expected);
  for (const key of Object.keys(given)) if (!known.has(key)) fail(words.extra, `${field}.${key}`);
}

/** The ballot as inputs for `state`'s criteria, or a refusal naming what is missing or wrong. */
export function ballotInputs(state: WorkshopState, ballot: BallotSubmission, fail: Fail): BallotInputs {
  const ids = state.criteria.map((c) => c.id);
  const name = (id: string) => state.criteria.find((c) => c.id === id)?.name ?? id;
  switch (ballot.method) {
    case 'direct': {
      const field = `${FIELD}.direct`;
      exactKeys(
        ballot.direct,
        ids,
        field,
        {
          missing: (id) => `The ballot has no weight for ${name(id)}.`,
          extra: 'The ballot weighs a criterion this session does not have.',
        },
        fail,
      );
      // Every slider at 0 says nothing about what matters; the engine could not count it.
      if (ids.every((id) => (own(ballot.direct, id) ?? 0) === 0))
        fail('Give at least one criterion a weight above 0.', field);
      return { method: 'direct', direct: recordOf(ids.map((id) => [id, own(ballot.direct, id) ?? 0])) };
    }
    case 'points': {
      const field = `${FIELD}.points`;
      exactKeys(
        ballot.points,
        ids,
        field,
        {
          missing: (id) => `The ballot gives no points to ${name(id)} (give it 0 if it does not matter).`,
          extra: 'The ballot gives points to a criterion this session does not have.',
        },
        fail,
      );
      const total = ids.reduce((sum, id) => sum + (own(ballot.points, id) ?? 0), 0);
      if (total !== 100) fail(`The points add up to ${total}; share exactly 100.`, field);
      return {
        method: 'points',
        points: recordOf(ids.map((id) => [id, own(ballot.points, id) ?? 0])),
        // Every value on the ballot was chosen by the voter.
        pointsSet: [...ids],
      };
    }
    case 'rank': {
      const field = `${FIELD}.ranking`;
      const seen = new Set<string>();
      const known = new Set(ids);
      ballot.ranking.forEach((id, index) => {
        if (!known.has(id))
          fail('The ranking lists a criterion this session does not have.', `${field}.${index}`);
        if (seen.has(id)) fail(`The ranking lists ${name(id)} twice.`, `${field}.${index}`);
        seen.add(id);
      });
      for (const id of ids) if (!seen.has(id)) fail(`The ranking leaves out ${name(id)}.`, field);
      return { method: 'rank', ranking: [...ballot.ranking] };
    }
    case 'pairwise': {
      const field = `${FIELD}.pairwise`;
      const pairs: string[] = [];
      const labels = new Map<string, string>();
      ids.forEach((a, i) =>
        ids.slice(i + 1).forEach((b) => {
          const { key } = pairKey(a, b);
          pairs.push(key);
          labels.set(key, `${name(a)} and ${name(b)}`);
        }),
      );
      exactKeys(
        ballot.pairwise,
        pairs,
        field,
        {
          missing: (key) => `The ballot does not compare ${labels.get(key) ?? 'every pair'}.`,
          extra: 'The ballot compares criteria this session does not have (or names a pair out of order).',
        },
        fail,
      );
      return {
        method: 'pairwise',
        pairwise: recordOf(pairs.map((key) => [key, own(ballot.pairwise, key) ?? 1])),
      };
    }
  }
}
