import type { DailyFigures, PeriodFigures } from '@palliamonitor/contracts';
import type { DepartureKind } from '../store/schema';
import { addDays } from '../dates';
import { dutchDayEnd } from './freshness';

// Figures derived from registrations, never re-keyed: occupancy and bed-days per day, admissions,
// departures by kind, length of stay, refusals and waiting list per month or year, for one hospice
// or every hospice of a region. Pure: the loaders in statistics.repository.ts fetch the rows.
//
// Definitions (docs/data-collection.md):
// - occupied on day d: stays admitted on or before d and not departed on or before d (midnight
//   census); bed-days are the sum over the days; occupancy = bed-days ÷ (licensed beds × days);
// - length of stay = departure date − admission date, in days, counted in the period of departure;
// - a hospice-month comes from events when the hospice registers movements (from the month of its
//   first admission or refusal on), else from its monthly return, else it has no data;
// - a hospice-day has fresh data when its bed status was set or confirmed within the freshness
//   window before the day ended (for today: before now).

export interface ScopeInterval {
  hospiceId: string;
  /** First and last day (inclusive) the hospice counts toward the scope with these beds. */
  from: string;
  to: string;
  licensedBeds: number;
}

export interface StayFact {
  hospiceId: string;
  admittedOn: string;
  departedOn: string | null;
  departureKind: DepartureKind | null;
}

export interface ReturnFact {
  hospiceId: string;
  /** YYYY-MM */
  month: string;
  admissions: number;
  departuresDied: number;
  departuresDischargedHome: number;
  departuresTransferred: number;
  bedDays: number;
  refusals: number;
  waitingListEnd: number | null;
  lengthOfStayDaysTotal: number | null;
}

export interface FiguresInput {
  /** First and last day (inclusive; the last no later than today). */
  from: string;
  to: string;
  period: 'month' | 'year';
  intervals: ScopeInterval[];
  stays: StayFact[];
  refusals: Array<{ hospiceId: string; date: string; count: number }>;
  /** The last report of each day, any order. */
  waitingList: Array<{ hospiceId: string; date: string; size: number }>;
  /** Times (ms) of bed-status events; the latest of each day is enough. */
  confirmations: Array<{ hospiceId: string; at: number }>;
  /** Month (YYYY-MM) from which a hospice registers movements. */
  eventsFrom: Map<string, string>;
  returns: ReturnFact[];
  now: Date;
  freshnessHours: number;
  daily: boolean;
}

/** A waiting-list report counts for the days after it until the next one, at most this long. */
export const WAITING_LIST_CARRY_DAYS = 31;

interface Accumulator {
  key: string;
  from: string;
  to: string;
  days: number;
  hospices: Set<string>;
  bedDays: number;
  bedDaysAvailable: number;
  admissions: number;
  died: number;
  dischargedHome: number;
  transferred: number;
  los: number[];
  losReturnSum: number;
  losReturnCount: number;
  refusals: number;
  waitingSum: number;
  waitingDays: number;
  waitingEnd: number | null;
  waitingEndFromReturns: number;
  hasWaitingReturn: boolean;
  freshDays: number;
  scopeDays: number;
  fromEvents: Set<string>;
  fromReturns: Set<string>;
  withoutData: Set<string>;
}

