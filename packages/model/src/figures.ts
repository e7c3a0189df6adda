import {
  addMovements,
  addReturns,
  addWaitingList,
  countHospiceDays,
  dayFrame,
  scopeBeds,
  type Accumulator,
  type SourceOf,
} from './figures-days';
import type { DailyFigures, FiguresInput, PeriodFigures } from './figures-types';

// Figures derived from registrations, never re-keyed: occupancy and bed-days per day, admissions,
// departures by kind, length of stay, refusals and waiting list per month or year, for one hospice
// or every hospice of a region. Pure: the data package loads the rows and passes them in.
//
// Definitions (docs/data-collection.md):
// - occupied on day d: stays admitted on or before d and not departed on or before d (midnight
//   census); bed-days are the sum over the days; occupancy = bed-days ÷ (licensed beds × days);
// - length of stay = departure date − admission date, in days, counted in the period of departure;
// - a hospice-month comes from events when the hospice registers movements (from the month of its
//   first admission or refusal on), else from its monthly return, else it has no data;
// - a hospice-day has fresh data when its bed status was set or confirmed within the freshness
//   window before the day ended (for today: before now).

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Period figures (and, when `daily`, day figures) of the hospices in scope, from their stays,
 * refusals, waiting-list reports and bed-status confirmations, or from their monthly returns where
 * they do not register movements. Counts in days and persons; occupancy and shares are 0–1 rounded
 * to 4 decimals, mean stay and waiting list to 2. Definitions: docs/data-collection.md.
 */
export function computeFigures(input: FiguresInput): {
  items: PeriodFigures[];
  daily?: DailyFigures[];
} {
  const frame = dayFrame(input);
  const beds = scopeBeds(input, frame);
  const inScope = (id: string, i: number): boolean => (beds.get(id)?.[i] ?? -1) >= 0;
  const returns = new Set(input.returns.map((r) => `${r.hospiceId}|${r.month}`));
  const sourceOf: SourceOf = (id, month) => {
    const since = input.eventsFrom.get(id);
    if (since !== undefined && month >= since) {
      return 'events';
    }
    return returns.has(`${id}|${month}`) ? 'return' : 'none';
  };
  const occupied = addMovements(input, frame, beds, inScope);
  const daily = countHospiceDays(input, frame, beds, occupied, sourceOf);
  addReturns(input, frame, inScope, sourceOf);
  addWaitingList(frame, daily);

  const items = [...frame.periods.values()].map(toPeriodFigures);
  if (!input.daily) {
    return { items };
  }
  const days: DailyFigures[] = frame.days.map((date, i) => ({
    date,
    occupied: daily.occupied[i]!,
    beds: daily.beds[i]!,
    occupancy: daily.beds[i]! > 0 ? round(daily.occupied[i]! / daily.beds[i]!) : null,
    freshDataShare: daily.scope[i]! > 0 ? round(daily.fresh[i]! / daily.scope[i]!) : null,
  }));
  return { items, daily: days };
}

function toPeriodFigures(acc: Accumulator): PeriodFigures {
  const losSum = acc.los.reduce((s, x) => s + x, 0) + acc.losReturnSum;
  const losCount = acc.los.length + acc.losReturnCount;
  const waitingEnd =
    acc.waitingEnd === null && !acc.hasWaitingReturn
      ? null
      : (acc.waitingEnd ?? 0) + acc.waitingEndFromReturns;
  return {
    period: acc.key,
    from: acc.from,
    to: acc.to,
    days: acc.days,
    hospices: acc.hospices.size,
    bedDays: acc.bedDays,
    bedDaysAvailable: acc.bedDaysAvailable,
    occupancy: acc.bedDaysAvailable > 0 ? round(acc.bedDays / acc.bedDaysAvailable) : null,
    admissions: acc.admissions,
    departures: {
      total: acc.died + acc.dischargedHome + acc.transferred,
      died: acc.died,
      dischargedHome: acc.dischargedHome,
      transferred: acc.transferred,
    },
    lengthOfStay: {
      count: losCount,
      meanDays: losCount > 0 ? round(losSum / losCount, 2) : null,
      medianDays: median(acc.los),
    },
    refusals: acc.refusals,
    waitingList: {
      mean: acc.waitingDays > 0 ? round(acc.waitingSum / acc.waitingDays, 2) : null,
      end: waitingEnd,
    },
    freshDataShare: acc.scopeDays > 0 ? round(acc.freshDays / acc.scopeDays) : null,
    coverage: {
      hospiceMonthsFromEvents: acc.fromEvents.size,
      hospiceMonthsFromReturns: acc.fromReturns.size,
      hospiceMonthsWithoutData: acc.withoutData.size,
    },
  };
}
