/**
 * What the room shows, worked out from the open room, the session and its workshop: the roster a
 * phone picks from, one phone's view, and the facilitator's status. A phone's view holds what the
 * presenter shows and its own ballot, nothing of anyone else's inputs: while the round's inputs
 * are hidden, no result at all; after Reveal (or when nothing is hidden) the room's ranking, and,
 * when the facilitator allows it, the ranking on that participant's own weights.
 */
import { PAIRWISE_MAX_CRITERIA } from '@shared/room/schema';
import type { BallotSubmission, JoinInfo, ParticipantView, PhoneResult } from '@shared/room/schema';
import type { RoomDevice, RoomStatus } from '@shared/room/contract';
import { verdictFacts } from '@shared/report/verdict';
import type { SessionRecord } from '@shared/sessions/schema';
import { evaluateWorkshop, inputsHidden, isVoter } from '@shared/workshop';
import type { ParticipantInputs, WorkshopResult, WorkshopState } from '@shared/workshop';
import { ballotInputs } from '@shared/workshop/ballot';
import { emptyRecord, own, recordOf } from '@shared/util/records';
import { anonymityOf } from '@shared/workshop/anonymity';
import type { Device } from './devices';
import { anonymousKey } from './room';
import type { OpenRoom } from './room';

export function currentRound(state: WorkshopState): number {
  return state.rounds[state.rounds.length - 1]?.number ?? 1;
}

/** The session's voters, in its order: who a phone may speak for. */
export function rosterOf(session: SessionRecord, state: WorkshopState) {
  return session.participants.filter((p) => isVoter(state, p.id));
}

/** Whether the participant has a vote in the current round, under their id or their anonymous ballot's. */
export function hasVoted(room: OpenRoom, state: WorkshopState, participantId: string): boolean {
  const round = state.rounds[state.rounds.length - 1];
  if (own(round?.votes, participantId) === 'voted') return true;
  const anonymous = room.ballotIds.get(anonymousKey(currentRound(state), participantId));
  return anonymous !== undefined && own(round?.anonymousBallots, anonymous) !== undefined;
}

/** The methods a phone offers: the facilitator's choice, without pairwise where it has too many pairs. */
export function offeredMethods(room: OpenRoom, state: WorkshopState) {
  return room.settings.methods.filter(
    (method) => method !== 'pairwise' || state.criteria.length <= PAIRWISE_MAX_CRITERIA,
  );
}

export function titleOf(session: SessionRecord): string {
  return `${session.clientName}: ${session.projectName}`;
}

export function joinInfo(room: OpenRoom, session: SessionRecord, state: WorkshopState): JoinInfo {
  return {
    title: titleOf(session),
    roster: rosterOf(session, state).map((p) => ({
      id: p.id,
      name: p.name,
      taken: room.devices.joinedFor(p.id) !== undefined,
    })),
    newNames: room.settings.newNames,
    locked: room.locked,
  };
}

function phoneResult(result: WorkshopResult, headline: string): PhoneResult {
  return {
    headline,
    ranking: result.evaluation.recommendation.ranking.order.map((entry) => ({
      name: result.model.candidates[entry.candidate]?.name ?? '',
      score: Math.round(entry.total * 100) / 100,
      rank: entry.rank,
    })),
  };
}

/**
 * The room's ranking, worked out once per stored workshop: every phone asks for its view after
 * each nudge, and forty evaluations of the same state would be forty times the same answer.
 */
function roomResult(room: OpenRoom, session: SessionRecord, state: WorkshopState): PhoneResult {
  const key = session.participants.map((p) => p.id).join(',');
  const cached = room.results.get(state);
  if (cached?.key === key) return cached.result;
  const shown = evaluateWorkshop(state, session.participants);
  const result = phoneResult(shown, verdictFacts(shown, { of: () => '', anonymous: true }).headline);
  room.results.set(state, { key, result });
  return result;
}

/**
 * The ranking on one voter's own weights ("With your weights, Node.js comes first."): the round
 * as if their ballot were the only one, named or anonymous.
 */
function ownResult(
  state: WorkshopState,
  voter: { participantId: string } | { ballotId: string },
): PhoneResult | null {
  const last = state.rounds.length - 1;
  const round = state.rounds[last];
  if (!round) return null;
  const mine = 'ballotId' in voter ? own(round.anonymousBallots, voter.ballotId) : undefined;
  const rounds = [...state.rounds];
  rounds[last] = {
    ...round,
    anonymousBallots: 'ballotId' in voter && mine ? recordOf([[voter.ballotId, mine]]) : emptyRecord(),
  };
  const participants = 'participantId' in voter ? [{ id: voter.participantId, name: '' }] : [];
  const result = evaluateWorkshop({ ...state, rounds }, participants);
  if (result.usingSuggestedWeights) return null;
  const names = result.evaluation.recommendation.ranking.leaders.map(
    (c) => result.model.candidates[c]?.name ?? '',
  );
  const headline =
    names.length === 1
      ? `With your weights, ${names[0] ?? ''} comes first.`
      : `With your weights, ${names.join(' and ')} are tied.`;
  return phoneResult(result, headline);
}

