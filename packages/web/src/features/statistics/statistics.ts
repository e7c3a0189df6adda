// Statistics of the data-collection API (GET /regions/{code}/statistics, /hospices/{id}/statistics):
// monthly or yearly figures derived from the bed-status events and guest movements.

export interface PeriodFigures {
  period: string;
  from: string;
  to: string;
  days: number;
  hospices: number;
  bedDays: number;
  bedDaysAvailable: number;
  occupancy: number | null;
  admissions: number;
  departures: { total: number; died: number; dischargedHome: number; transferred: number };
  lengthOfStay: { count: number; meanDays: number | null; medianDays: number | null };
  refusals: number;
  waitingList: { mean: number | null; end: number | null };
  freshDataShare: number | null;
}

export interface DailyFigures {
  date: string;
  occupied: number;
  beds: number;
  occupancy: number | null;
  freshDataShare: number | null;
}

export interface StatisticsResponse {
  scope: { kind: string; code: string; name: string };
  period: 'month' | 'year';
  from: string;
  to: string;
  freshnessHours: number;
  isSynthetic: boolean;
  items: PeriodFigures[];
  daily?: DailyFigures[];
}

/** The latest period that has any data (occupancy known or admissions recorded), else null. */
export function latestPeriod(stats: Pick<StatisticsResponse, 'items'>): PeriodFigures | null {
  for (let i = stats.items.length - 1; i >= 0; i--) {
    const p = stats.items[i]!;
    if (p.occupancy !== null || p.admissions > 0 || p.refusals > 0) {
      return p;
    }
  }
  return null;
}
