import {
  DAILY_SUPPRESSIBLE,
  SMALL_COUNT_LIMIT,
  STATISTICS_SUPPRESSIBLE,
  type DailyFigures,
  type DailySuppressible,
  type PeriodFigures,
  type Statistics,
  type StatisticsSuppressible,
} from '@palliamonitor/contracts';
import type {
  DailyFigures as ComputedDay,
  PeriodFigures as ComputedPeriod,
} from '@palliamonitor/model';
import type { ComputedStatistics } from './statistics.repository';

// The small-count rule of the open data (open-data/open-data.service.ts), applied to the
// statistics for callers who may not read the registrations behind them. The same choices as the
// open data: bed-days count people (a night of a guest), so 1 to 4 of them are suppressed, and
// occupancy goes with them because with the published beds it gives them back; the daily
// occupied beds are the guests of that night, suppressed the same way. Zero is shown: it names
// nobody. Beyond the open data, which publishes no totals, these answers hold totals with their
// parts (departures by kind, a region beside its hospices): there a part hidden alone would be the
// total minus the others, so a second part is hidden too (complementary suppression).

/**
 * A count of people as published: 1 to 4 could point at one guest in a small region and month,
 * so it becomes null. Zero is published: it says that nobody was there or was refused, which
 * names no one, and hiding it would hide every quiet region too.
 */
export function isSuppressed(count: number): boolean {
  return count > 0 && count < SMALL_COUNT_LIMIT;
}

type Cells<K extends string> = Map<K, number | null>;

/** What is computed from counts, hidden with them (not by the rule on its own value). */
const DERIVED = new Set<StatisticsSuppressible>([
  'occupancy',
  'lengthOfStay.meanDays',
  'lengthOfStay.medianDays',
  'waitingList.mean',
]);

/** The counts of people of a period row. */
const PERIOD_COUNTS = STATISTICS_SUPPRESSIBLE.filter((k) => !DERIVED.has(k));

const DEPARTURE_KINDS = [
  'departures.died',
  'departures.dischargedHome',
  'departures.transferred',
] as const satisfies readonly StatisticsSuppressible[];

function periodCells(p: ComputedPeriod): Cells<StatisticsSuppressible> {
  return new Map<StatisticsSuppressible, number | null>([
    ['bedDays', p.bedDays],
    ['admissions', p.admissions],
    ['departures.total', p.departures.total],
    ['departures.died', p.departures.died],
    ['departures.dischargedHome', p.departures.dischargedHome],
    ['departures.transferred', p.departures.transferred],
    ['lengthOfStay.count', p.lengthOfStay.count],
    ['refusals', p.refusals],
    ['waitingList.end', p.waitingList.end],
  ]);
}

/** A row being cut: its counts and the fields hidden so far. */
interface Cut<K extends string> {
  cells: Cells<K>;
  hidden: Set<K>;
}

function primary<K extends string>(cells: Cells<K>, counts: readonly K[]): Cut<K> {
  const hidden = new Set<K>(
    counts.filter((k) => {
      const v = cells.get(k);
      return v !== null && v !== undefined && isSuppressed(v);
    }),
  );
  return { cells, hidden };
}

/**
 * Parts of a shown total: when exactly one part is hidden, it would be the total minus the others,
 * so the smallest other part that is not zero is hidden too; without one, the total. Says whether
 * it hid anything.
 */
function protectParts(
  total: { hidden: boolean; hide: () => void },
  parts: ReadonlyArray<{ value: number | null; hidden: boolean; hide: () => void }>,
): boolean {
  if (total.hidden || parts.filter((p) => p.hidden).length !== 1) {
    return false;
  }
  const candidates = parts.filter((p) => !p.hidden && p.value !== null && p.value > 0);
  const smallest = candidates.sort((a, b) => a.value! - b.value!)[0];
  if (smallest === undefined) {
    total.hide();
  } else {
    smallest.hide();
  }
  return true;
}

/** A count of people beside others in an answer that is not a statistics row, and whether it is hidden. */
export interface CountCell {
  readonly value: number;
  hidden: boolean;
}

/** A count as published to a caller who may not see small counts: hidden when it is 1 to 4. */
export const countCell = (value: number): CountCell => ({ value, hidden: isSuppressed(value) });

