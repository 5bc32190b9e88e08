/**
 * The participant page's state and its one loop: ask the listener who this device is (`/api/me`;
 * the HttpOnly cookie answers for a reload or a phone that slept), show that, and ask again
 * whenever the event stream nudges, the page becomes visible again, or the network comes back.
 */
import { JoinCodeSchema, JoinRequestSchema, PARTICIPANT_API } from '@shared/room/schema';
import type { JoinInfo, JoinRequest, ParticipantView } from '@shared/room/schema';
import { RoomError, roomApi } from './api';
import { draftFrom, readiness } from './ballot';
import type { Method } from './ballot';
import { countdownFrom, formatRemaining, remainingMs } from './clock';
import type { Countdown } from './clock';
import { renderInto } from './dom';
import { codeFromPath, normalizeTyped } from './joinCode';
import {
  codeScreen,
  namesScreen,
  pendingScreen,
  removedScreen,
  startingScreen,
  unreachableScreen,
} from './joinScreens';
import { roomScreen, submitBar } from './voteScreen';
import type { Vote } from './voteScreen';

type State =
  | { screen: 'starting' }
  | { screen: 'code'; code: string; error: string | null; busy: boolean }
  | {
      screen: 'names';
      code: string;
      info: JoinInfo;
      typedName: string;
      /** A refusal, shown beside what was tried: a roster name, or the typed one. */
      error: { at: 'roster' | 'name'; message: string } | null;
      busy: boolean;
    }
  | { screen: 'room'; view: ParticipantView }
  | { screen: 'removed' }
  | { screen: 'unreachable'; message: string };

/** Set once this browser has joined, so a refused cookie later reads "removed", not "join". */
const JOINED_KEY = 'stackwise.room.joined';

function remembered(): string | null {
  try {
    return window.localStorage.getItem(JOINED_KEY);
  } catch {
    return null;
  }
}

function remember(code: string | null): void {
  try {
    if (code === null) window.localStorage.removeItem(JOINED_KEY);
    else window.localStorage.setItem(JOINED_KEY, code);
  } catch {
    // Private browsing may refuse storage; the page then only forgets that it had joined.
  }
}

const RECONNECT_MAX_MS = 30_000;

