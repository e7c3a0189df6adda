import { writeCsv } from '../csv-cells';
import type { PeriodFigures, Statistics } from '@palliamonitor/contracts';

// Derived figures as CSV for analysts: one row per scope and period, flat snake_case columns, the
// same numbers as the JSON (with its small counts suppressed for the same callers). With byHospice, the region's rows come first, then each facility's.

export const STATISTICS_CSV_COLUMNS = [
  'scope_kind',
  'scope_code',
  'scope_name',
  'period',
  'from',
  'to',
  'days',
  'hospices',
  'bed_days',
  'bed_days_available',
  'occupancy',
  'admissions',
  'departures_total',
  'departures_died',
  'departures_discharged_home',
  'departures_transferred',
  'length_of_stay_count',
  'length_of_stay_mean_days',
  'length_of_stay_median_days',
  'refusals',
  'waiting_list_mean',
  'waiting_list_end',
  'fresh_data_share',
  'hospice_months_from_events',
  'hospice_months_from_returns',
  'hospice_months_without_data',
  'suppressed',
  'is_synthetic',
] as const;

function row(
  scope: { kind: string; code: string; name: string },
  p: PeriodFigures,
  isSynthetic: boolean,
): Array<string | number | null> {
  return [
    scope.kind,
    scope.code,
    scope.name,
    p.period,
    p.from,
    p.to,
    p.days,
    p.hospices,
    p.bedDays,
    p.bedDaysAvailable,
    p.occupancy,
    p.admissions,
    p.departures.total,
    p.departures.died,
    p.departures.dischargedHome,
    p.departures.transferred,
    p.lengthOfStay.count,
    p.lengthOfStay.meanDays,
    p.lengthOfStay.medianDays,
    p.refusals,
    p.waitingList.mean,
    p.waitingList.end,
    p.freshDataShare,
    p.coverage.hospiceMonthsFromEvents,
    p.coverage.hospiceMonthsFromReturns,
    p.coverage.hospiceMonthsWithoutData,
    p.suppressed.join(' '),
    isSynthetic ? 'true' : 'false',
  ];
}

export function statisticsToCsv(stats: Statistics): string {
  const rows = stats.items.map((p) => row(stats.scope, p, stats.isSynthetic));
  for (const hospice of stats.hospices ?? []) {
    const scope = { kind: 'hospice', code: hospice.hospiceId, name: hospice.name };
    rows.push(...hospice.items.map((p) => row(scope, p, stats.isSynthetic)));
  }
  // Empty cells for unknown and suppressed values (null), never "null" or 0; the column
  // `suppressed` names the empty cells that are suppressed rather than unknown (as the open data).
  return writeCsv(rows, { header: true, columns: [...STATISTICS_CSV_COLUMNS] });
}
