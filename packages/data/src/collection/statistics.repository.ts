import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { Statistics } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { addDays, dutchDate } from '../dates';
import {
  computeFigures,
  type DailyFigures,
  type PeriodFigures,
  type ScopeInterval,
} from '@palliamonitor/model';
import { loadFacts, loadStays, type Facts, type WindowStays } from './statistics-facts';

// Loads what computeFigures needs for one hospice, one region (via the effective-dated region
// membership, so a gemeente that moved counts toward each region for its own days) or the whole
// country ('NL').

export const NATIONAL_CODE = 'NL';

export type StatisticsScope =
  { kind: 'hospice'; hospiceId: string } | { kind: 'region'; code: string };

export interface StatisticsQuery {
  /** YYYY-MM or YYYY; default: 11 months before the current month (month) or this year (year). */
  from?: string | undefined;
  to?: string | undefined;
  period: 'month' | 'year';
  daily?: boolean | undefined;
  /** For a region: also the figures of each hospice in it (what a regional cockpit lists). */
  byHospice?: boolean | undefined;
}

const MAX_DAYS = 3_700;

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The inclusive day range of a query, the last day no later than today. */
export function statisticsRange(
  query: StatisticsQuery,
  today: string,
): { from: string; to: string } {
  const thisMonth = today.slice(0, 7);
  const startOf = (text: string) => (text.length === 4 ? `${text}-01-01` : `${text}-01`);
  const endOf = (text: string) => (text.length === 4 ? `${text}-12-31` : lastDayOfMonth(text));
  let from: string;
  if (query.from !== undefined) {
    from = startOf(query.from);
  } else if (query.period === 'year') {
    from = `${today.slice(0, 4)}-01-01`;
  } else {
    const [y, m] = thisMonth.split('-').map(Number) as [number, number];
    const start = new Date(Date.UTC(y, m - 1 - 11, 1));
    from = start.toISOString().slice(0, 10);
  }
  let to = query.to !== undefined ? endOf(query.to) : today;
  if (to > today) {
    to = today;
  }
  const issues: Issue[] = [];
  if (from > today) {
    issues.push({
      field: 'from',
      message: `must not be in the future (today is ${today})`,
      code: 'date.inFuture',
      params: { today, date: from },
    });
  }
  if (to < from) {
    issues.push({
      field: 'to',
      message: `must not be before from (${from})`,
      code: 'period.toBeforeFrom',
      params: { from },
    });
  }
  if (issues.length === 0 && (Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_DAYS) {
    issues.push({
      field: 'from',
      message: 'the range may span at most 10 years',
      code: 'period.tooLong',
      params: { years: 10 },
    });
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'the period is invalid', issues);
  }
  return { from, to };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** The days each hospice counts toward the scope, with its licensed beds, within [from, to]. */
async function scopeIntervals(
  db: Kysely<Database>,
  scope: StatisticsScope,
  regionType: string | null,
  from: string,
  to: string,
): Promise<ScopeInterval[]> {
  let q = db
    .selectFrom('hospice_version')
    .select([
      'hospice_id',
      'valid_from',
      'valid_to',
      'opened_on',
      'closed_on',
      'gemeente_code',
      'licensed_beds',
    ])
    .where('valid_from', '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', from)]));
  if (scope.kind === 'hospice') {
    q = q.where('hospice_id', '=', scope.hospiceId);
  } else if (regionType === 'gemeente') {
    q = q.where('gemeente_code', '=', scope.code);
  }
  const versions = await q.execute();
  // Per gemeente, the day ranges it belonged to the region (all days for hospice/national/gemeente).
  let membership: Map<string, Array<{ from: string; to: string }>> | null = null;
  if (scope.kind === 'region' && regionType !== null && regionType !== 'gemeente') {
    const rows = await db
      .selectFrom('region_membership')
      .select(['gemeente_code', 'valid_from', 'valid_to'])
      .where('parent_code', '=', scope.code)
      .execute();
    membership = new Map();
    for (const r of rows) {
      const list = membership.get(r.gemeente_code) ?? [];
      list.push({
        from: r.valid_from ?? '0001-01-01',
        to: r.valid_to === null ? '9999-12-31' : addDays(r.valid_to, -1),
      });
      membership.set(r.gemeente_code, list);
    }
  }
  const intervals: ScopeInterval[] = [];
  for (const v of versions) {
    let start = maxDate(from, v.valid_from);
    let end = minDate(to, v.valid_to === null ? to : addDays(v.valid_to, -1));
    if (v.opened_on !== null) {
      start = maxDate(start, v.opened_on);
    }
    if (v.closed_on !== null) {
      end = minDate(end, addDays(v.closed_on, -1));
    }
    const ranges =
      membership === null ? [{ from: start, to: end }] : (membership.get(v.gemeente_code) ?? []);
    for (const range of ranges) {
      const s = maxDate(start, range.from);
      const e = minDate(end, range.to);
      if (s <= e) {
        intervals.push({ hospiceId: v.hospice_id, from: s, to: e, licensedBeds: v.licensed_beds });
      }
    }
  }
  return intervals;
}

