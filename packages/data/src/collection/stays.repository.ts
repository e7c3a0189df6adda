import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, StayTable } from '../store/schema';
import type {
  AdmissionCreate,
  DepartureCreate,
  RefusalCreate,
  Stay,
  WaitingListPut,
} from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { addDays, dutchDate } from '../dates';
import { findHospice, type WriteContext } from '../registry/hospices.repository';
import { followOccupancy } from './bed-status.repository';
import { appendAudit, type AuditContext } from '../accounts/audit.repository';

// Guest movements without personal data: a stay is an admission date, an origin, and later a
// departure date and kind. The system issues the stay id, so nobody has to remember or invent one;
// the hospice page lists the current stays by admission date to pick the one that leaves.

type Db = Kysely<Database> | Transaction<Database>;

/** Stays longer than this are accepted but flagged: unusual for hospice care. */
export const LONG_STAY_DAYS = 365;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function toStay(row: Selectable<StayTable>): Stay {
  return {
    stayId: row.id,
    hospiceId: row.hospice_id,
    admittedOn: row.admitted_on,
    origin: row.origin,
    departedOn: row.departed_on,
    departureKind: row.departure_kind,
    lengthOfStayDays:
      row.departed_on === null ? null : daysBetween(row.admitted_on, row.departed_on),
    recordedAt: row.recorded_at,
  };
}

async function requireHospice(db: Db, hospiceId: string): Promise<void> {
  const row = await db
    .selectFrom('hospice')
    .select('id')
    .where('id', '=', hospiceId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('NOT_FOUND', `hospice ${hospiceId} does not exist`);
  }
}

function notInFuture(date: string, today: string, field: string, issues: Issue[]): void {
  if (date > today) {
    issues.push({
      field,
      message: `must not be in the future (today is ${today}), got ${date}`,
      code: 'date.inFuture',
      params: { today, date },
    });
  }
}

async function registeredOn(
  db: Db,
  hospiceId: string,
  date: string,
  field: string,
  issues: Issue[],
): Promise<void> {
  if (!(await findHospice(db, hospiceId, date))) {
    issues.push({
      field,
      message: `the hospice was not registered on ${date}`,
      code: 'registry.notRegisteredOn',
      params: { date },
    });
  }
}

/**
 * Occupied beds per day from `from` to `to` (inclusive) by midnight census: a guest occupies a bed
 * on day d when admitted on or before d and not departed on or before d.
 */
async function occupancyPerDay(
  db: Db,
  hospiceId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const stays = await db
    .selectFrom('stay')
    .select(['admitted_on', 'departed_on'])
    .where('hospice_id', '=', hospiceId)
    .where('admitted_on', '<=', to)
    .where((eb) => eb.or([eb('departed_on', 'is', null), eb('departed_on', '>', from)]))
    .execute();
  const result = new Map<string, number>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    result.set(d, 0);
  }
  for (const s of stays) {
    const start = s.admitted_on < from ? from : s.admitted_on;
    for (
      let d = start;
      d <= to && (s.departed_on === null || d < s.departed_on);
      d = addDays(d, 1)
    ) {
      result.set(d, (result.get(d) ?? 0) + 1);
    }
  }
  return result;
}

/** Licensed beds per day from the registry's versions. */
async function licensedBedsPerDay(
  db: Db,
  hospiceId: string,
): Promise<(day: string) => number | undefined> {
  const versions = await db
    .selectFrom('hospice_version')
    .select(['valid_from', 'valid_to', 'licensed_beds'])
    .where('hospice_id', '=', hospiceId)
    .execute();
  return (day) =>
    versions.find((v) => v.valid_from <= day && (v.valid_to === null || v.valid_to > day))
      ?.licensed_beds;
}

