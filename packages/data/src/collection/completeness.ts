import type { Kysely } from 'kysely';
import type {
  CompletenessShare,
  HospiceCompleteness,
  RegionCompleteness,
} from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import { addDays, dutchDate } from '../dates';
import { listHospices } from '../registry/hospice-reads';
import { getRegionOrThrow } from '../registry/regions.repository';
import { monthBounds, previousMonth } from './return-rules';
import { isFresh } from './freshness';

// Reporting completeness (DHIS2's reporting rates, for live data): per facility the share of days
// on which it confirmed its bed status, the age of the last confirmation, and whether its monthly
// figures are in on time. Nothing is asked twice: any bed-status event counts for its day (an
// update, a "no change" confirmation, a movement; from the app or the facility's own system), a
// return counts whether it came by API or CSV, and a facility that registers its admissions live
// needs no return at all (its figures come from the events).

/**
 * Monthly figures are due by this day of the next month. An assumption of this product (the
 * monthly returns of the NHS Capacity Tracker work the same way), not a rule of any authority.
 */
export const RETURN_DUE_DAY = 10;
/** Under this share of confirmed days a facility counts as behind. An assumption, like the above. */
export const MINIMUM_CONFIRMED_SHARE = 0.8;

const WINDOW_DAYS = 28;

interface Span {
  from: string;
  to: string;
}

/** The windows counted at `today`: the 28 complete days before it, and the last complete month. */
export function completenessWindows(today: string): {
  last28Days: Span;
  lastMonth: Span & { month: string };
} {
  const month = previousMonth(today.slice(0, 7));
  const { start, end } = monthBounds(month);
  return {
    last28Days: { from: addDays(today, -WINDOW_DAYS), to: addDays(today, -1) },
    lastMonth: { from: start, to: end, month },
  };
}

const daysBetween = (from: string, to: string) =>
  from > to ? 0 : Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

function share(span: Span, countFrom: string, confirmedDays: string[]): CompletenessShare {
  const from = countFrom > span.from ? countFrom : span.from;
  const days = daysBetween(from, span.to);
  const daysConfirmed = confirmedDays.filter((d) => d >= from && d <= span.to).length;
  return {
    from: span.from,
    to: span.to,
    days,
    daysConfirmed,
    share: days === 0 ? null : Math.round((daysConfirmed / days) * 1000) / 1000,
  };
}

interface Facts {
  confirmedDays: Map<string, string[]>;
  current: Map<string, string>;
  registeredOn: Map<string, string>;
  returns: Map<string, { at: string; source: 'api' | 'csv' }>;
  eventsFrom: Map<string, string>;
}

async function readFacts(
  db: Kysely<Database>,
  ids: string[],
  windows: ReturnType<typeof completenessWindows>,
): Promise<Facts> {
  const facts: Facts = {
    confirmedDays: new Map(),
    current: new Map(),
    registeredOn: new Map(),
    returns: new Map(),
    eventsFrom: new Map(),
  };
  if (ids.length === 0) {
    return facts;
  }
  const earliest =
    windows.lastMonth.from < windows.last28Days.from
      ? windows.lastMonth.from
      : windows.last28Days.from;
  const [days, current, hospices, returns, activity] = await Promise.all([
    db
      .selectFrom('bed_status_day')
      .select(['hospice_id', 'day'])
      .where('hospice_id', 'in', ids)
      .where('day', '>=', earliest)
      .execute(),
    db
      .selectFrom('bed_status_current')
      .select(['hospice_id', 'recorded_at'])
      .where('hospice_id', 'in', ids)
      .execute(),
    db.selectFrom('hospice').select(['id', 'created_at']).where('id', 'in', ids).execute(),
    // The first submission of the month is the one that was on time or not; corrections later
    // do not make it late.
    db
      .selectFrom('monthly_return')
      .select(['hospice_id', 'source', 'recorded_at'])
      .where('hospice_id', 'in', ids)
      .where('month', '=', windows.lastMonth.from)
      .orderBy('recorded_at')
      .execute(),
    db
      .selectFrom('hospice_activity')
      .select(['hospice_id', 'events_from'])
      .where('hospice_id', 'in', ids)
      .execute(),
  ]);
  for (const d of days) {
    const list = facts.confirmedDays.get(d.hospice_id) ?? [];
    list.push(d.day);
    facts.confirmedDays.set(d.hospice_id, list);
  }
  for (const c of current) {
    facts.current.set(c.hospice_id, c.recorded_at);
  }
  // Counted from registration, or from the first day the facility reported if that came earlier
  // (history sent from its own system, or the demo's): what it already sent counts.
  for (const h of hospices) {
    const reported = (facts.confirmedDays.get(h.id) ?? []).reduce(
      (first, day) => (day < first ? day : first),
      dutchDate(new Date(h.created_at)),
    );
    facts.registeredOn.set(h.id, reported);
  }
  for (const r of returns) {
    if (!facts.returns.has(r.hospice_id)) {
      facts.returns.set(r.hospice_id, { at: r.recorded_at, source: r.source });
    }
  }
  for (const a of activity) {
    facts.eventsFrom.set(a.hospice_id, a.events_from);
  }
  return facts;
}

