import type { Kysely, Selectable } from 'kysely';
import type { Database, StayTable } from '../store/schema';
import { addDays, dutchDate } from '../dates';
import {
  WAITING_LIST_CARRY_DAYS,
  type FiguresInput,
  type ReturnFact,
  type StayFact,
} from '@palliamonitor/model';
import { dutchMidnight } from './freshness';

// The stored facts the period figures are computed from, for a set of hospices and a window of
// days: stays, refusals, waiting lists, confirmations, the start of event registration and the
// monthly returns.

export interface FactsWindow {
  from: string;
  to: string;
  today: string;
  now: Date;
  freshnessHours: number;
}

/** The facts besides the stays, and whether any of the hospices is synthetic. */
export type Facts = Pick<
  FiguresInput,
  'refusals' | 'waitingList' | 'confirmations' | 'eventsFrom' | 'returns'
> & { synthetic: boolean };

/** The stays of a window, as computeFigures takes them. */
export interface WindowStays {
  /** Stays admitted or departed within the window. */
  stays: StayFact[];
  /** Per hospice, how many stays began before the window and outlast it (present on every day). */
  presentThroughout: Map<string, number>;
}

const toStayFact = (row: Pick<Selectable<StayTable>, StayColumn>): StayFact => ({
  hospiceId: row.hospice_id,
  admittedOn: row.admitted_on,
  departedOn: row.departed_on,
  departureKind: row.departure_kind,
});

type StayColumn = 'hospice_id' | 'admitted_on' | 'departed_on' | 'departure_kind';

/**
 * The stays overlapping the window. Those admitted or departed in it are read as rows, through the
 * index of each date, so the rows of the window only (a stay departs on or after its admission:
 * none departed in the window was admitted after it). Those that span it add nothing but one
 * occupied bed a day, so they are counted per hospice instead of read: however long the history,
 * a period costs what it holds.
 */
export async function loadStays(
  db: Kysely<Database>,
  ids: readonly string[],
  filtered: boolean,
  { from, to }: FactsWindow,
): Promise<WindowStays> {
  const [rows, spanning] = await Promise.all([
    // Departed in the window (stay_departed), and admitted in it but not departed in it
    // (stay_admitted): each read takes the index of its own date, never the whole history.
    db
      .selectFrom('stay')
      .select(['hospice_id', 'admitted_on', 'departed_on', 'departure_kind'])
      .where('departed_on', '>=', from)
      .where('departed_on', '<=', to)
      .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids))
      .unionAll(
        db
          .selectFrom('stay')
          .select(['hospice_id', 'admitted_on', 'departed_on', 'departure_kind'])
          .where('admitted_on', '>=', from)
          .where('admitted_on', '<=', to)
          .where((eb) => eb.or([eb('departed_on', 'is', null), eb('departed_on', '>', to)]))
          .$if(filtered, (qb) => qb.where('hospice_id', 'in', ids)),
      )
      .execute(),
    // Two reads, so that each takes its own index: the present stays (stay_current) and those
    // departed after the window (stay_departed), never every stay admitted before it.
    db
      .selectFrom((qb) =>
        qb
          .selectFrom('stay')
          .select('hospice_id')
          .where('departed_on', 'is', null)
          .where('admitted_on', '<', from)
          .$if(filtered, (q) => q.where('hospice_id', 'in', ids))
          .unionAll(
            qb
              .selectFrom('stay')
              .select('hospice_id')
              .where('departed_on', '>', to)
              .where('admitted_on', '<', from)
              .$if(filtered, (q) => q.where('hospice_id', 'in', ids)),
          )
          .as('spanning'),
      )
      .select(['hospice_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('hospice_id')
      .execute(),
  ]);
  return {
    stays: rows.map(toStayFact),
    presentThroughout: new Map(spanning.map((r) => [r.hospice_id, Number(r.n)])),
  };
}

export async function loadFacts(
  db: Kysely<Database>,
  ids: readonly string[],
  filtered: boolean,
  { from, to, today, now, freshnessHours }: FactsWindow,
): Promise<Facts> {
  const windowStart = new Date(
    dutchMidnight(from).getTime() - freshnessHours * 3_600_000,
  ).toISOString();
  const windowEnd = now.toISOString();
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