/** A stay from `from` to `until` (exclusive; null = still there) must fit the licensed beds. */
async function checkCapacity(
  db: Db,
  hospiceId: string,
  from: string,
  until: string | null,
  today: string,
  issues: Issue[],
): Promise<void> {
  const last = until === null ? today : addDays(until, -1);
  if (last < from) {
    return;
  }
  const [occupied, beds] = await Promise.all([
    occupancyPerDay(db, hospiceId, from, last),
    licensedBedsPerDay(db, hospiceId),
  ]);
  for (const [day, count] of occupied) {
    const licensed = beds(day);
    if (licensed !== undefined && count + 1 > licensed) {
      issues.push({
        field: 'admittedOn',
        message: `on ${day} all ${licensed} licensed beds are already occupied by registered guests`,
        code: 'stay.allBedsOccupied',
        params: { date: day, licensed },
      });
      return;
    }
  }
}

/** Options of a movement write. */
export interface MovementOptions {
  /** When given, the write's audit entry is stored in its transaction. */
  audit?: AuditContext | undefined;
}

async function audited(
  trx: Transaction<Database>,
  options: MovementOptions,
  ctx: WriteContext,
  before: unknown,
  after: unknown,
): Promise<void> {
  if (options.audit) {
    await appendAudit(trx, { ...options.audit, at: ctx.now.toISOString(), before, after });
  }
}

export interface MovementResult<T> {
  value: T;
  warnings: Issue[];
  /** The bed-status event appended because occupancy followed the movement, if any. */
  bedStatusEventId: number | null;
}

/**
 * Registers an admission (optionally with its departure, to enter a completed stay at once) and
 * issues the anonymous stay id. An admission dated today also raises the occupied beds of the
 * current bed status by one.
 */
