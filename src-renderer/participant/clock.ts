/**
 * Time as the room keeps it. The countdown is the listener's `endsAt - serverNow`, counted down
 * on this phone's monotonic clock from the moment the answer arrived, so a phone whose clock is
 * minutes wrong still shows the room's countdown.
 */
import type { ParticipantView } from '@shared/room/schema';

export type Countdown = { remainingAtReceipt: number; receivedAt: number };

export function countdownFrom(timer: ParticipantView['room']['timer'], receivedAt: number): Countdown | null {
  if (!timer) return null;
  const remaining = Date.parse(timer.endsAt) - Date.parse(timer.serverNow);
  return Number.isFinite(remaining) ? { remainingAtReceipt: remaining, receivedAt } : null;
}

/** Milliseconds left at monotonic time `now`, never below zero. */
export function remainingMs(countdown: Countdown, now: number): number {
  return Math.max(0, countdown.remainingAtReceipt - (now - countdown.receivedAt));
}

/** "4:05", "0:09", "1:02:00": whole seconds, rounded up so 0:00 means the time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The time a ballot was stored, in the phone's own time zone ("14:32"). */
export function formatClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
