/** The screens before a vote: the code, the name, waiting for the facilitator, and the ways out. */
import type { JoinInfo, ParticipantView } from '@shared/room/schema';
import { h } from './dom';
import type { Child } from './dom';

/** The page's frame: the brand, then one screen's content. */
export function frame(...content: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'page' },
    h(
      'header',
      { class: 'brandbar' },
      h('span', { class: 'brandbar__mark', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
      h('span', { class: 'brandbar__name' }, 'Stackwise'),
    ),
    h('main', { class: 'screen' }, ...content),
  );
}

/** A message under a field, tied to it with aria-describedby, read out when it appears. */
function fieldError(id: string, message: string | null): HTMLElement | null {
  return message ? h('p', { id, class: 'field-error', role: 'alert' }, message) : null;
}

export type CodeScreen = { code: string; error: string | null; busy: boolean };

export function codeScreen(state: CodeScreen, onSubmit: (code: string) => void): HTMLElement {
  const input = h('input', {
    id: 'join-code',
    class: 'code-input',
    name: 'code',
    value: state.code,
    autocomplete: 'off',
    autocapitalize: 'characters',
    autocorrect: 'off',
    spellcheck: 'false',
    enterkeyhint: 'go',
    'aria-invalid': state.error ? 'true' : null,
    'aria-describedby': state.error ? 'join-code-error' : 'join-code-hint',
    'data-key': 'join-code',
  });
  const form = h(
    'form',
    {
      class: 'stack',
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        onSubmit(input.value);
      },
    },
    h('label', { for: 'join-code', class: 'field-label' }, 'Join code'),
    h('p', { id: 'join-code-hint', class: 'hint' }, 'Six letters and digits, as shown on the shared screen.'),
    input,
    fieldError('join-code-error', state.error),
    h(
      'button',
      { type: 'submit', class: 'button button--primary', disabled: state.busy, 'data-key': 'join-go' },
      state.busy ? 'Checking…' : 'Continue',
    ),
  );
  return frame(h('h1', {}, 'Join the room'), form);
}

export type NamesScreen = {
  info: JoinInfo;
  typedName: string;
  error: { at: 'roster' | 'name'; message: string } | null;
  busy: boolean;
};

export type NamesActions = {
  pick: (participantId: string) => void;
  typeName: (name: string) => void;
  back: () => void;
  recheck: () => void;
};

export function namesScreen(state: NamesScreen, actions: NamesActions): HTMLElement {
  const { info } = state;
  if (info.locked) {
    return frame(
      h('h1', {}, info.title),
      h(
        'p',
        { class: 'notice', role: 'status' },
        'The room is locked: nobody new can join. Ask the facilitator to unlock it.',
      ),
      h(
        'button',
        { type: 'button', class: 'button button--primary', onclick: actions.recheck, 'data-key': 'recheck' },
        'Try again',
      ),
      h(
        'button',
        { type: 'button', class: 'button button--quiet', onclick: actions.back, 'data-key': 'back' },
        'Use another code',
      ),
    );
  }
  const roster =
    info.roster.length === 0
      ? null
      : h(
          'section',
          { class: 'stack', 'aria-labelledby': 'roster-heading' },
          h('h2', { id: 'roster-heading' }, 'Pick your name'),
          h(
            'ul',
            { class: 'roster' },
            info.roster.map((person) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: person.taken ? 'name-button name-button--taken' : 'name-button',
                    disabled: state.busy,
                    'data-key': `person-${person.id}`,
                    onclick: () => actions.pick(person.id),
                  },
                  h('bdi', { class: 'name-button__name' }, person.name),
                  person.taken
                    ? h(
                        'span',
                        { class: 'name-button__note' },
                        'Joined on another device: the facilitator must approve this one',
                      )
                    : null,
                ),
              ),
            ),
          ),
        );
  return frame(
    h('h1', {}, info.title),
    state.error?.at === 'roster'
      ? h('p', { class: 'field-error', role: 'alert' }, state.error.message)
      : null,
    roster,
    newNameSection(state, actions),
    h(
      'button',
      { type: 'button', class: 'button button--quiet', onclick: actions.back, 'data-key': 'back' },
      'Use another code',
    ),
  );
}