export async function admitGuest(
  db: Kysely<Database>,
  hospiceId: string,
  input: AdmissionCreate,
  ctx: WriteContext,
  options: MovementOptions = {},
): Promise<MovementResult<Stay>> {
  const today = dutchDate(ctx.now);
  return db.transaction().execute(async (trx) => {
    await requireHospice(trx, hospiceId);
    const issues: Issue[] = [];
    const warnings: Issue[] = [];
    notInFuture(input.admittedOn, today, 'admittedOn', issues);
    await registeredOn(trx, hospiceId, input.admittedOn, 'admittedOn', issues);
    const departure = input.departure;
    if (departure) {
      checkDeparture(input.admittedOn, departure, today, 'departure.', issues, warnings);
    }
    if (issues.length === 0) {
      await checkCapacity(
        trx,
        hospiceId,
        input.admittedOn,
        departure?.departedOn ?? null,
        today,
        issues,
      );
    }
    if (issues.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the admission was not stored', issues);
    }
    const row = await trx
      .insertInto('stay')
      .values({
        id: randomUUID(),
        hospice_id: hospiceId,
        admitted_on: input.admittedOn,
        origin: input.origin,
        departed_on: departure?.departedOn ?? null,
        departure_kind: departure?.kind ?? null,
        recorded_at: ctx.now.toISOString(),
        recorded_by: ctx.actor,
        departure_recorded_at: departure ? ctx.now.toISOString() : null,
        departure_recorded_by: departure ? ctx.actor : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const delta = (input.admittedOn === today ? 1 : 0) - (departure?.departedOn === today ? 1 : 0);
    const event = delta === 0 ? null : await followOccupancy(trx, hospiceId, delta, ctx);
    if (delta !== 0 && event === null) {
      warnings.push(bedStatusNotFollowed());
    }
    await audited(trx, options, ctx, null, toStay(row));
    return { value: toStay(row), warnings, bedStatusEventId: event?.id ?? null };
  });
}

function bedStatusNotFollowed(): Issue {
  return {
    field: 'bedStatus',
    severity: 'warning',
    message:
      'the bed status was not adjusted (none set yet, or it would not fit the open beds); please update it',
    code: 'stay.bedStatusNotFollowed',
  };
}

function checkDeparture(
  admittedOn: string,
  departure: DepartureCreate,
  today: string,
  prefix: string,
  issues: Issue[],
  warnings: Issue[],
): void {
  notInFuture(departure.departedOn, today, `${prefix}departedOn`, issues);
  if (departure.departedOn < admittedOn) {
    issues.push({
      field: `${prefix}departedOn`,
      message: `must not be before the admission on ${admittedOn}, got ${departure.departedOn}`,
      code: 'stay.departureBeforeAdmission',
      params: { admittedOn, departedOn: departure.departedOn },
    });
  } else if (daysBetween(admittedOn, departure.departedOn) > LONG_STAY_DAYS) {
    warnings.push({
      field: `${prefix}departedOn`,
      severity: 'warning',
      message: `a stay of ${daysBetween(admittedOn, departure.departedOn)} days is unusually long (over ${LONG_STAY_DAYS})`,
      code: 'stay.unusuallyLong',
      params: { days: daysBetween(admittedOn, departure.departedOn), limit: LONG_STAY_DAYS },
    });
  }
}

/** Registers the departure of a stay. A departure dated today lowers the occupied beds by one. */
export async function departGuest(
  db: Kysely<Database>,
  hospiceId: string,
  stayId: string,
  input: DepartureCreate,
  ctx: WriteContext,
  options: MovementOptions = {},
): Promise<MovementResult<Stay>> {
  const today = dutchDate(ctx.now);
  return db.transaction().execute(async (trx) => {
    await requireHospice(trx, hospiceId);
    const stay = await trx
      .selectFrom('stay')
      .selectAll()
      .where('id', '=', stayId)
      .where('hospice_id', '=', hospiceId)
      .forUpdate()
      .executeTakeFirst();
    if (!stay) {
      throw new AppError('NOT_FOUND', `stay ${stayId} does not exist at hospice ${hospiceId}`);
    }
    if (stay.departed_on !== null) {
      throw new AppError('CONFLICT', `stay ${stayId} already departed on ${stay.departed_on}`, [
        {
          field: 'departedOn',
          message: `the departure was already registered (${stay.departed_on})`,
          code: 'stay.alreadyDeparted',
          params: { departedOn: stay.departed_on },
        },
      ]);
    }
    const issues: Issue[] = [];
    const warnings: Issue[] = [];
    checkDeparture(stay.admitted_on, input, today, '', issues, warnings);
    if (issues.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the departure was not stored', issues);
    }
    const row = await trx
      .updateTable('stay')
      .set({
        departed_on: input.departedOn,
        departure_kind: input.kind,
        departure_recorded_at: ctx.now.toISOString(),
        departure_recorded_by: ctx.actor,
      })
      .where('id', '=', stayId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const event =
      input.departedOn === today ? await followOccupancy(trx, hospiceId, -1, ctx) : null;
    if (input.departedOn === today && event === null) {
      warnings.push(bedStatusNotFollowed());
    }
    // The stay as it was (still present) is the entry's "before".
    await audited(trx, options, ctx, toStay(stay), toStay(row));
    return { value: toStay(row), warnings, bedStatusEventId: event?.id ?? null };
  });
}

/** Stays of a facility: current ones (default) by admission date, or all, newest first. */
export async function listStays(
  db: Db,
  hospiceId: string,
  query: { status: 'current' | 'departed' | 'all'; limit: number; offset: number },
): Promise<{ items: Stay[]; total: number }> {
  await requireHospice(db, hospiceId);
  let base = db.selectFrom('stay').where('hospice_id', '=', hospiceId);
  if (query.status === 'current') {
    base = base.where('departed_on', 'is', null);
  } else if (query.status === 'departed') {
    base = base.where('departed_on', 'is not', null);
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('admitted_on', query.status === 'current' ? 'asc' : 'desc')
      .orderBy('recorded_at')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toStay), total: Number(count.n) };
}

/** Refusals because the hospice was full, counted per day. */
export async function recordRefusal(
  db: Kysely<Database>,
  hospiceId: string,
  input: RefusalCreate,
  ctx: WriteContext,
  options: MovementOptions = {},
): Promise<{ value: { date: string; count: number; totalThatDay: number }; warnings: Issue[] }> {
  const today = dutchDate(ctx.now);
  return db.transaction().execute(async (trx) => {
    await requireHospice(trx, hospiceId);
    const issues: Issue[] = [];
    notInFuture(input.date, today, 'date', issues);
    await registeredOn(trx, hospiceId, input.date, 'date', issues);
    if (issues.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the refusal was not stored', issues);
    }
    const count = input.count ?? 1;
    await trx
      .insertInto('refusal')
      .values({
        hospice_id: hospiceId,
        refused_on: input.date,
        count,
        recorded_at: ctx.now.toISOString(),
        recorded_by: ctx.actor,
      })
      .execute();
    const total = await trx
      .selectFrom('refusal')
      .select((eb) => eb.fn.sum<number>('count').as('n'))
      .where('hospice_id', '=', hospiceId)
      .where('refused_on', '=', input.date)
      .executeTakeFirstOrThrow();
    const totalThatDay = Number(total.n);
    const warnings: Issue[] =
      totalThatDay > 10
        ? [
            {
              field: 'count',
              severity: 'warning',
              message: `${totalThatDay} refusals on one day is unusually many`,
              code: 'refusals.unusuallyMany',
              params: { count: totalThatDay },
            },
          ]
        : [];
    const value = { date: input.date, count, totalThatDay };
    await audited(
      trx,
      options,
      ctx,
      { date: input.date, totalThatDay: totalThatDay - count },
      value,
    );
    return { value, warnings };
  });
}

/** Reports the waiting-list size on a day (default today); the latest report of a day counts. */
export async function reportWaitingList(
  db: Kysely<Database>,
  hospiceId: string,
  input: WaitingListPut,
  ctx: WriteContext,
  options: MovementOptions = {},
): Promise<{ value: { date: string; size: number }; warnings: Issue[] }> {
  const today = dutchDate(ctx.now);
  const date = input.date ?? today;
  return db.transaction().execute(async (trx) => {
    await requireHospice(trx, hospiceId);
    const issues: Issue[] = [];
    notInFuture(date, today, 'date', issues);
    await registeredOn(trx, hospiceId, date, 'date', issues);
    if (issues.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the waiting list was not stored', issues);
    }
    const before = await latestReport(trx, hospiceId);
    await trx
      .insertInto('waiting_list_report')
      .values({
        hospice_id: hospiceId,
        reported_on: date,
        size: input.size,
        recorded_at: ctx.now.toISOString(),
        recorded_by: ctx.actor,
      })
      .execute();
    const warnings: Issue[] =
      input.size > 50
        ? [
            {
              field: 'size',
              severity: 'warning',
              message: `a waiting list of ${input.size} is unusually long`,
              code: 'waitingList.unusuallyLong',
              params: { size: input.size },
            },
          ]
        : [];
    await audited(trx, options, ctx, before, { date, size: input.size });
    return { value: { date, size: input.size }, warnings };
  });
}

/** The latest waiting-list report of a facility, or null. */
export async function latestWaitingList(
  db: Db,
  hospiceId: string,
): Promise<{ date: string; size: number; recordedAt: string } | null> {
  await requireHospice(db, hospiceId);
  return latestReport(db, hospiceId);
}

async function latestReport(
  db: Db,
  hospiceId: string,
): Promise<{ date: string; size: number; recordedAt: string } | null> {
  const row = await db
    .selectFrom('waiting_list_report')
    .select(['reported_on', 'size', 'recorded_at'])
    .where('hospice_id', '=', hospiceId)
    .orderBy('reported_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { date: row.reported_on, size: row.size, recordedAt: row.recorded_at } : null;
}
