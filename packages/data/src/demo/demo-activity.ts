import { sql, type Kysely, type Transaction } from 'kysely';
import { simulateDailyTrace, type DepartureKind as ModelDepartureKind } from '@palliamonitor/model';
import type { Database, DepartureKind, StayOrigin } from '../store/schema';
import { hasAnyRow } from '../store/has-any-row';
import { addDays, dutchDate } from '../dates';
import { dutchMidnight } from '../collection/freshness';
import { seededRandom, seededUuid } from './demo-registry';
import { appendLoadAudit, type AuditContext } from '../accounts/audit.repository';

// Synthetic history for the demo: about 24 months of guest movements, refusals, waiting lists and
// daily bed status for every synthetic facility, so every dashboard has real-looking history. The
// movements come from the model's discrete-event simulation (Poisson requests, lognormal length of
// stay, mean 22 and median 14 days), sized to each facility's licensed beds; the bed status follows
// the simulated occupancy, so the two always agree. Everything is recorded by 'demo-seed' on
// facilities marked synthetic, and every response about them says so (isSynthetic).

export const DEMO_ACTIVITY_ACTOR = 'demo-seed';
export const DEMO_HISTORY_MONTHS = 24;

const LOS = { mean: 22, median: 14 };
/** Monthly request multipliers, January first: a mild winter peak [assumption], mean ≈ 1. */
const SEASONALITY = [1.1, 1.08, 1.03, 0.98, 0.95, 0.93, 0.92, 0.93, 0.97, 1.0, 1.03, 1.08];
/** Where guests come from [assumption for the demo]: home, hospital, nursing home, other. */
const ORIGINS: Array<[StayOrigin, number]> = [
  ['home', 0.55],
  ['hospital', 0.35],
  ['nursing-home', 0.07],
  ['other', 0.03],
];
const KINDS: Record<ModelDepartureKind, DepartureKind> = {
  died: 'died',
  dischargedHome: 'discharged-home',
  transferred: 'transferred',
};

interface Facility {
  id: string;
  type: string;
  openedOn: string | null;
  beds: number;
}

/**
 * The window's dates and their Dutch midnights, each worked out once: the seeding asks for them
 * about 350,000 times, and a Dutch midnight takes an Intl time-zone lookup.
 */
function calendar(windowStart: string, today: string) {
  const dates: string[] = [];
  for (let date = windowStart; date <= today; date = addDays(date, 1)) {
    dates.push(date);
  }
  const indexOf = new Map(dates.map((date, i) => [date, i]));
  const midnights = dates.map((date) => dutchMidnight(date).getTime());
  return {
    /** Offset of `date` (in the window) from the window's first day. */
    index: (date: string) => indexOf.get(date)!,
    // Guests already present when the window opens were admitted before it.
    date: (index: number) => dates[index] ?? addDays(windowStart, index),
    midnight: (index: number) => midnights[index]!,
  };
}

function dayOfYear(date: string): number {
  const start = Date.UTC(Number(date.slice(0, 4)), 0, 1);
  return Math.min(365, Math.floor((Date.parse(date) - start) / 86_400_000) + 1);
}

function pickOrigin(u: number): StayOrigin {
  let sum = 0;
  for (const [origin, share] of ORIGINS) {
    sum += share;
    if (u < sum) {
      return origin;
    }
  }
  return 'other';
}

/** Facilities to simulate: synthetic, open today, with the fewest licensed beds in the window. */
async function demoFacilities(db: Kysely<Database>, start: string, today: string) {
  const versions = await db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .select([
      'v.hospice_id',
      'v.type',
      'v.opened_on',
      'v.closed_on',
      'v.licensed_beds',
      'v.valid_to',
    ])
    .where('h.is_synthetic', '=', true)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', start)]))
    .orderBy('v.hospice_id')
    .execute();
  const byId = new Map<string, Facility & { closed: boolean }>();
  for (const v of versions) {
    const known = byId.get(v.hospice_id);
    const closed = v.closed_on !== null && v.closed_on <= today;
    byId.set(v.hospice_id, {
      id: v.hospice_id,
      type: v.type,
      openedOn: v.opened_on,
      beds: Math.min(known?.beds ?? Infinity, v.licensed_beds),
      closed: (known?.closed ?? false) || closed,
    });
  }
  // Facilities closed in the window are left without activity, as they would be by now.
  return [...byId.values()].filter(
    (f) => !f.closed && f.beds > 0 && (f.openedOn === null || f.openedOn <= today),
  );
}

/**
 * Seeds the demo history up to `now`. Returns a summary, or null when demo activity is already
 * present (seeding is idempotent).
 */
