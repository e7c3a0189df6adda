import type { Kysely } from 'kysely';
import type { ObservedActivity } from '@palliamonitor/model';
import type { Database } from '../store/schema';
import { getStatistics } from '../collection/statistics.repository';

// What a region's hospices reported (bed status, stays, returns; see collection/figures.ts for
// how figures are derived), turned into the model's observed activity where it is enough to stand
// for the region (docs/method.md §4).

/** Whole months the figures must cover [assumption: a full year, so the seasons even out]. */
export const MIN_REPORTED_MONTHS = 12;
/**
 * Share of the region's hospice-months with data (movements or returns) each month must reach
 * [assumption]; the rest of the region is scaled up in proportion.
 */
export const MIN_REPORTED_COVERAGE = 0.8;
/** Departed guests with a known stay needed for a mean stay [assumption]. */
export const MIN_REPORTED_STAYS = 30;

function monthsBefore(asOf: string, count: number): { from: string; to: string } {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const month = (offset: number) =>
    new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 7);
  return { from: month(-count), to: month(-1) };
}

export interface ReportedActivity extends ObservedActivity {
  readonly occupancy: number | null;
  readonly coverage: number;
  readonly months: number;
}

/**
 * A region's reported activity over the last MIN_REPORTED_MONTHS whole months before `asOf`, or
 * null when a month falls short of MIN_REPORTED_COVERAGE, too few stays are known, or the figures
 * include synthetic demo data.
 */
export async function reportedActivity(
  db: Kysely<Database>,
  code: string,
  asOf: string,
): Promise<ReportedActivity | null> {
  const range = monthsBefore(asOf, MIN_REPORTED_MONTHS);
  const statistics = await getStatistics(
    db,
    { kind: 'region', code },
    { period: 'month', ...range },
    { now: new Date(`${asOf}T12:00:00Z`), freshnessHours: 24 },
  );
  const items = statistics.items;
  // Synthetic demo activity is not a measurement: it never replaces the calibrated defaults.
  if (statistics.isSynthetic || items.length < MIN_REPORTED_MONTHS) {
    return null;
  }
  const coverages = items.map((item) => {
    const c = item.coverage;
    const withData = c.hospiceMonthsFromEvents + c.hospiceMonthsFromReturns;
    const total = withData + c.hospiceMonthsWithoutData;
    return total > 0 ? withData / total : 0;
  });
  if (coverages.some((coverage) => coverage < MIN_REPORTED_COVERAGE)) {
    return null;
  }
  const sum = (value: (item: (typeof items)[number], month: number) => number) =>
    items.reduce((total, item, month) => total + value(item, month), 0);
  // Scaled to the whole region: the months without data are taken as like the rest.
  const admissions = sum((item, month) => item.admissions / coverages[month]!);
  const refusals = sum((item, month) => item.refusals / coverages[month]!);
  // A month without departures has no mean stay; it adds no stays either.
  const stayDays = sum((item) => (item.lengthOfStay.meanDays ?? 0) * item.lengthOfStay.count);
  const stays = sum((item) => (item.lengthOfStay.meanDays === null ? 0 : item.lengthOfStay.count));
  const bedDays = sum((item) => item.bedDays);
  const available = sum((item) => item.bedDaysAvailable);
  if (stays < MIN_REPORTED_STAYS) {
    return null;
  }
  const coverage = sum((_, month) => coverages[month]!) / items.length;
  const perYear = 12 / items.length;
  return {
    admissionsPerYear: admissions * perYear,
    refusalsPerYear: refusals * perYear,
    meanLengthOfStay: stayDays / stays,
    year: Number(range.to.slice(0, 4)),
    occupancy: available > 0 ? bedDays / available : null,
    coverage,
    months: items.length,
    source: `reported ${range.from}–${range.to}, ${Math.round(coverage * 100)}% of hospice-months`,
  };
}
