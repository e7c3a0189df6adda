import { addDays, dutchDayEnd } from './calendar';
import type { FiguresInput } from './figures-types';

// The steps of computeFigures (figures.ts): lay out the days and periods, place each hospice's beds
// on them, add the registered movements, walk every hospice-day, then add monthly returns and the
// waiting list. Each step adds to the period accumulators in place.

/** A waiting-list report counts for the days after it until the next one, at most this long. */
export const WAITING_LIST_CARRY_DAYS = 31;

export interface Accumulator {
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

export interface DayFrame {
  readonly days: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly monthOf: readonly string[];
  /** Periods in order, each with its accumulator. */
  readonly periods: ReadonlyMap<string, Accumulator>;
  readonly periodOfDay: readonly Accumulator[];
}

/** Where a hospice-month's figures come from. */
export type SourceOf = (hospiceId: string, month: string) => 'events' | 'return' | 'none';

/** Licensed beds per hospice per day, -1 where the hospice is not in scope that day. */
export type ScopeBeds = ReadonlyMap<string, Int32Array>;

export function dayFrame(input: FiguresInput): DayFrame {
  const days: string[] = [];
  for (let d = input.from; d <= input.to; d = addDays(d, 1)) {
    days.push(d);
  }
  const periodKeyOf = (day: string) =>
    input.period === 'month' ? day.slice(0, 7) : day.slice(0, 4);
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
  return {
    days,
    indexOf: new Map(days.map((d, i) => [d, i])),
    monthOf: days.map((d) => d.slice(0, 7)),
    periods,
    periodOfDay: days.map((d) => periods.get(periodKeyOf(d))!),
  };
}

export function scopeBeds(input: FiguresInput, frame: DayFrame): ScopeBeds {
  const n = frame.days.length;
  const beds = new Map<string, Int32Array>();
  for (const id of new Set(input.intervals.map((i) => i.hospiceId))) {
    beds.set(id, new Int32Array(n).fill(-1));
  }
  for (const interval of input.intervals) {
    const arr = beds.get(interval.hospiceId)!;
    const start = Math.max(
      0,
      frame.indexOf.get(interval.from) ?? (interval.from < input.from ? 0 : n),
    );
    const end = interval.to > input.to ? n - 1 : (frame.indexOf.get(interval.to) ?? -1);
    for (let i = start; i <= end; i++) {
      arr[i] = interval.licensedBeds;
    }
  }
  return beds;
}

/**
 * Adds admissions, departures (with their length of stay) and refusals to the periods, and
 * returns the occupied beds per hospice per day (a difference array over the stays, summed).
 */
export function addMovements(
  input: FiguresInput,
  frame: DayFrame,
  beds: ScopeBeds,
  inScope: (id: string, i: number) => boolean,
): Map<string, Int32Array> {
  const n = frame.days.length;
  const { indexOf, periodOfDay } = frame;
  const occupied = new Map<string, Int32Array>();
  for (const id of beds.keys()) {
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
  for (const [id, count] of input.presentThroughout ?? []) {
    const diff = occupied.get(id);
    if (diff) {
      diff[0]! += count; // as `count` stays admitted before the range and departed after it
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
  addDepartures(input, frame, inScope);
  for (const refusal of input.refusals) {
    const i = indexOf.get(refusal.date);
    if (i !== undefined && inScope(refusal.hospiceId, i)) {
      periodOfDay[i]!.refusals += refusal.count;
    }
  }
  return occupied;
}

function addDepartures(
  input: FiguresInput,
  frame: DayFrame,
  inScope: (id: string, i: number) => boolean,
): void {
  for (const stay of input.stays) {
    if (stay.departedOn === null) {
      continue;
    }
    const i = frame.indexOf.get(stay.departedOn);
    if (i === undefined || !inScope(stay.hospiceId, i)) {
      continue;
    }
    const acc = frame.periodOfDay[i]!;
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
}

/** Per-day sums over the hospices in scope. */
export interface DailySums {
  readonly occupied: Int32Array;
  readonly beds: Int32Array;
  readonly fresh: Int32Array;
  readonly scope: Int32Array;
  readonly waiting: Float64Array;
  readonly hasWaiting: Uint8Array;
}

function groupBy<T, V>(
  rows: readonly T[],
  key: (row: T) => string,
  add: (into: V | undefined, row: T) => V,
): Map<string, V> {
  const groups = new Map<string, V>();
  for (const row of rows) {
    groups.set(key(row), add(groups.get(key(row)), row));
  }
  return groups;
}

/**
 * Walks every hospice-day in scope: counts it toward its period, marks it fresh when its bed
 * status was confirmed within the window before the day ended (or now, for today), takes its
 * occupancy from events or counts its month as covered by a return or without data, and carries
 * the last waiting-list report forward.
 */
export function countHospiceDays(
  input: FiguresInput,
  frame: DayFrame,
  beds: ScopeBeds,
  occupied: ReadonlyMap<string, Int32Array>,
  sourceOf: SourceOf,
): DailySums {
  const { days } = frame;
  const n = days.length;
  const nowMs = input.now.getTime();
  const windowMs = input.freshnessHours * 3_600_000;
  const dayEnds = days.map((d) => Math.min(dutchDayEnd(d).getTime(), nowMs));
  const confirmations = groupBy<{ hospiceId: string; at: number }, number[]>(
    input.confirmations,
    (c) => c.hospiceId,
    (list, c) => {
      const times = list ?? [];
      times.push(c.at);
      return times;
    },
  );
  const waiting = groupBy<{ hospiceId: string; date: string; size: number }, Map<string, number>>(
    input.waitingList,
    (w) => w.hospiceId,
    (map, w) => (map ?? new Map<string, number>()).set(w.date, w.size),
  );
  const sums: DailySums = {
    occupied: new Int32Array(n),
    beds: new Int32Array(n),
    fresh: new Int32Array(n),
    scope: new Int32Array(n),
    waiting: new Float64Array(n),
    hasWaiting: new Uint8Array(n),
  };
  for (const [id, bedsOf] of beds) {
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
      const acc = frame.periodOfDay[i]!;
      acc.hospices.add(id);
      acc.scopeDays += 1;
      sums.scope[i]! += 1;
      if (pointer >= 0 && dayEnds[i]! - times[pointer]! < windowMs) {
        acc.freshDays += 1;
        sums.fresh[i]! += 1;
      }
      const month = frame.monthOf[i]!;
      const source = sourceOf(id, month);
      const monthKey = `${id}|${month}`;
      if (source === 'events') {
        acc.fromEvents.add(monthKey);
        acc.bedDays += occ[i]!;
        acc.bedDaysAvailable += bedsOf[i]!;
        sums.occupied[i]! += occ[i]!;
        sums.beds[i]! += bedsOf[i]!;
      } else if (source === 'return') {
        acc.fromReturns.add(monthKey);
        acc.bedDaysAvailable += bedsOf[i]!;
      } else {
        acc.withoutData.add(monthKey);
      }
      if (reportPointer >= 0) {
        const date = reportDates[reportPointer]!;
        if (addDays(date, WAITING_LIST_CARRY_DAYS) > days[i]!) {
          sums.waiting[i]! += reports!.get(date)!;
          sums.hasWaiting[i] = 1;
        }
      }
    }
  }
  return sums;
}

/** Returns: whole months, attributed to the period of their month when the hospice is in scope. */
export function addReturns(
  input: FiguresInput,
  frame: DayFrame,
  inScope: (id: string, i: number) => boolean,
  sourceOf: SourceOf,
): void {
  for (const r of input.returns) {
    const monthDays = frame.days
      .map((d, i) => [d, i] as const)
      .filter(([d, i]) => d.startsWith(r.month) && inScope(r.hospiceId, i));
    if (monthDays.length === 0 || sourceOf(r.hospiceId, r.month) !== 'return') {
      continue;
    }
    const acc = frame.periodOfDay[monthDays[0]![1]]!;
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
}

/** The day sums of the waiting list into each period's mean and its value on the last day. */
export function addWaitingList(frame: DayFrame, sums: DailySums): void {
  frame.days.forEach((day, i) => {
    if (sums.hasWaiting[i]) {
      const acc = frame.periodOfDay[i]!;
      acc.waitingSum += sums.waiting[i]!;
      acc.waitingDays += 1;
      if (day === acc.to) {
        acc.waitingEnd = sums.waiting[i]!;
      }
    }
  });
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
