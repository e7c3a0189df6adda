// Freshness is part of the truth: a bed status not confirmed within the
// window counts as "unknown", never as free. The window is configurable because a volunteer house
// that confirms every morning and a hospital unit with a live system need different promises.

export const DEFAULT_FRESHNESS_HOURS = 24;

/** FRESHNESS_HOURS from the environment (hours, > 0), or 24. A bad value is a start-up error. */
export function freshnessHoursFromEnv(env: Readonly<Record<string, string | undefined>>): number {
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

// Where a Dutch day begins and ends is the model's (the figures count per day); re-exported.
export { dutchDayEnd, dutchMidnight } from '@palliamonitor/model';
