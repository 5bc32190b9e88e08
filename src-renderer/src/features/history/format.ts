const moment = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2026, 09:04" in the reader's locale. */
export const formatMoment = (iso: string) => moment.format(new Date(iso));
