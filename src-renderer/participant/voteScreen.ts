/**
 * The screen of a participant who is in the room: the round, the countdown, the ballot and its
 * receipt, the closed round, and the result once the facilitator reveals it.
 */
import { ANONYMITY_LABELS } from '@shared/room/schema';
import type { Anonymity, ParticipantView, PhoneResult } from '@shared/room/schema';
import './vote.css';
import { h } from './dom';
import { canonical, readiness } from './ballot';
import type { Draft, Method } from './ballot';
import { formatClock } from './clock';
import { frame, offlineBanner } from './joinScreens';
import { METHOD_HINTS, METHOD_NAMES, editor, pointsLeftText } from './methods';
import type { EditorContext } from './methods';

export type Vote = {
  /** The round and stored ballot version the draft started from. */
  round: number;
  version: number;
  method: Method;
  draft: Draft;
  open: Set<string>;
  sending: boolean;
  error: string | null;
  /** The receipt of this page's last ballot, for its time. */
  receipt: { round: number; version: number; at: string } | null;
};

export type VoteActions = {
  pickMethod: (method: Method) => void;
  submit: () => void;
  changed: EditorContext['changed'];
  announce: (message: string) => void;
};

const ANONYMITY_NOTES: Record<Anonymity, string> = {
  named: 'Once results are shown, the room may see who said what.',
  hiddenFromRoom: 'The shared screen shows counts only; the facilitator sees who said what.',
  hiddenFromEveryone:
    'Your ballot is stored without your name: nobody, the facilitator included, can tell later whose it was.',
};

/** When the stored ballot was taken in, if this page knows it. */
function storedAt(view: ParticipantView, vote: Vote): string | null {
  const ballot = view.ballot;
  if (!ballot) return null;
  if (vote.receipt && vote.receipt.round === view.room.round && vote.receipt.version === ballot.version)
    return vote.receipt.at;
  return ballot.at ?? null;
}

/** "Received at 14:32." when the time is known (it is, from the receipt or the stored ballot). */
function receivedAt(view: ParticipantView, vote: Vote): string {
  const at = storedAt(view, vote);
  return at ? `Received at ${formatClock(at)}. ` : '';
}

export function roomScreen(
  view: ParticipantView,
  vote: Vote,
  offline: boolean,
  actions: VoteActions,
): HTMLElement {
  const { room } = view;
  return frame(
    h(
      'div',
      { class: 'room-head' },
      h('h1', {}, view.title),
      h(
        'p',
        { class: 'room-head__meta' },
        h('span', {}, 'You: ', h('bdi', { class: 'strong' }, view.name)),
        h('span', {}, `Round ${room.round}`),
      ),
      // Said before anyone votes, so each person knows who will see their answer.
      h(
        'p',
        { class: 'anonymity' },
        h('strong', {}, `${ANONYMITY_LABELS[room.anonymity]}. `),
        ANONYMITY_NOTES[room.anonymity],
      ),
    ),
    offline ? offlineBanner() : null,
    room.timer && room.accepting
      ? h(
          'p',
          { class: 'countdown', role: 'timer' },
          h('span', { class: 'countdown__label' }, 'Time left'),
          h('span', { class: 'countdown__value', 'data-countdown': '' }, ''),
        )
      : null,
    statusBanner(view, vote),
    results(view),
    room.accepting || view.ballot ? ballotForm(view, vote, actions) : null,
    room.hidden && !view.result
      ? h('p', { class: 'footnote' }, 'Results stay hidden until the facilitator reveals them.')
      : null,
  );
}

function statusBanner(view: ParticipantView, vote: Vote): HTMLElement | null {
  if (!view.room.accepting) {
    return h(
      'section',
      { class: 'banner banner--closed', role: 'status', 'aria-labelledby': 'closed-heading' },
      h('h2', { id: 'closed-heading' }, 'Round closed'),
      h(
        'p',
        {},
        view.ballot
          ? `Your vote is in. ${receivedAt(view, vote)}It can no longer change.`
          : 'You did not vote in this round.',
      ),
    );
  }
  if (!view.ballot) return null;
  return h(
    'section',
    { class: 'banner banner--done', role: 'status', 'aria-labelledby': 'done-heading' },
    h(
      'h2',
      { id: 'done-heading' },
      h('span', { class: 'banner__tick', 'aria-hidden': 'true' }, '✓'),
      'Your vote is in',
    ),
    h('p', {}, `${receivedAt(view, vote)}You can change it until the round closes.`),
  );
}