export async function seedDemoActivity(
  db: Kysely<Database>,
  now: Date,
  options: { months?: number; seed?: number; audit?: AuditContext } = {},
): Promise<{ facilities: number; stays: number; bedStatusEvents: number } | null> {
  if (await hasAnyRow(db.selectFrom('stay').where('recorded_by', '=', DEMO_ACTIVITY_ACTOR))) {
    return null;
  }
  const today = dutchDate(now);
  const months = options.months ?? DEMO_HISTORY_MONTHS;
  const windowStart = (() => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(y, m - 1 - months, 1)).toISOString().slice(0, 10);
  })();
  const facilities = await demoFacilities(db, windowStart, today);
  const recordedAt = now.toISOString();
  const nowMs = now.getTime();
  const seed = options.seed ?? 20_240_301;

  const activity = emptyActivity();
  const { stays, events, refusals, waiting } = activity;
  const days = calendar(windowStart, today);
  const context = { seed, windowStart, today, nowMs, days };
  facilities.forEach((f, index) => simulateFacility(activity, f, index, context));

  await db.transaction().execute(async (trx) => {
    await storeActivity(trx, activity, recordedAt);
    await appendLoadAudit(trx, options.audit, now, {
      months,
      facilities: facilities.length,
      stays: stays.id.length,
      bedStatusEvents: events.hospice.length,
      refusalDays: refusals.hospice.length,
      waitingListReports: waiting.hospice.length,
    });
  });
  return {
    facilities: facilities.length,
    stays: stays.id.length,
    bedStatusEvents: events.hospice.length,
  };
}

async function insertChunks(
  total: number,
  insert: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
  for (let from = 0; from < total; from += 20_000) {
    await insert(from, Math.min(total, from + 20_000));
  }
}

/** The generated rows, column by column, as the bulk inserts take them. */
function emptyActivity() {
  const stays = {
    id: [] as string[],
    hospice: [] as string[],
    admitted: [] as string[],
    origin: [] as string[],
    departed: [] as Array<string | null>,
    kind: [] as Array<string | null>,
  };
  const events = {
    hospice: [] as string[],
    kind: [] as string[],
    open: [] as number[],
    occupied: [] as number[],
    closed: [] as number[],
    reason: [] as Array<string | null>,
    at: [] as string[],
  };
  const refusals = { hospice: [] as string[], day: [] as string[], count: [] as number[] };
  const waiting = { hospice: [] as string[], day: [] as string[], size: [] as number[] };
  return { stays, events, refusals, waiting };
}

type Activity = ReturnType<typeof emptyActivity>;
type DemoFacility = Awaited<ReturnType<typeof demoFacilities>>[number];

/** Simulates one facility's history over the window and appends its rows to `activity`. */
function simulateFacility(
  { stays, events, refusals, waiting }: Activity,
  f: DemoFacility,
  index: number,
  {
    seed,
    windowStart,
    today,
    nowMs,
    days,
  }: {
    seed: number;
    windowStart: string;
    today: string;
    nowMs: number;
    days: ReturnType<typeof calendar>;
  },
): void {
  const random = seededRandom(seed + index * 7_919);
  const start = f.openedOn !== null && f.openedOn > windowStart ? f.openedOn : windowStart;
  const first = days.index(start);
  const dayCount = Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000) + 1;
  // Some houses are too full, others half empty: offered load 55–105% of the beds.
  const load = f.beds * (0.55 + 0.5 * random());
  const hasList = f.type === 'hch' || random() < 0.3;
  const trace = simulateDailyTrace({
    beds: f.beds,
    arrivalsPerDay: load / LOS.mean,
    los: LOS,
    days: dayCount,
    seed: seed + index,
    startDayOfYear: dayOfYear(start),
    seasonality: SEASONALITY,
    ...(hasList
      ? { waitingList: { capacity: 3, meanTimeToDeathDays: 10, meanTimeToGiveUpDays: 7 } }
      : {}),
    // A facility that opened in the window starts empty.
    ...(start === windowStart ? {} : { warmupDays: 0 }),
  });
  for (const stay of trace.stays) {
    stays.id.push(seededUuid(random));
    stays.hospice.push(f.id);
    stays.admitted.push(days.date(first + stay.admissionDay));
    stays.origin.push(pickOrigin(random()));
    stays.departed.push(stay.departureDay === null ? null : days.date(first + stay.departureDay));
    stays.kind.push(stay.departureKind === null ? null : KINDS[stay.departureKind]);
  }
  // Bed status: reported on every day with a movement, and on other days as diligently as the
  // house is (55–98% of days); most houses have confirmed today, some have not (unknown).
  const diligence = 0.55 + 0.43 * random();
  const confirmsToday = random() < 0.85;
  // One staff-shortage episode for some houses: a bed closed while it is not needed.
  const shortageStart = random() < 0.3 ? Math.floor(random() * dayCount) : -1;
  const shortageEnd = shortageStart + 5 + Math.floor(random() * 15);
  let last: { open: number; occupied: number; closed: number } | null = null;
  let lastList = -1;
  trace.days.forEach((day, d) => {
    const date = days.date(first + d);
    if (day.refusals > 0) {
      refusals.hospice.push(f.id);
      refusals.day.push(date);
      refusals.count.push(day.refusals);
    }
    if (hasList && day.waitingList !== lastList) {
      waiting.hospice.push(f.id);
      waiting.day.push(date);
      waiting.size.push(day.waitingList);
      lastList = day.waitingList;
    }
    const moved = day.admissions > 0 || day.departures.total > 0;
    const isToday = date === today;
    if (!(moved || (isToday ? confirmsToday : random() < diligence))) {
      return;
    }
    const closed = d >= shortageStart && d < shortageEnd && day.occupied < f.beds ? 1 : 0;
    const state = { open: f.beds - closed, occupied: day.occupied, closed };
    // Between 08:00 and 21:00 Dutch time, never after now.
    const midnight = days.midnight(first + d);
    let at = midnight + (8 + 13 * random()) * 3_600_000;
    if (at > nowMs) {
      at = Math.max(midnight, nowMs - random() * 3 * 3_600_000);
    }
    const same =
      last !== null &&
      last.open === state.open &&
      last.occupied === state.occupied &&
      last.closed === state.closed;
    events.hospice.push(f.id);
    events.kind.push(same ? 'confirm' : 'update');
    events.open.push(state.open);
    events.occupied.push(state.occupied);
    events.closed.push(state.closed);
    events.reason.push(closed > 0 ? 'staff-shortage' : null);
    events.at.push(new Date(at).toISOString());
    last = state;
  });
}

