import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import type { Statistics } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { addDays, dutchDate } from '../dates';
import {
  computeFigures,
  WAITING_LIST_CARRY_DAYS,
  type ReturnFact,
  type ScopeInterval,
} from '@palliamonitor/model';
import { dutchMidnight } from './freshness';

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

/**
 * The confirmation times of hospice-days: the day's latest event, but no later than `now`. Only
 * today can hold a later event (a clock set back, or a test's fixed clock); those few hospices are
 * read from the log for today alone.
 */
async function latestUntilNow(
  db: Kysely<Database>,
  days: ReadonlyArray<{ hospice_id: string; day: string; last_at: string }>,
  now: string,
): Promise<Array<{ hospiceId: string; at: number }>> {
  const nowMs = Date.parse(now);
  const later = days.filter((d) => Date.parse(d.last_at) > nowMs);
  const result = days
    .filter((d) => Date.parse(d.last_at) <= nowMs)
    .map((d) => ({ hospiceId: d.hospice_id, at: Date.parse(d.last_at) }));
  if (later.length === 0) {
    return result;
  }
  const rows = await db
    .selectFrom('bed_status_event')
    .select(['hospice_id', (eb) => eb.fn.max('recorded_at').as('at')])
    .where(
      'hospice_id',
      'in',
      later.map((d) => d.hospice_id),
    )
    .where('recorded_at', '>=', dutchMidnight(later[0]!.day).toISOString())
    .where('recorded_at', '<=', now)
    .groupBy('hospice_id')
    .execute();
  return [
    ...result,
    ...rows.map((r) => ({ hospiceId: r.hospice_id, at: Date.parse(String(r.at)) })),
  ];
}

/** Statistics by month or year for a hospice, a region (GM/PV/ZK code) or the country ('NL'). */
export async function getStatistics(
  db: Kysely<Database>,
  scope: StatisticsScope,
  query: StatisticsQuery,
  options: { now: Date; freshnessHours: number },
): Promise<Statistics> {
  const today = dutchDate(options.now);
  const { from, to } = statisticsRange(query, today);
  let scopeInfo: Statistics['scope'];
  let regionType: string | null = null;
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
    scopeInfo = { kind: 'hospice', code: scope.hospiceId, name: latest.name };
  } else if (scope.code === NATIONAL_CODE) {
    scopeInfo = { kind: 'national', code: NATIONAL_CODE, name: 'Nederland' };
  } else {
    const region = await db
      .selectFrom('region')
      .select(['code', 'name', 'type'])
      .where('code', '=', scope.code)
      .executeTakeFirst();
    if (!region) {
      throw new AppError('NOT_FOUND', `region ${scope.code} does not exist`);
    }
    regionType = region.type;
    scopeInfo = { kind: region.type, code: region.code, name: region.name };
  }

  const intervals = await scopeIntervals(db, scope, regionType, from, to);
  const ids = [...new Set(intervals.map((i) => i.hospiceId))];
  const national = scope.kind === 'region' && scope.code === NATIONAL_CODE;
  // Filter by hospice unless the whole country is asked for (a long IN list buys nothing there).
  const filtered = !national;

  const result = (
    stays: Awaited<ReturnType<typeof loadStays>>,
    { synthetic: _synthetic, ...rest }: Awaited<ReturnType<typeof loadRest>>,
    scopeIntervals = intervals,
  ) =>
    computeFigures({
      from,
      to,
      period: query.period,
      intervals: scopeIntervals,
      stays,
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
    const empty = result([], {
      refusals: [],
      waitingList: [],
      confirmations: [],
      eventsFrom: new Map(),
      returns: [],
      synthetic: false,
    });
    return {
      ...header,
      isSynthetic: false,
      ...empty,
      ...(query.byHospice && scope.kind === 'region' ? { hospices: [] } : {}),
    };
  }

  async function loadStays() {
    const rows = await db
      .selectFrom('stay')
      .select(['hospice_id', 'admitted_on', 'departed_on', 'departure_kind'])
      .where('admitted_on', '<=', to)
      .where((eb) => eb.or([eb('departed_on', 'is', null), eb('departed_on', '>=', from)]))
      .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids))
      .execute();
    return rows.map((r) => ({
      hospiceId: r.hospice_id,
      admittedOn: r.admitted_on,
      departedOn: r.departed_on,
      departureKind: r.departure_kind,
    }));
  }

  async function loadRest() {
    const windowStart = new Date(
      dutchMidnight(from).getTime() - options.freshnessHours * 3_600_000,
    ).toISOString();
    const windowEnd = options.now.toISOString();
    const [refusals, waiting, confirmationDays, activity, returns, synthetic] = await Promise.all([
      db
        .selectFrom('refusal')
        .select(['hospice_id', 'refused_on', (eb) => eb.fn.sum<number>('count').as('n')])
        .where('refused_on', '>=', from)
        .where('refused_on', '<=', to)
        .groupBy(['hospice_id', 'refused_on'])
        .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids))
        .execute(),
      db
        .selectFrom('waiting_list_report')
        .distinctOn(['hospice_id', 'reported_on'])
        .select(['hospice_id', 'reported_on', 'size'])
        .where('reported_on', '>=', addDays(from, -WAITING_LIST_CARRY_DAYS))
        .where('reported_on', '<=', to)
        .orderBy('hospice_id')
        .orderBy('reported_on')
        .orderBy('id', 'desc')
        .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids))
        .execute(),
      // The latest event of each hospice-day in the window, kept per day as events arrive.
      db
        .selectFrom('bed_status_day')
        .select(['hospice_id', 'day', 'last_at'])
        .where('day', '>=', dutchDate(new Date(windowStart)))
        .where('day', '<=', today)
        .where('last_at', '>=', windowStart)
        .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids))
        .execute(),
      db
        .selectFrom('hospice_activity')
        .select(['hospice_id', 'events_from'])
        .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids))
        .execute(),
      db
        .selectFrom('monthly_return')
        .selectAll()
        .where('superseded_at', 'is', null)
        .where('month', '>=', `${from.slice(0, 7)}-01`)
        .where('month', '<=', to)
        .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids))
        .execute(),
      db
        .selectFrom('hospice')
        .select('id')
        .where('is_synthetic', '=', true)
        .where('id', 'in', ids)
        .limit(1)
        .executeTakeFirst(),
    ]);
    const eventsFrom = new Map(activity.map((a) => [a.hospice_id, a.events_from.slice(0, 7)]));
    const confirmations = await latestUntilNow(db, confirmationDays, windowEnd);
    return {
      refusals: refusals.map((r) => ({
        hospiceId: r.hospice_id,
        date: r.refused_on,
        count: Number(r.n),
      })),
      waitingList: waiting.map((w) => ({
        hospiceId: w.hospice_id,
        date: w.reported_on,
        size: w.size,
      })),
      confirmations,
      eventsFrom,
      returns: returns.map((r): ReturnFact => ({
        hospiceId: r.hospice_id,
        month: r.month.slice(0, 7),
        admissions: r.admissions,
        departuresDied: r.departures_died,
        departuresDischargedHome: r.departures_discharged_home,
        departuresTransferred: r.departures_transferred,
        bedDays: r.bed_days,
        refusals: r.refusals,
        waitingListEnd: r.waiting_list_end,
        lengthOfStayDaysTotal: r.length_of_stay_days_total,
      })),
      synthetic: synthetic !== undefined,
    };
  }

  const [stays, rest] = await Promise.all([loadStays(), loadRest()]);
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
      mine(stays, id),
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
