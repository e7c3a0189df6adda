// Calendar dates as 'YYYY-MM-DD' strings. The registry is effective-dated by calendar day in the
// Netherlands, so "today" is the date in Europe/Amsterdam, not in UTC.

// en-CA formats as YYYY-MM-DD. Built once: constructing a formatter costs far more than using it,
// and the date of "now" is taken on every write.
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the Netherlands at the given instant. */
export function dutchDate(instant: Date): string {
  return DUTCH_DATE.format(instant);
}

// Day arithmetic is the model's (the figures count per calendar day); re-exported for callers.
export { addDays } from '@palliamonitor/model';
