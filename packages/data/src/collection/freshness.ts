import { addDays } from '../dates';

// Freshness is part of the truth: a bed status not confirmed within the
// window counts as "unknown", never as free. The window is configurable because a volunteer house
// that confirms every morning and a hospital unit with a live system need different promises.

export const DEFAULT_FRESHNESS_HOURS = 24;

/** FRESHNESS_HOURS from the environment (hours, > 0), or 24. A bad value is a start-up error. */
export function freshnessHoursFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['FRESHNESS_HOURS']?.trim();
  if (!text) {
    return DEFAULT_FRESHNESS_HOURS;
  }
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new Error(`invalid FRESHNESS_HOURS: ${text} (a number of hours above 0)`);
  }
  return hours;
}

/** True when a status confirmed at `confirmedAt` is still within the window at `now`. */
export function isFresh(confirmedAt: string | null, now: Date, freshnessHours: number): boolean {
  if (confirmedAt === null) {
    return false;
  }
  return now.getTime() - Date.parse(confirmedAt) < freshnessHours * 3_600_000;
}

export function freshUntil(confirmedAt: string | null, freshnessHours: number): string | null {
  return confirmedAt === null
    ? null
    : new Date(Date.parse(confirmedAt) + freshnessHours * 3_600_000).toISOString();
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
