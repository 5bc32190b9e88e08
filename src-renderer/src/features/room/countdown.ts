/**
 * The room's countdown as people read it. The timer's end comes from the main process's clock, the
 * same computer's as this window's (Electron IPC or the loopback web host), so `Date.now()` here
 * agrees with it.
 */

/** The lengths the lobby offers, in seconds (the contract allows 10 s to 60 min). */
export const TIMER_CHOICES = [30, 60, 90, 120, 180, 300, 600] as const;

/** Whole seconds left, rounded up (so "0:00" shows only when the time is up), never below zero. */
export function secondsLeft(endsAt: string, now: number): number {
  const end = Date.parse(endsAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** "4:05", "0:09", "12:00". */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** "30 seconds", "1 minute", "1½ minutes", "5 minutes": the length as a choice reads. */
export function timerChoiceLabel(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = seconds / 60;
  if (minutes === 1) return '1 minute';
  if (Number.isInteger(minutes)) return `${minutes} minutes`;
  return `${Math.floor(minutes)}½ minutes`;
}

/** A countdown's words for a screen reader, said when it starts and when it ends, not every second. */
export function countdownSentence(seconds: number): string {
  if (seconds <= 0) return 'Time is up.';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [
    minutes > 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
    rest > 0 ? `${rest} ${rest === 1 ? 'second' : 'seconds'}` : '',
  ].filter(Boolean);
  return `${parts.join(' ')} left.`;
}