/** The cells of a caller's answer: hidden as `countCell` says, or never for one who sees all. */
export const countCellsFor =
  (smallCounts: boolean) =>
  (value: number): CountCell =>
    smallCounts ? { value, hidden: false } : countCell(value);

/**
 * A total and its parts that an answer (or another public answer) shows side by side. A total
 * the answer does not hold itself is still given: it is public elsewhere (the statistics), so it
 * gives a part back by subtraction all the same.
 */
export interface CountSum {
  total: CountCell;
  parts: readonly CountCell[];
}

const viewOf = (cell: CountCell) => ({
  value: cell.value,
  hidden: cell.hidden,
  hide: () => {
    cell.hidden = true;
  },
});

/**
 * The complementary rule of the statistics over other answers' sums: repeats until no hidden
 * part could be worked out as its total minus the others (each step only hides).
 */
export function protectSums(sums: readonly CountSum[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const sum of sums) {
      changed = protectParts(viewOf(sum.total), sum.parts.map(viewOf)) || changed;
    }
  }
}

function cellOf<K extends string>(cut: Cut<K>, key: K) {
  return {
    value: cut.cells.get(key) ?? null,
    hidden: cut.hidden.has(key),
    hide: () => cut.hidden.add(key),
  };
}

/** The departures by kind against their total, within one row. */
function protectDepartures(cut: Cut<StatisticsSuppressible>): boolean {
  return protectParts(
    cellOf(cut, 'departures.total'),
    DEPARTURE_KINDS.map((k) => cellOf(cut, k)),
  );
}

/** Each count of the region's row against the same count of its hospices' rows. */
function protectAcross<K extends string>(
  total: Cut<K> | undefined,
  parts: ReadonlyArray<Cut<K>>,
  counts: readonly K[],
): boolean {
  if (total === undefined || parts.length === 0) {
    return false;
  }
  let changed = false;
  for (const key of counts) {
    changed =
      protectParts(
        cellOf(total, key),
        parts.map((p) => cellOf(p, key)),
      ) || changed;
  }
  return changed;
}

const shown = <K extends string>(cut: Cut<K>, key: K, value: number | null) =>
  cut.hidden.has(key) ? null : value;

function deriveHidden(p: ComputedPeriod, cut: Cut<StatisticsSuppressible>): void {
  if (cut.hidden.has('bedDays') && p.occupancy !== null) {
    cut.hidden.add('occupancy');
  }
  // A mean or median of fewer than five stays says too much of each of them.
  if (p.lengthOfStay.count < SMALL_COUNT_LIMIT) {
    if (p.lengthOfStay.meanDays !== null) {
      cut.hidden.add('lengthOfStay.meanDays');
    }
    if (p.lengthOfStay.medianDays !== null) {
      cut.hidden.add('lengthOfStay.medianDays');
    }
  }
  const mean = p.waitingList.mean;
  if (mean !== null && mean > 0 && mean < SMALL_COUNT_LIMIT) {
    cut.hidden.add('waitingList.mean');
  }
}

function publishPeriod(p: ComputedPeriod, cut: Cut<StatisticsSuppressible>): PeriodFigures {
  const s = (key: StatisticsSuppressible, value: number | null) => shown(cut, key, value);
  return {
    ...p,
    bedDays: s('bedDays', p.bedDays),
    occupancy: s('occupancy', p.occupancy),
    admissions: s('admissions', p.admissions),
    departures: {
      total: s('departures.total', p.departures.total),
      died: s('departures.died', p.departures.died),
      dischargedHome: s('departures.dischargedHome', p.departures.dischargedHome),
      transferred: s('departures.transferred', p.departures.transferred),
    },
    lengthOfStay: {
      count: s('lengthOfStay.count', p.lengthOfStay.count),
      meanDays: s('lengthOfStay.meanDays', p.lengthOfStay.meanDays),
      medianDays: s('lengthOfStay.medianDays', p.lengthOfStay.medianDays),
    },
    refusals: s('refusals', p.refusals),
    waitingList: {
      mean: s('waitingList.mean', p.waitingList.mean),
      end: s('waitingList.end', p.waitingList.end),
    },
    suppressed: inOrder(STATISTICS_SUPPRESSIBLE, cut.hidden),
  };
}