/** Bulk inserts of the generated rows, in chunks. */
async function storeActivity(
  trx: Transaction<Database>,
  { stays, events, refusals, waiting }: Activity,
  recordedAt: string,
): Promise<void> {
  await insertChunks(stays.id.length, (from, to) =>
    sql`insert into stay (id, hospice_id, admitted_on, origin, departed_on, departure_kind,
          recorded_at, recorded_by, departure_recorded_at, departure_recorded_by)
        select id, hospice, admitted, origin, departed, kind, ${recordedAt}::timestamptz,
          ${DEMO_ACTIVITY_ACTOR}, case when departed is null then null else ${recordedAt}::timestamptz end,
          case when departed is null then null else ${DEMO_ACTIVITY_ACTOR} end
        from unnest(${stays.id.slice(from, to)}::text[], ${stays.hospice.slice(from, to)}::text[],
          ${stays.admitted.slice(from, to)}::date[], ${stays.origin.slice(from, to)}::text[],
          ${stays.departed.slice(from, to)}::date[], ${stays.kind.slice(from, to)}::text[])
          as t(id, hospice, admitted, origin, departed, kind)`.execute(trx),
  );
  // In order per facility and day, so the latest id of a facility is its latest state.
  await insertChunks(events.hospice.length, (from, to) =>
    sql`insert into bed_status_event (hospice_id, kind, beds_open, beds_occupied, beds_closed,
          closed_reason, admission_stop, recorded_at, recorded_by)
        select hospice, kind, open, occupied, closed, reason, false, at, ${DEMO_ACTIVITY_ACTOR}
        from unnest(${events.hospice.slice(from, to)}::text[], ${events.kind.slice(from, to)}::text[],
          ${events.open.slice(from, to)}::int[], ${events.occupied.slice(from, to)}::int[],
          ${events.closed.slice(from, to)}::int[], ${events.reason.slice(from, to)}::text[],
          ${events.at.slice(from, to)}::timestamptz[])
          with ordinality as t(hospice, kind, open, occupied, closed, reason, at, n)
        order by n`.execute(trx),
  );
  await insertChunks(refusals.hospice.length, (from, to) =>
    sql`insert into refusal (hospice_id, refused_on, count, recorded_at, recorded_by)
        select hospice, day, count, ${recordedAt}::timestamptz, ${DEMO_ACTIVITY_ACTOR}
        from unnest(${refusals.hospice.slice(from, to)}::text[], ${refusals.day.slice(from, to)}::date[],
          ${refusals.count.slice(from, to)}::int[]) as t(hospice, day, count)`.execute(trx),
  );
  await insertChunks(waiting.hospice.length, (from, to) =>
    sql`insert into waiting_list_report (hospice_id, reported_on, size, recorded_at, recorded_by)
        select hospice, day, size, ${recordedAt}::timestamptz, ${DEMO_ACTIVITY_ACTOR}
        from unnest(${waiting.hospice.slice(from, to)}::text[], ${waiting.day.slice(from, to)}::date[],
          ${waiting.size.slice(from, to)}::int[]) as t(hospice, day, size)`.execute(trx),
  );
}
