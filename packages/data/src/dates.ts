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

// The Dutch date cannot change within a minute of UTC (the Netherlands' offsets are whole
// hours), so the latest minute's date is remembered: every write asks for "today".
let lastMinute = Number.NaN;
let lastDate = '';

/** The calendar date in the Netherlands at the given instant. */
export function dutchDate(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = DUTCH_DATE.format(instant);
    lastMinute = minute;
  }
  return lastDate;
}

// Day arithmetic is the model's (the figures count per calendar day); re-exported for callers.
export { addDays } from '@palliamonitor/model';