/** The hidden fields in the order of the contract's list, so every row names them alike. */
const inOrder = <K extends string>(list: readonly K[], hidden: ReadonlySet<K>): K[] =>
  list.filter((k) => hidden.has(k));

function publishDay(d: ComputedDay, cut: Cut<DailySuppressible>): DailyFigures {
  return {
    ...d,
    occupied: shown(cut, 'occupied', d.occupied),
    occupancy: shown(cut, 'occupancy', d.occupancy),
    suppressed: inOrder(DAILY_SUPPRESSIBLE, cut.hidden),
  };
}

/** Cuts of the same period (or day) across the scope and its hospices, by position. */
function periodCuts(rows: readonly (readonly ComputedPeriod[])[], full: boolean) {
  const counts = full ? [] : PERIOD_COUNTS;
  return rows.map((items) => items.map((p) => primary(periodCells(p), counts)));
}

function dayCuts(rows: readonly (readonly ComputedDay[] | undefined)[], full: boolean) {
  const counts: DailySuppressible[] = full ? [] : ['occupied'];
  return rows.map((days) =>
    (days ?? []).map((d) =>
      primary(new Map<DailySuppressible, number | null>([['occupied', d.occupied]]), counts),
    ),
  );
}

/** Repeats the complementary steps until nothing more is hidden (each step only hides). */
function settle(
  periods: Cut<StatisticsSuppressible>[][],
  days: Cut<DailySuppressible>[][],
  byHospice: boolean,
): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const row of periods) {
      for (const cut of row) {
        changed = protectDepartures(cut) || changed;
      }
    }
    if (!byHospice) {
      continue;
    }
    const [scope, ...hospices] = periods;
    scope?.forEach((cut, i) => {
      const parts = hospices.map((h) => h[i]).filter((c) => c !== undefined);
      changed = protectAcross(cut, parts, PERIOD_COUNTS) || changed;
    });
    const [scopeDays, ...hospiceDays] = days;
    scopeDays?.forEach((cut, i) => {
      const parts = hospiceDays.map((h) => h[i]).filter((c) => c !== undefined);
      changed = protectAcross(cut, parts, ['occupied'] as const) || changed;
    });
  }
}

/**
 * The statistics as published to a caller: in full (with empty `suppressed` lists) for one who
 * may read the registrations of the scope, else with the small counts suppressed.
 */
export function publishStatistics(
  stats: ComputedStatistics,
  options: { smallCounts: boolean },
): Statistics {
  const hospices = stats.hospices ?? [];
  // Row 0 is the scope, then its hospices; a reader who may see everything hides nothing.
  const computed = [stats.items, ...hospices.map((h) => h.items)];
  const computedDays = [stats.daily, ...hospices.map((h) => h.daily)];
  const periods = periodCuts(computed, options.smallCounts);
  const days = dayCuts(computedDays, options.smallCounts);
  if (!options.smallCounts) {
    settle(periods, days, stats.hospices !== undefined);
    periods.forEach((row, r) => row.forEach((cut, i) => deriveHidden(computed[r]![i]!, cut)));
    days.forEach((row, r) =>
      row.forEach((cut, i) => {
        if (cut.hidden.has('occupied') && computedDays[r]![i]!.occupancy !== null) {
          cut.hidden.add('occupancy');
        }
      }),
    );
  }
  const items = (list: readonly ComputedPeriod[], row: number) =>
    list.map((p, i) => publishPeriod(p, periods[row]![i]!));
  const daily = (list: readonly ComputedDay[] | undefined, row: number) =>
    list === undefined ? {} : { daily: list.map((d, i) => publishDay(d, days[row]![i]!)) };
  const { hospices: _hospices, daily: _daily, items: _items, ...header } = stats;
  return {
    ...header,
    items: items(stats.items, 0),
    ...daily(stats.daily, 0),
    ...(stats.hospices === undefined
      ? {}
      : {
          hospices: hospices.map((h, i) => ({
            hospiceId: h.hospiceId,
            name: h.name,
            items: items(h.items, i + 1),
            ...daily(h.daily, i + 1),
          })),
        }),
  };
}
