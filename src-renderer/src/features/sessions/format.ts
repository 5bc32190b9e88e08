/** Dates as people read them, in their own locale. */

// Made once: an Intl formatter is costly to build, and the list formats two dates a row.
const mediumDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "2026-03-12" -> "12 Mar 2026" (as a local calendar date, never shifted by time zones). */
export function formatWorkshopDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return mediumDate.format(new Date(year, month - 1, day));
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", then the date itself after a week. */
export function formatEdited(isoTimestamp: string, now: Date = new Date()): string {
  const then = new Date(isoTimestamp);
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  return mediumDate.format(then);
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