function resultList(result: PhoneResult, label: string): HTMLElement {
  return h(
    'ol',
    { class: 'result', 'aria-label': label },
    result.ranking.map((row) =>
      h(
        'li',
        { class: row.rank === 1 ? 'result__row result__row--first' : 'result__row' },
        h('span', { class: 'result__rank' }, `${row.rank}.`),
        h('bdi', { class: 'result__name' }, row.name),
        h('span', { class: 'result__score' }, row.score.toFixed(2)),
      ),
    ),
  );
}

function results(view: ParticipantView): HTMLElement | null {
  if (view.result) {
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'result-heading' },
      h('h2', { id: 'result-heading' }, 'The room’s result'),
      h('p', { class: 'result__headline' }, view.result.headline),
      resultList(view.result, 'The room’s ranking'),
      view.ownResult
        ? h(
            'div',
            { class: 'own-result' },
            h('h3', {}, 'Your own result'),
            h('p', { class: 'result__headline' }, view.ownResult.headline),
            resultList(view.ownResult, 'The ranking with your weights'),
          )
        : null,
    );
  }
  return null;
}

function ballotForm(view: ParticipantView, vote: Vote, actions: VoteActions): HTMLElement {
  const { room } = view;
  const disabled = !room.accepting;
  const methods = room.methods.length > 0 ? room.methods : [vote.method];
  const picker =
    methods.length > 1
      ? h(
          'fieldset',
          { class: 'choice', disabled },
          h('legend', { class: 'field-label' }, 'How do you want to weigh the criteria?'),
          h(
            'div',
            { class: 'tiles tiles--methods' },
            methods.map((method) =>
              h(
                'label',
                { class: 'tile' },
                h('input', {
                  type: 'radio',
                  class: 'tile__input',
                  name: 'method',
                  value: method,
                  checked: method === vote.method,
                  'data-key': `method-${method}`,
                  onchange: () => actions.pickMethod(method),
                }),
                h('span', { class: 'tile__text' }, METHOD_NAMES[method]),
              ),
            ),
          ),
        )
      : null;
  const ctx: EditorContext = {
    criteria: view.criteria,
    draft: vote.draft,
    disabled,
    open: vote.open,
    changed: actions.changed,
    announce: actions.announce,
  };
  return h(
    'form',
    {
      class: 'ballot',
      novalidate: true,
      'aria-label': 'Your ballot',
      onsubmit: (event) => {
        event.preventDefault();
        actions.submit();
      },
    },
    picker,
    h('p', { class: 'hint method-hint' }, METHOD_HINTS[vote.method]),
    editor(vote.method, ctx),
    disabled ? null : h('div', { class: 'submit-bar', id: 'submit-bar' }, ...submitBar(view, vote)),
  );
}

/** The bar's content; rebuilt in place while a slider moves or points are typed. */
export function submitBar(view: ParticipantView, vote: Vote): HTMLElement[] {
  const state = readiness(vote.method, vote.draft, view.criteria);
  const unchanged =
    state.ready && view.ballot !== null && canonical(state.ballot) === canonical(view.ballot.submission);
  let note: string;
  if (vote.method === 'points') note = pointsLeftText(vote.draft);
  else if (!state.ready) note = state.reason;
  else if (unchanged) note = 'This is the vote you sent.';
  else note = view.ballot ? 'Changes not sent yet.' : 'Ready to send.';
  const label = vote.sending ? 'Sending…' : view.ballot ? 'Send my new vote' : 'Submit my vote';
  return [
    vote.error ? h('p', { class: 'field-error', role: 'alert' }, vote.error) : null,
    h(
      'p',
      {
        class: state.ready ? 'submit-bar__note' : 'submit-bar__note submit-bar__note--todo',
        'aria-live': 'polite',
        'data-testid': 'ballot-note',
      },
      note,
    ),
    h(
      'button',
      {
        type: 'submit',
        class: 'button button--primary',
        disabled: !state.ready || vote.sending || unchanged,
        'data-key': 'submit',
      },
      label,
    ),
  ].flatMap((node) => (node ? [node] : []));
}
