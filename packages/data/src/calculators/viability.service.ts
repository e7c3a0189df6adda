import type { Kysely } from 'kysely';
import {
  DEFAULT_VIABILITY_THRESHOLDS,
  viability,
  type CostInput,
  type PeriodFigures,
  type ViabilityMonth,
  type ViabilityResult,
  type ViabilityThresholds,
} from '@palliamonitor/model';
import type { Database } from '../store/schema';
import type { Statistics, Viability } from '@palliamonitor/contracts';
import { AppError } from '../errors';
import { dutchDate } from '../dates';
import { getStatistics, type StatisticsScope } from '../collection/statistics.repository';
import { countCellsFor, protectSums, type CountCell } from '../collection/statistics-suppression';

// The viability signal of a hospice, and of a region with each of its hospices, from the derived
// statistics of the last twelve whole months. Thresholds are assumptions a caller may change.

export interface ViabilityAnswer extends ViabilityResult {
  scope: Statistics['scope'];
  /** The twelve whole months before the current one, YYYY-MM. */
  period: { from: string; to: string };
  isSynthetic: boolean;
  thresholds: CostInput[];
  hospices?: Array<ViabilityResult & { hospiceId: string; name: string }>;
}

/** The last twelve whole months before the month of `today`, as YYYY-MM. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month = (offset: number) =>
    new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 7);
  return { from: month(-12), to: month(-1) };
}

function monthsOf(items: readonly PeriodFigures[]): ViabilityMonth[] {
  // Months before a hospice opened (or after it closed) are not its months.
  return items
    .filter((item) => item.hospices > 0)
    .map((item) => ({
      days: item.days,
      bedDays: item.bedDays,
      bedDaysAvailable: item.bedDaysAvailable,
      source:
        item.coverage.hospiceMonthsFromEvents > 0
          ? 'events'
          : item.coverage.hospiceMonthsFromReturns > 0
            ? 'return'
            : 'none',
      freshDataShare: item.freshDataShare,
    }));
}

const THRESHOLD_NOTES: Record<keyof ViabilityThresholds, string> = {
  under:
    'assumption: below the 70–83% Dutch houses report (NIVEL 2004 ~70%; one house 83% in 2019), where 40–50% is named a problem',
  over: 'assumption: above it a house of typical size is full so often that it refuses most requests',
  minDataShare: 'assumption: fewer days with data is too thin for a twelve-month figure',
};

/** Thresholds from the query, each checked, with the defaults' reasons or "given". */
export function viabilityThresholds(given: Partial<ViabilityThresholds>): {
  thresholds: ViabilityThresholds;
  inputs: CostInput[];
} {
  const thresholds = { ...DEFAULT_VIABILITY_THRESHOLDS, ...given };
  if (thresholds.under >= thresholds.over) {
    const field = given.under !== undefined ? 'under' : 'over';
    throw new AppError('VALIDATION_FAILED', 'the thresholds are invalid', [
      {
        field,
        message: `under (${thresholds.under}) must be below over (${thresholds.over})`,
        code: 'viability.underNotBelowOver',
        params: { under: thresholds.under, over: thresholds.over },
      },
    ]);
  }
  const inputs = (Object.keys(THRESHOLD_NOTES) as Array<keyof ViabilityThresholds>).map((name) => ({
    name,
    value: thresholds[name],
    unit: 'share',
    provenance: 'assumed' as const,
    source: given[name] === undefined ? THRESHOLD_NOTES[name] : 'given with the request',
  }));
  return { thresholds, inputs };
}

export async function getViability(
  db: Kysely<Database>,
  scope: StatisticsScope,
  given: Partial<ViabilityThresholds>,
  options: { now: Date; freshnessHours: number },
): Promise<ViabilityAnswer> {
  const { thresholds, inputs } = viabilityThresholds(given);
  const period = lastTwelveMonths(dutchDate(options.now));
  const stats = await getStatistics(
    db,
    scope,
    { period: 'month', from: period.from, to: period.to, byHospice: scope.kind === 'region' },
    options,
  );
  const hospices = stats.hospices?.map((h) => ({
    hospiceId: h.hospiceId,
    name: h.name,
    ...viability(monthsOf(h.items), thresholds),
  }));
  // A region's signal weighs every hospice-month of the region (the region's own items are the same
  // sums, but they mix hospices with and without fresh data in one share).
  const months = stats.hospices
    ? stats.hospices.flatMap((h) => monthsOf(h.items))
    : monthsOf(stats.items);
  return {
    scope: stats.scope,
    period,
    isSynthetic: stats.isSynthetic,
    thresholds: inputs,
    ...viability(months, thresholds),
    ...(hospices === undefined ? {} : { hospices }),
  };
}

/** One signal as published: its bed-days and the occupancy from them hidden with the cell. */
function publishSignal<T extends ViabilityResult>(result: T, cell: CountCell) {
  const hidden = cell.hidden;
  return {
    ...result,
    bedDays: hidden ? null : result.bedDays,
    occupancy: hidden ? null : result.occupancy,
    suppressed: hidden
      ? ['bedDays' as const, ...(result.occupancy === null ? [] : ['occupancy' as const])]
      : [],
  };
}

/**
 * The viability as published to a caller: in full for one who may read the registrations of the
 * scope, else with bed-days of 1 to 4 (and their occupancy) suppressed as in the statistics; a
 * region's bed-days are the sum of its hospices', so a hospice hidden alone takes a second along.
 */
export function publishViability(
  answer: ViabilityAnswer,
  options: { smallCounts: boolean },
): Viability {
  const cell = countCellsFor(options.smallCounts);
  const total = cell(answer.bedDays);
  const parts = (answer.hospices ?? []).map((h) => cell(h.bedDays));
  if (!options.smallCounts && answer.hospices !== undefined) {
    protectSums([{ total, parts }]);
  }
  const { hospices, ...scope } = answer;
  return {
    ...publishSignal(scope, total),
    ...(hospices === undefined
      ? {}
      : { hospices: hospices.map((h, i) => publishSignal(h, parts[i]!)) }),
  };
}
