// Statistics of the data-collection API (GET /regions/{code}/statistics, /hospices/{id}/statistics):
// monthly or yearly figures derived from the bed-status events and guest movements.
import type { PeriodFigures, Statistics } from '@palliamonitor/contracts';

/** The latest period that has any data (occupancy known or admissions recorded), else null. */
export function latestPeriod(stats: Pick<Statistics, 'items'>): PeriodFigures | null {
  for (let i = stats.items.length - 1; i >= 0; i--) {
    const p = stats.items[i]!;
    // A suppressed count (null) is 1 to 4: there are data.
    if (p.occupancy !== null || p.admissions !== 0 || p.refusals !== 0) {
      return p;
    }
  }
  return null;
}