export function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function computeFigures(input: FiguresInput): {
  items: PeriodFigures[];
  daily?: DailyFigures[];
} {
  const days: string[] = [];
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) {
    days.push(d);
  }
  const n = days.length;
  const indexOf = new Map(days.map((d, i) => [d, i]));
  const monthOf = days.map((d) => d.slice(0, 7));
  const periodKeyOf = (day: string) =>
    input.period === 'month' ? day.slice(0, 7) : day.slice(0, 4);

  // Periods in order, each with its accumulator.
  const periods = new Map<string, Accumulator>();
  for (const day of days) {
    const key = periodKeyOf(day);
    let acc = periods.get(key);
    if (!acc) {
      acc = newAccumulator(key, day);
      periods.set(key, acc);
    }
    acc.to = day;
    acc.days += 1;
  }
  const periodOfDay = days.map((d) => periods.get(periodKeyOf(d))!);

  // Where each hospice counts, with its beds, per day.
  const hospiceIds = [...new Set(input.intervals.map((i) => i.hospiceId))];
  const beds = new Map<string, Int32Array>();
  for (const id of hospiceIds) {
    beds.set(id, new Int32Array(n).fill(-1));
  }
  for (const interval of input.intervals) {
    const arr = beds.get(interval.hospiceId)!;
    const start = Math.max(0, indexOf.get(interval.from) ?? (interval.from < input.from ? 0 : n));
    const end = interval.to > input.to ? n - 1 : (indexOf.get(interval.to) ?? -1);
    for (let i = start; i <= end; i++) {
      arr[i] = interval.licensedBeds;
    }
  }
  const inScope = (id: string, i: number): boolean => (beds.get(id)?.[i] ?? -1) >= 0;

  const returns = new Map(input.returns.map((r) => [`${r.hospiceId}|${r.month}`, r]));
  const sourceOf = (id: string, month: string): 'events' | 'return' | 'none' => {
    const since = input.eventsFrom.get(id);
    if (since !== undefined && month >= since) {
      return 'events';
    }
    return returns.has(`${id}|${month}`) ? 'return' : 'none';
  };

  // Occupied beds per hospice per day, by a difference array over the stays.
  const occupied = new Map<string, Int32Array>();
  for (const id of hospiceIds) {
    occupied.set(id, new Int32Array(n + 1));
  }
  for (const stay of input.stays) {
    const diff = occupied.get(stay.hospiceId);
    if (!diff) {
      continue;
    }
    const start = stay.admittedOn < input.from ? 0 : indexOf.get(stay.admittedOn);
    if (start === undefined) {
      continue; // admitted after the range
    }
    const end =
      stay.departedOn === null || stay.departedOn > input.to ? n : indexOf.get(stay.departedOn);
    if (end === undefined || end <= start) {
      continue; // departed before the range or on the day of admission
    }
    diff[start]! += 1;
    diff[end]! -= 1;
    const i = indexOf.get(stay.admittedOn);
    if (i !== undefined && inScope(stay.hospiceId, i)) {
      periodOfDay[i]!.admissions += 1;
    }
  }
  for (const diff of occupied.values()) {
    for (let i = 1; i < n; i++) {
      diff[i]! += diff[i - 1]!;
    }
  }
  // Admissions of stays admitted and departed on one day were skipped above; count them too.
  for (const stay of input.stays) {
    if (stay.departedOn === stay.admittedOn) {
      const i = indexOf.get(stay.admittedOn);
      if (i !== undefined && inScope(stay.hospiceId, i)) {
        periodOfDay[i]!.admissions += 1;
      }
    }
  }
  for (const stay of input.stays) {
    if (stay.departedOn === null) {
      continue;
    }
    const i = indexOf.get(stay.departedOn);
    if (i === undefined || !inScope(stay.hospiceId, i)) {
      continue;
    }
    const acc = periodOfDay[i]!;
    if (stay.departureKind === 'died') {
      acc.died += 1;
    } else if (stay.departureKind === 'discharged-home') {
      acc.dischargedHome += 1;
    } else {
      acc.transferred += 1;
    }
    acc.los.push(
      Math.round((Date.parse(stay.departedOn) - Date.parse(stay.admittedOn)) / 86_400_000),
    );
  }
  for (const refusal of input.refusals) {
    const i = indexOf.get(refusal.date);
    if (i !== undefined && inScope(refusal.hospiceId, i)) {
      periodOfDay[i]!.refusals += refusal.count;
    }
  }

  // Freshness: for each day, the latest confirmation before the day ended (or now, for today).
  const nowMs = input.now.getTime();
  const windowMs = input.freshnessHours * 3_600_000;
  const dayEnds = days.map((d) => Math.min(dutchDayEnd(d).getTime(), nowMs));
  const confirmations = new Map<string, number[]>();
  for (const c of input.confirmations) {
    const list = confirmations.get(c.hospiceId) ?? [];
    list.push(c.at);
    confirmations.set(c.hospiceId, list);
  }
  const waiting = new Map<string, Map<string, number>>();
  for (const w of input.waitingList) {
    const map = waiting.get(w.hospiceId) ?? new Map<string, number>();
    map.set(w.date, w.size);
    waiting.set(w.hospiceId, map);
  }

  const dailyOccupied = new Int32Array(n);
  const dailyBeds = new Int32Array(n);
  const dailyFresh = new Int32Array(n);
  const dailyScope = new Int32Array(n);
  const dailyWaiting = new Float64Array(n);
  const dailyHasWaiting = new Uint8Array(n);

  for (const id of hospiceIds) {
    const bedsOf = beds.get(id)!;
    const occ = occupied.get(id)!;
    const times = (confirmations.get(id) ?? []).sort((a, b) => a - b);
    let pointer = -1;
    const reports = waiting.get(id);
    const reportDates = reports ? [...reports.keys()].sort() : [];
    let reportPointer = -1;
    for (let i = 0; i < n; i++) {
      while (pointer + 1 < times.length && times[pointer + 1]! <= dayEnds[i]!) {
        pointer++;
      }
      while (
        reportPointer + 1 < reportDates.length &&
        reportDates[reportPointer + 1]! <= days[i]!
      ) {
        reportPointer++;
      }
      if (bedsOf[i]! < 0) {
        continue;
      }
      const acc = periodOfDay[i]!;
      acc.hospices.add(id);
      acc.scopeDays += 1;
      dailyScope[i]! += 1;
      const isFresh = pointer >= 0 && dayEnds[i]! - times[pointer]! < windowMs;
      if (isFresh) {
        acc.freshDays += 1;
        dailyFresh[i]! += 1;
      }
      const month = monthOf[i]!;
      const source = sourceOf(id, month);
      const monthKey = `${id}|${month}`;
      if (source === 'events') {
        acc.fromEvents.add(monthKey);
        acc.bedDays += occ[i]!;
        acc.bedDaysAvailable += bedsOf[i]!;
        dailyOccupied[i]! += occ[i]!;
        dailyBeds[i]! += bedsOf[i]!;
      } else if (source === 'return') {
        acc.fromReturns.add(monthKey);
        acc.bedDaysAvailable += bedsOf[i]!;
      } else {
        acc.withoutData.add(monthKey);
      }
      if (reportPointer >= 0) {
        const date = reportDates[reportPointer]!;
        if (addDays(date, WAITING_LIST_CARRY_DAYS) > days[i]!) {
          dailyWaiting[i]! += reports!.get(date)!;
          dailyHasWaiting[i] = 1;
        }
      }
    }
  }

  // Returns: whole months, attributed to the period of their month when the hospice is in scope.
  for (const r of input.returns) {
    const monthDays = days
      .map((d, i) => [d, i] as const)
      .filter(([d, i]) => d.startsWith(r.month) && inScope(r.hospiceId, i));
    if (monthDays.length === 0 || sourceOf(r.hospiceId, r.month) !== 'return') {
      continue;
    }
    const acc = periodOfDay[monthDays[0]![1]]!;
    acc.bedDays += r.bedDays;
    acc.admissions += r.admissions;
    acc.died += r.departuresDied;
    acc.dischargedHome += r.departuresDischargedHome;
    acc.transferred += r.departuresTransferred;
    acc.refusals += r.refusals;
    if (r.lengthOfStayDaysTotal !== null) {
      acc.losReturnSum += r.lengthOfStayDaysTotal;
      acc.losReturnCount += r.departuresDied + r.departuresDischargedHome + r.departuresTransferred;
    }
    if (r.waitingListEnd !== null && acc.to.startsWith(r.month)) {
      acc.waitingEndFromReturns += r.waitingListEnd;
      acc.hasWaitingReturn = true;
    }
  }

  for (let i = 0; i < n; i++) {
    if (dailyHasWaiting[i]) {
      const acc = periodOfDay[i]!;
      acc.waitingSum += dailyWaiting[i]!;
      acc.waitingDays += 1;
      if (days[i] === acc.to) {
        acc.waitingEnd = dailyWaiting[i]!;
      }
    }
  }

  const items = [...periods.values()].map(toPeriodFigures);
  if (!input.daily) {
    return { items };
  }
  const daily: DailyFigures[] = days.map((date, i) => ({
    date,
    occupied: dailyOccupied[i]!,
    beds: dailyBeds[i]!,
    occupancy: dailyBeds[i]! > 0 ? round(dailyOccupied[i]! / dailyBeds[i]!) : null,
    freshDataShare: dailyScope[i]! > 0 ? round(dailyFresh[i]! / dailyScope[i]!) : null,
  }));
  return { items, daily };
}

function newAccumulator(key: string, day: string): Accumulator {
  return {
    key,
    from: day,
    to: day,
    days: 0,
    hospices: new Set(),
    bedDays: 0,
    bedDaysAvailable: 0,
    admissions: 0,
    died: 0,
    dischargedHome: 0,
    transferred: 0,
    los: [],
    losReturnSum: 0,
    losReturnCount: 0,
    refusals: 0,
    waitingSum: 0,
    waitingDays: 0,
    waitingEnd: null,
    waitingEndFromReturns: 0,
    hasWaitingReturn: false,
    freshDays: 0,
    scopeDays: 0,
    fromEvents: new Set(),
    fromReturns: new Set(),
    withoutData: new Set(),
  };
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