/** The name of each facility as registered on `asOf` (or before it, when it had ended). */
async function hospiceNames(
  db: Kysely<Database>,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('hospice_version')
    .distinctOn('hospice_id')
    .select(['hospice_id', 'name'])
    .where('hospice_id', 'in', ids)
    .where('valid_from', '<=', asOf)
    .orderBy('hospice_id')
    .orderBy('valid_from', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.hospice_id, r.name]));
}

/** Who the statistics are about, and the type of the region when it is one. */
async function scopeInfoOf(
  db: Kysely<Database>,
  scope: StatisticsScope,
): Promise<{ scopeInfo: Statistics['scope']; regionType: string | null }> {
  if (scope.kind === 'hospice') {
    const latest = await db
      .selectFrom('hospice_version')
      .select('name')
      .where('hospice_id', '=', scope.hospiceId)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!latest) {
      throw new AppError('NOT_FOUND', `hospice ${scope.hospiceId} does not exist`);
    }
    return {
      scopeInfo: { kind: 'hospice', code: scope.hospiceId, name: latest.name },
      regionType: null,
    };
  }
  if (scope.code === NATIONAL_CODE) {
    return {
      scopeInfo: { kind: 'national', code: NATIONAL_CODE, name: 'Nederland' },
      regionType: null,
    };
  }
  const region = await db
    .selectFrom('region')
    .select(['code', 'name', 'type'])
    .where('code', '=', scope.code)
    .executeTakeFirst();
  if (!region) {
    throw new AppError('NOT_FOUND', `region ${scope.code} does not exist`);
  }
  return {
    scopeInfo: { kind: region.type, code: region.code, name: region.name },
    regionType: region.type,
  };
}

/**
 * The statistics as computed, every count as it is: for the server's own use, and published
 * through `publishStatistics` (the small-count rule) to those who ask.
 */
export interface ComputedStatistics extends Omit<Statistics, 'items' | 'daily' | 'hospices'> {
  items: PeriodFigures[];
  daily?: DailyFigures[];
  hospices?: Array<{
    hospiceId: string;
    name: string;
    items: PeriodFigures[];
    daily?: DailyFigures[];
  }>;
}

/** Statistics by month or year for a hospice, a region (GM/PV/ZK code) or the country ('NL'). */
export async function getStatistics(
  db: Kysely<Database>,
  scope: StatisticsScope,
  query: StatisticsQuery,
  options: { now: Date; freshnessHours: number },
): Promise<ComputedStatistics> {
  const today = dutchDate(options.now);
  const { from, to } = statisticsRange(query, today);
  const { scopeInfo, regionType } = await scopeInfoOf(db, scope);

  const intervals = await scopeIntervals(db, scope, regionType, from, to);
  const ids = [...new Set(intervals.map((i) => i.hospiceId))];
  const national = scope.kind === 'region' && scope.code === NATIONAL_CODE;
  // Filter by hospice unless the whole country is asked for (a long IN list buys nothing there).
  const filtered = !national;

  const result = (
    { stays, presentThroughout }: WindowStays,
    { synthetic: _synthetic, ...rest }: Facts,
    scopeIntervals = intervals,
  ) =>
    computeFigures({
      from,
      to,
      period: query.period,
      intervals: scopeIntervals,
      stays,
      presentThroughout,
      ...rest,
      now: options.now,
      freshnessHours: options.freshnessHours,
      daily: query.daily ?? false,
    });
  const header = {
    scope: scopeInfo,
    period: query.period,
    from,
    to,
    freshnessHours: options.freshnessHours,
  };

  if (ids.length === 0) {
    const empty = result(
      { stays: [], presentThroughout: new Map() },
      {
        refusals: [],
        waitingList: [],
        confirmations: [],
        eventsFrom: new Map(),
        returns: [],
        synthetic: false,
      },
    );
    return {
      ...header,
      isSynthetic: false,
      ...empty,
      ...(query.byHospice && scope.kind === 'region' ? { hospices: [] } : {}),
    };
  }

  const window = { from, to, today, now: options.now, freshnessHours: options.freshnessHours };
  const [stays, rest] = await Promise.all([
    loadStays(db, ids, filtered, window),
    loadFacts(db, ids, filtered, window),
  ]);
  const figures = result(stays, rest);
  if (!query.byHospice || scope.kind !== 'region') {
    return { ...header, isSynthetic: rest.synthetic, ...figures };
  }
  // The same facts, split by hospice: one load serves the region and each of its hospices.
  const mine = <T extends { hospiceId: string }>(list: readonly T[], id: string) =>
    list.filter((x) => x.hospiceId === id);
  const names = await hospiceNames(db, ids, to);
  const hospices = ids.map((id) => ({
    hospiceId: id,
    name: names.get(id) ?? id,
    ...result(
      {
        stays: mine(stays.stays, id),
        presentThroughout: new Map([[id, stays.presentThroughout.get(id) ?? 0]]),
      },
      {
        ...rest,
        refusals: mine(rest.refusals, id),
        waitingList: mine(rest.waitingList, id),
        confirmations: mine(rest.confirmations, id),
        returns: mine(rest.returns, id),
      },
      mine(intervals, id),
    ),
  }));
  return { ...header, isSynthetic: rest.synthetic, ...figures, hospices };
}