function newNameSection(state: NamesScreen, actions: NamesActions): HTMLElement {
  const { newNames } = state.info;
  const nameError = state.error?.at === 'name' ? state.error.message : null;
  const heading = state.info.roster.length === 0 ? 'Type your name' : 'Not on the list?';
  if (newNames === 'closed') {
    return h(
      'section',
      { class: 'stack' },
      h('h2', {}, heading),
      h('p', { class: 'hint' }, 'This room takes only the names above. Ask the facilitator to add you.'),
    );
  }
  const input = h('input', {
    id: 'new-name',
    class: 'text-input',
    name: 'name',
    value: state.typedName,
    autocomplete: 'name',
    enterkeyhint: 'go',
    'aria-invalid': nameError ? 'true' : null,
    'aria-describedby': nameError ? 'new-name-error' : 'new-name-hint',
    'data-key': 'new-name',
  });
  return h(
    'form',
    {
      class: 'stack',
      novalidate: true,
      onsubmit: (event) => {
        event.preventDefault();
        actions.typeName(input.value);
      },
    },
    h('h2', {}, heading),
    h('label', { for: 'new-name', class: 'field-label' }, 'Your name'),
    h(
      'p',
      { id: 'new-name-hint', class: 'hint' },
      newNames === 'approval' ? 'The facilitator lets new names in.' : 'You join as soon as you continue.',
    ),
    input,
    fieldError('new-name-error', nameError),
    h(
      'button',
      { type: 'submit', class: 'button button--primary', disabled: state.busy, 'data-key': 'new-name-go' },
      'Join',
    ),
  );
}

export function pendingScreen(view: ParticipantView, offline: boolean): HTMLElement {
  return frame(
    h('h1', {}, view.title),
    offline ? offlineBanner() : null,
    h(
      'div',
      { class: 'waiting', role: 'status' },
      h('span', { class: 'waiting__dot', 'aria-hidden': 'true' }),
      h('p', { class: 'waiting__title' }, 'Waiting for the facilitator'),
      h(
        'p',
        {},
        'You asked to join as ',
        h('bdi', { class: 'strong' }, view.name),
        '. This page moves on by itself once you are let in.',
      ),
    ),
  );
}

/** Shown over the last known screen while the room does not answer. */
export function offlineBanner(): HTMLElement {
  return h(
    'p',
    { class: 'offline', role: 'alert' },
    h('strong', {}, 'Can’t reach the room right now. '),
    'If this page says your vote is in, it is stored. The page reconnects by itself; if it does not, check the Wi-Fi, or ask the facilitator whether the room is still open.',
  );
}

export function removedScreen(onJoinAgain: () => void): HTMLElement {
  return frame(
    h('h1', {}, 'This device was removed from the room'),
    h(
      'p',
      { role: 'status' },
      'It can no longer vote. If that was a mistake, ask the facilitator, then join again with the code on the shared screen.',
    ),
    h(
      'button',
      { type: 'button', class: 'button button--primary', onclick: onJoinAgain, 'data-key': 'join-again' },
      'Join again',
    ),
  );
}

export function unreachableScreen(message: string, onRetry: () => void): HTMLElement {
  return frame(
    h('h1', {}, 'Can’t reach the room'),
    h('p', { role: 'alert' }, message),
    h(
      'p',
      { class: 'hint' },
      'The room runs on the facilitator’s computer, on this meeting room’s network; no internet is needed.',
    ),
    h(
      'button',
      { type: 'button', class: 'button button--primary', onclick: onRetry, 'data-key': 'retry' },
      'Try again',
    ),
  );
}

export function startingScreen(): HTMLElement {
  return frame(h('h1', {}, 'Joining the room…'));
}