function monthlyFigures(
  id: string,
  facts: Facts,
  month: string,
  today: string,
): HospiceCompleteness['monthlyFigures'] {
  const dueOn = `${addDays(monthBounds(month).end, 1).slice(0, 7)}-${String(RETURN_DUE_DAY).padStart(2, '0')}`;
  const submitted = facts.returns.get(id);
  if (submitted !== undefined) {
    const onTime = dutchDate(new Date(submitted.at)) <= dueOn;
    return {
      month,
      dueOn,
      state: onTime ? 'on-time' : 'late',
      submittedAt: submitted.at,
      source: submitted.source,
    };
  }
  const eventsFrom = facts.eventsFrom.get(id);
  if (eventsFrom !== undefined && eventsFrom <= `${month}-01`) {
    return { month, dueOn, state: 'from-events', submittedAt: null, source: 'events' };
  }
  return {
    month,
    dueOn,
    state: today > dueOn ? 'missing' : 'pending',
    submittedAt: null,
    source: null,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function pooledShare(items: CompletenessShare[]): number | null {
  const days = sum(items.map((s) => s.days));
  return days === 0
    ? null
    : Math.round((sum(items.map((s) => s.daysConfirmed)) / days) * 1000) / 1000;
}

/**
 * The completeness of every facility open today in a zorgkantoorregio (or 'NL'), in a handful of
 * statements whatever the region's size.
 */
export async function regionCompleteness(
  db: Kysely<Database>,
  code: string,
  now: Date,
  freshnessHours: number,
): Promise<RegionCompleteness> {
  const today = dutchDate(now);
  if (code !== 'NL') {
    await getRegionOrThrow(db, code, today);
  }
  const { items } = await listHospices(db, {
    asOf: today,
    openOnly: true,
    ...(code === 'NL' ? {} : { region: code }),
    limit: 100_000,
    offset: 0,
  });
  const windows = completenessWindows(today);
  const facts = await readFacts(
    db,
    items.map((h) => h.id),
    windows,
  );
  const hospices = items.map((h): HospiceCompleteness => {
    const registered = facts.registeredOn.get(h.id) ?? today;
    const opened = h.openedOn ?? registered;
    const countFrom = opened > registered ? opened : registered;
    const confirmed = facts.confirmedDays.get(h.id) ?? [];
    const last = facts.current.get(h.id) ?? null;
    const fresh = isFresh(last, now, freshnessHours);
    const last28Days = share(windows.last28Days, countFrom, confirmed);
    const lastMonth = share(windows.lastMonth, countFrom, confirmed);
    const figures = monthlyFigures(h.id, facts, windows.lastMonth.month, today);
    return {
      hospiceId: h.id,
      name: h.name,
      regionCode: h.regions.zorgkantoorregio?.code ?? null,
      last28Days,
      lastMonth,
      lastConfirmedAt: last,
      lastConfirmationAgeHours:
        last === null
          ? null
          : Math.max(0, Math.round((now.getTime() - Date.parse(last)) / 360_000) / 10),
      fresh,
      monthlyFigures: figures,
      behind:
        !fresh ||
        (last28Days.share !== null && last28Days.share < MINIMUM_CONFIRMED_SHARE) ||
        figures.state === 'late' ||
        figures.state === 'missing',
    };
  });
  const figuresIn = hospices.filter((h) =>
    ['on-time', 'late', 'from-events'].includes(h.monthlyFigures.state),
  );
  return {
    regionCode: code,
    asOf: now.toISOString(),
    freshnessHours,
    minimumShare: MINIMUM_CONFIRMED_SHARE,
    summary: {
      hospices: hospices.length,
      fresh: hospices.filter((h) => h.fresh).length,
      behind: hospices.filter((h) => h.behind).length,
      last28DaysShare: pooledShare(hospices.map((h) => h.last28Days)),
      lastMonthShare: pooledShare(hospices.map((h) => h.lastMonth)),
      monthlyFiguresIn: figuresIn.length,
      monthlyFiguresOnTime: hospices.filter((h) =>
        ['on-time', 'from-events'].includes(h.monthlyFigures.state),
      ).length,
    },
    hospices,
  };
}