export function participantView(
  room: OpenRoom,
  device: Device,
  session: SessionRecord,
  state: WorkshopState,
  now: Date,
): ParticipantView {
  const round = currentRound(state);
  const hidden = inputsHidden(state);
  const participant = session.participants.find((p) => p.id === device.participantId);
  const joined = device.status === 'joined' && participant !== undefined;
  const record = participant ? room.ballots.get(participant.id) : undefined;
  // Only to the device that sent it: a new device for that name must not read it while hidden.
  const ballot =
    joined && record?.round === round && record.deviceId === device.id
      ? { version: record.version, submission: record.submission, at: record.at }
      : null;
  let mine: PhoneResult | null = null;
  if (
    !hidden &&
    joined &&
    room.settings.showOwnResult &&
    participant &&
    hasVoted(room, state, participant.id)
  ) {
    const anonymous = room.ballotIds.get(anonymousKey(round, participant.id));
    mine = ownResult(state, anonymous ? { ballotId: anonymous } : { participantId: participant.id });
  }
  return {
    status: joined ? 'joined' : 'pending',
    name: participant?.name ?? device.name,
    title: titleOf(session),
    room: {
      round,
      accepting: room.accepting,
      locked: room.locked,
      timer: room.timer ? { endsAt: room.timer.endsAt, serverNow: now.toISOString() } : null,
      methods: offeredMethods(room, state),
      anonymity: anonymityOf(state),
      hidden,
    },
    criteria: state.criteria.map(({ id, name, description }) => ({ id, name, description })),
    ballot,
    result: hidden ? null : roomResult(room, session, state),
    ownResult: mine,
  };
}

export function roomStatus(room: OpenRoom, session: SessionRecord, state: WorkshopState): RoomStatus {
  const roster = rosterOf(session, state);
  const anonymous = anonymityOf(state) === 'hiddenFromEveryone';
  const devices: RoomDevice[] = room.devices.list().map((device) => {
    const participant = session.participants.find((p) => p.id === device.participantId);
    return {
      id: device.id,
      name: participant?.name ?? device.name,
      participantId: device.participantId,
      status: device.status,
      pendingReason: device.pendingReason,
      voted: anonymous ? null : device.participantId !== null && hasVoted(room, state, device.participantId),
      connected: device.streams > 0,
    };
  });
  return {
    open: true,
    sessionId: room.sessionId,
    address: room.address,
    port: room.port,
    url: room.url,
    shortUrl: room.shortUrl,
    code: room.code,
    qr: room.qr,
    locked: room.locked,
    accepting: room.accepting,
    round: currentRound(state),
    timer: room.timer,
    settings: room.settings,
    devices,
    counts: {
      joined: devices.filter((d) => d.status === 'joined').length,
      // Hidden from everyone: the stored ballots, which a restart keeps (who cast which is not known).
      voted: anonymous
        ? Object.keys(state.rounds.at(-1)?.anonymousBallots ?? {}).length
        : roster.filter((p) => hasVoted(room, state, p.id)).length,
      voters: roster.length,
    },
  };
}

/** Whether `stored` holds exactly what `ballot` said, for the ballot's method. */
function sameAnswer(state: WorkshopState, stored: ParticipantInputs | undefined, ballot: BallotSubmission) {
  if (!stored || stored.method !== ballot.method) return false;
  let answer: ReturnType<typeof ballotInputs>;
  try {
    answer = ballotInputs(state, ballot, (message) => {
      throw new Error(message);
    });
  } catch {
    // The criteria changed since: the ballot no longer answers them whole.
    return false;
  }
  const sameRecord = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) =>
    Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => own(b, k) === own(a, k));
  switch (answer.method) {
    case 'direct':
      return sameRecord(answer.direct ?? {}, stored.direct);
    case 'points':
      return sameRecord(answer.points ?? {}, stored.points);
    case 'rank':
      return (answer.ranking ?? []).join(',') === stored.ranking.join(',');
    case 'pairwise':
      return sameRecord(answer.pairwise ?? {}, stored.pairwise);
  }
}

/**
 * Forgets the phones' ballots the workshop no longer holds as they were sent (the facilitator
 * undid one, or changed it on the console): the phone then no longer says "your vote is in" for
 * something that is not stored, and sends its next ballot from nothing. Once per stored state.
 */
export function forgetUnstored(room: OpenRoom, state: WorkshopState): void {
  if (room.checked === state) return;
  room.checked = state;
  const round = state.rounds.at(-1);
  const number = currentRound(state);
  for (const [participantId, record] of room.ballots) {
    if (record.round !== number) continue;
    const anonymous = room.ballotIds.get(anonymousKey(number, participantId));
    const stored =
      anonymous !== undefined
        ? own(round?.anonymousBallots, anonymous)
        : own(round?.votes, participantId) === 'voted'
          ? own(round?.inputs, participantId)
          : undefined;
    if (!sameAnswer(state, stored, record.submission)) room.ballots.delete(participantId);
  }
}
