// Calendar dates as 'YYYY-MM-DD' strings. The registry is effective-dated by calendar day in the
// Netherlands, so "today" is the date in Europe/Amsterdam, not in UTC.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) {
    return false;
  }
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

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

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