export class ParticipantPage {
  private state: State = { screen: 'starting' };
  private vote: Vote | null = null;
  private countdown: Countdown | null = null;
  private ticker: number | undefined;
  private events: EventSource | null = null;
  private reconnectDelay = 1_000;
  private reconnectTimer: number | undefined;
  private fetching = false;
  private again = false;
  private shownSignature = '';
  /** The room stopped answering while this device was in it (Wi-Fi dropped, or the room closed). */
  private offline = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly announcer: HTMLElement,
    private readonly pathCode: string = codeFromPath(window.location.pathname),
  ) {}

  start(): void {
    this.render();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.refresh();
    });
    window.addEventListener('online', () => this.refresh());
    // A page restored from the back-forward cache kept its old state: ask again.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) this.refresh();
    });
    this.refresh();
  }

  private set(state: State): void {
    this.state = state;
    this.render();
  }

  /** Fetches `/api/me` once at a time; a request made meanwhile runs once the first is done. */
  refresh(): void {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    void roomApi
      .me()
      .then(
        (view) => this.showView(view, performance.now()),
        (error: unknown) => this.meFailed(error),
      )
      .finally(() => {
        this.fetching = false;
        if (this.again) {
          this.again = false;
          this.refresh();
        }
      });
  }

  private meFailed(error: unknown): void {
    const roomError = error instanceof RoomError ? error : new RoomError(0, String(error));
    const { screen } = this.state;
    if (roomError.notInRoom) {
      const wasIn =
        screen === 'room' ||
        (screen === 'starting' &&
          remembered() !== null &&
          (this.pathCode === '' || this.pathCode === remembered()));
      if (wasIn) {
        this.stopEvents();
        this.set({ screen: 'removed' });
      } else if (screen === 'starting') {
        this.set({ screen: 'code', code: this.pathCode, error: null, busy: false });
        if (this.pathCode) this.lookup(this.pathCode);
      }
      return;
    }
    if (screen === 'room') {
      // Keep the ballot on screen while the Wi-Fi hiccups, saying so; the page keeps trying.
      if (!this.offline) {
        this.offline = true;
        this.render();
      }
      this.scheduleReconnect();
      return;
    }
    if (screen === 'starting' || screen === 'unreachable')
      this.set({ screen: 'unreachable', message: roomError.message });
  }

  private showView(view: ParticipantView, receivedAt: number): void {
    const wasOffline = this.offline;
    this.offline = false;
    this.countdown = countdownFrom(view.room.timer, receivedAt);
    this.syncVote(view);
    this.connectEvents();
    // The timer's serverNow changes on every answer; only a change a person would see rebuilds the screen.
    const signature = JSON.stringify({
      ...view,
      room: { ...view.room, timer: view.room.timer?.endsAt ?? null },
    });
    const sameScreen = this.state.screen === 'room' && signature === this.shownSignature && !wasOffline;
    this.shownSignature = signature;
    this.state = { screen: 'room', view };
    if (sameScreen) this.tick();
    else this.render();
  }

  /** A new round, or a ballot stored elsewhere, starts the draft again from what is stored. */
  private syncVote(view: ParticipantView): void {
    const version = view.ballot?.version ?? 0;
    const current = this.vote;
    if (current && current.round === view.room.round && current.version === version) {
      if (!view.room.methods.includes(current.method) && view.room.methods[0])
        current.method = view.room.methods[0];
      return;
    }
    const storedMethod = view.ballot?.submission.method;
    const method: Method =
      storedMethod && view.room.methods.includes(storedMethod)
        ? storedMethod
        : (view.room.methods[0] ?? 'direct');
    this.vote = {
      round: view.room.round,
      version,
      method,
      draft: draftFrom(view.criteria, view.ballot?.submission ?? null),
      open: current?.open ?? new Set(),
      sending: false,
      error: null,
      receipt: current?.receipt ?? null,
    };
  }

  // ----- The event stream: a nudge to fetch the view again, never data itself.

  private connectEvents(): void {
    if (this.events || this.reconnectTimer !== undefined) return;
    const events = new EventSource(PARTICIPANT_API.events);
    this.events = events;
    events.onopen = () => {
      this.reconnectDelay = 1_000;
      // Whatever changed while the stream was down is in the view now.
      this.refresh();
    };
    events.onmessage = () => this.refresh();
    events.onerror = () => {
      // The browser retries by itself unless the listener refused the stream outright; either way
      // the view is asked for, so a closed room or a removed device shows at once.
      if (events.readyState === EventSource.CLOSED) {
        this.stopEvents();
        this.scheduleReconnect();
      }
      this.refresh();
    };
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer !== undefined || this.state.screen === 'removed') return;
    this.reconnectTimer = window.setTimeout(() => {
      this.reconnectTimer = undefined;
      this.refresh();
    }, this.reconnectDelay);
    this.reconnectDelay = Math.min(RECONNECT_MAX_MS, this.reconnectDelay * 2);
  }

  private stopEvents(): void {
    this.events?.close();
    this.events = null;
  }

  // ----- Joining.

  private lookup(typed: string): void {
    const parsed = JoinCodeSchema.safeParse(normalizeTyped(typed));
    if (!parsed.success) {
      this.set({
        screen: 'code',
        code: typed,
        error: parsed.error.issues[0]?.message ?? 'Check the join code.',
        busy: false,
      });
      return;
    }
    const code = parsed.data;
    this.set({ screen: 'code', code, error: null, busy: true });
    roomApi.lookup(code).then(
      (info) => this.set({ screen: 'names', code, info, typedName: '', error: null, busy: false }),
      (error: unknown) => this.set({ screen: 'code', code, error: messageOf(error), busy: false }),
    );
  }

  private join(pick: JoinRequest['pick'], typedName = ''): void {
    if (this.state.screen !== 'names') return;
    const names = this.state;
    const at = 'name' in pick ? 'name' : 'roster';
    const request = JoinRequestSchema.safeParse({ code: names.code, pick });
    if (!request.success) {
      const message = request.error.issues[0]?.message ?? 'Type your name.';
      this.set({ ...names, typedName, error: { at, message }, busy: false });
      return;
    }
    this.set({ ...names, typedName, error: null, busy: true });
    roomApi.join(request.data).then(
      () => {
        remember(names.code);
        this.refresh();
      },
      (error: unknown) =>
        this.set({ ...names, typedName, error: { at, message: messageOf(error) }, busy: false }),
    );
  }

  // ----- Voting.

  private submit(): void {
    const { state, vote } = this;
    if (state.screen !== 'room' || !vote || vote.sending) return;
    const ready = readiness(vote.method, vote.draft, state.view.criteria);
    if (!ready.ready) {
      vote.error = ready.reason;
      this.render();
      return;
    }
    vote.sending = true;
    vote.error = null;
    this.render();
    roomApi
      .ballot({
        round: state.view.room.round,
        basedOn: state.view.ballot?.version ?? 0,
        ballot: ready.ballot,
      })
      .then(
        (receipt) => {
          vote.sending = false;
          vote.receipt = receipt;
          this.announce('Your vote is in.');
        },
        (error: unknown) => {
          vote.sending = false;
          if (error instanceof RoomError && error.notInRoom) {
            this.stopEvents();
            this.set({ screen: 'removed' });
            return;
          }
          vote.error = messageOf(error);
        },
      )
      .finally(() => {
        this.render();
        this.refresh();
      });
  }

  private announce(message: string): void {
    // Emptied first so the same message twice is read twice.
    this.announcer.textContent = '';
    window.setTimeout(() => (this.announcer.textContent = message), 50);
  }

  // ----- Drawing.

  private render(focusKey?: string): void {
    renderInto(this.root, this.screen(), focusKey);
    this.tick();
  }

  private screen(): HTMLElement {
    const { state } = this;
    switch (state.screen) {
      case 'starting':
        return startingScreen();
      case 'code':
        return codeScreen(state, (code) => this.lookup(code));
      case 'names':
        return namesScreen(state, {
          pick: (participantId) => this.join({ participantId }),
          typeName: (name) => this.join({ name }, name),
          back: () => this.set({ screen: 'code', code: '', error: null, busy: false }),
          recheck: () => this.lookup(state.code),
        });
      case 'removed':
        return removedScreen(() => {
          remember(null);
          this.set({ screen: 'code', code: this.pathCode, error: null, busy: false });
        });
      case 'unreachable':
        return unreachableScreen(state.message, () => this.refresh());
      case 'room': {
        const { view } = state;
        const vote = this.vote;
        if (view.status === 'pending' || !vote) return pendingScreen(view, this.offline);
        return roomScreen(view, vote, this.offline, {
          pickMethod: (method) => {
            vote.method = method;
            vote.error = null;
            this.render(`method-${method}`);
          },
          submit: () => this.submit(),
          changed: (how, key) => {
            vote.error = null;
            if (how === 'full') this.render(key);
            else this.refreshBar(view, vote);
          },
          announce: (message) => this.announce(message),
        });
      }
    }
  }

  private refreshBar(view: ParticipantView, vote: Vote): void {
    this.root.querySelector('#submit-bar')?.replaceChildren(...submitBar(view, vote));
  }

  /** Brings the countdown up to date; runs every second while there is one. */
  private tick(): void {
    const countdown = this.state.screen === 'room' ? this.countdown : null;
    const value = this.root.querySelector('[data-countdown]');
    if (!countdown || !value) {
      window.clearInterval(this.ticker);
      this.ticker = undefined;
      return;
    }
    const left = remainingMs(countdown, performance.now());
    value.textContent = left > 0 ? formatRemaining(left) : 'Time is up';
    this.ticker ??= window.setInterval(() => this.tick(), 1_000);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Try again.';
}
