// Calendar days as 'YYYY-MM-DD' strings, and where a day begins and ends in the Netherlands. The
// figures of the data collection count per Dutch calendar day (CET/CEST), not per UTC day.

/** The date `days` calendar days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The instant midnight starts `date` in the Netherlands (CET/CEST, so UTC+1 or UTC+2). */
export function dutchMidnight(date: string): Date {
  const base = Date.parse(`${date}T00:00:00Z`);
  for (const offsetHours of [1, 2]) {
    const instant = new Date(base - offsetHours * 3_600_000);
    const parts = Object.fromEntries(
      amsterdam.formatToParts(instant).map((p) => [p.type, p.value]),
    );
    if (`${parts['year']}-${parts['month']}-${parts['day']}` === date && parts['hour'] === '00') {
      return instant;
    }
  }
  // Unreachable for the Netherlands; keep a sane answer rather than throw inside a report.
  return new Date(base - 3_600_000);
}

/** The instant day `date` ends in the Netherlands (the next day's midnight). */
export function dutchDayEnd(date: string): Date {
  return dutchMidnight(addDays(date, 1));
}
