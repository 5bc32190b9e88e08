/**
 * The three levels of anonymity as the app reads and says them. The level belongs to a round (the
 * report says which level each round ran under); the workshop's setting is the current round's.
 */
import { own, recordOf } from '../util/records';
import type { IdRecord } from '../util/records';
import { ANONYMITY_LABELS } from './schema';
import type { Anonymity, Round, WorkshopState } from './schema';

type Rounds = { rounds: ReadonlyArray<Pick<Round, 'anonymity'>> };

/** The workshop's level now: the current round's. */
export function anonymityOf(state: Rounds): Anonymity {
  return state.rounds[state.rounds.length - 1]?.anonymity ?? 'named';
}

/** Whether screens and documents name participants by number only (both hidden levels). */
export function namesHidden(state: Rounds): boolean {
  return anonymityOf(state) !== 'named';
}

/**
 * The level the "hide names" shortcut moves to: named and hidden from the room swap; from hidden
 * from everyone it goes back to named (refused by the reducer once the round has ballots). A
 * keypress never makes a round hidden from everyone: that is chosen, with its notice, in the console.
 */
export function toggledAnonymity(level: Anonymity): Anonymity {
  return level === 'named' ? 'hiddenFromRoom' : 'named';
}

/**
 * Whether the current round has ballots: a vote, an abstention or an anonymous ballot. From then
 * on the round cannot move to or from "hidden from everyone": names already stored cannot be
 * unlinked after the fact, and anonymous ballots cannot be given names.
 */
export function roundHasBallots(round: Pick<Round, 'votes' | 'anonymousBallots'> | undefined): boolean {
  return (
    round !== undefined &&
    (Object.keys(round.votes).length > 0 || Object.keys(round.anonymousBallots).length > 0)
  );
}

/**
 * What the console says before a round starts at each level, so the facilitator (and the room,
 * when it is read out) knows what will be kept. Null when there is nothing to warn about.
 */
export function anonymityNotice(level: Anonymity): string | null {
  switch (level) {
    case 'named':
      return null;
    case 'hiddenFromRoom':
      return 'Screens and the report show participants by number only; this console still shows who said what.';
    case 'hiddenFromEveryone':
      return 'Ballots from devices will be stored without any link to a name: nobody, you included, can tell later whose ballot was whose, and this cannot be undone once the round has ballots. To change it, start a new round.';
  }
}

/** A round's level in the report's plain words, as a sentence. */
export function anonymitySentence(level: Anonymity): string {
  switch (level) {
    case 'named':
      return 'Named: everyone could see who said what.';
    case 'hiddenFromRoom':
      return 'Hidden from the room: screens showed counts and numbers only; the facilitator could see who said what.';
    case 'hiddenFromEveryone':
      return 'Hidden from everyone: ballots from devices were stored without any link to a name, so nobody, the facilitator included, can tell whose ballot was whose.';
  }
}

/** Each round's level, as the report's method appendix lists it: "Round 1: Named". */
export function roundLevels(state: Pick<WorkshopState, 'rounds'>): string[] {
  return state.rounds.map((round) => `Round ${round.number}: ${ANONYMITY_LABELS[round.anonymity]}`);
}

/**
 * A round's anonymous ballots in the order of their random ids, never the order they came in: the
 * console and the report number them so, and the k-th device to vote is not "Anonymous ballot k".
 */
export function anonymousBallotIds(round: Pick<Round, 'anonymousBallots'> | undefined): string[] {
  return Object.keys(round?.anonymousBallots ?? {}).sort();
}

/** A record of anonymous ballots rebuilt in the order of their ids (as they are stored). */
export function inIdOrder<T>(record: Readonly<Record<string, T>>): IdRecord<T> {
  return recordOf(
    Object.keys(record)
      .sort()
      .map((id) => [id, own(record, id) as T] as const),
  );
}

/**
 * The label of an anonymous ballot ("Anonymous ballot 2"), numbered in the order of the ballots'
 * ids within its round, or null when `id` is not one (it is a participant's). Never a name.
 */
export function anonymousBallotLabel(state: Pick<WorkshopState, 'rounds'>, id: string): string | null {
  for (const round of state.rounds) {
    if (own(round.anonymousBallots, id) === undefined) continue;
    return anonymousBallotName(anonymousBallotIds(round).indexOf(id));
  }
  return null;
}

/** The label of a round's anonymous ballot at `index` in id order (0 for the first). */
export function anonymousBallotName(index: number): string {
  return `Anonymous ballot ${index + 1}`;
}
