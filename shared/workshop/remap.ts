import { hasOwnKey, recordOf } from '../util/records';
import type { WorkshopState } from './schema';

/** The same workshop for renamed participant ids (a duplicated session gets new participant ids). */
export function remapParticipants(state: WorkshopState, ids: ReadonlyMap<string, string>): WorkshopState {
  const remap = <T>(record: Record<string, T>) =>
    recordOf(
      Object.entries(record).flatMap(([id, value]) => {
        const next = ids.get(id);
        return next === undefined ? [] : [[next, value] as const];
      }),
    );
  return {
    ...state,
    roles: remap(state.roles),
    rounds: state.rounds.map((round) => ({
      ...round,
      inputs: remap(round.inputs),
      votes: remap(round.votes),
      // An anonymous ballot's "count anyway" is under the ballot's own id, which no one owns.
      includeInconsistent: recordOf([
        ...Object.entries(remap(round.includeInconsistent)),
        ...Object.entries(round.includeInconsistent).filter(([id]) => hasOwnKey(round.anonymousBallots, id)),
      ]),
    })),
  };
}
