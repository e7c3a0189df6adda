import type { Kysely, Transaction } from 'kysely';
import type { DepartureCreate } from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import { AppError, type Issue } from '../errors';
import { addDays, dutchDate } from '../dates';
import { findHospice } from '../registry/hospice-reads';
import type { WriteContext } from '../registry/hospices.repository';
import { appendAudit, type AuditContext } from '../accounts/audit.repository';

// What every guest-movement write checks and shares: the facility exists, dates are not in the
// future and fall in a registered period, a stay fits the licensed beds, and the audit entry is
// stored in the write's transaction.

type Db = Kysely<Database> | Transaction<Database>;

/** Stays longer than this are accepted but flagged: unusual for hospice care. */
export const LONG_STAY_DAYS = 365;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function requireHospice(db: Db, hospiceId: string): Promise<void> {
  const row = await db
    .selectFrom('hospice')
    .select('id')
    .where('id', '=', hospiceId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('NOT_FOUND', `hospice ${hospiceId} does not exist`);
  }
}

export function notInFuture(date: string, today: string, field: string, issues: Issue[]): void {
  if (date > today) {
    issues.push({
      field,
      message: `must not be in the future (today is ${today}), got ${date}`,
      code: 'date.inFuture',
      params: { today, date },
    });
  }
}

export async function registeredOn(
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
export async function checkCapacity(
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

/**
 * A movement write at a facility: the store, the facility, what was entered, who writes, and the
 * options; resolves with the stored value and the warnings it raised. The API stores every
 * movement of a facility's path through this one shape.
 */
export type MovementWrite<I, R extends { warnings: Issue[] }> = (
  db: Kysely<Database>,
  hospiceId: string,
  input: I,
  ctx: WriteContext,
  options?: MovementOptions,
) => Promise<R>;

export async function audited(
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
 * Runs a movement write of a facility in one transaction, after checking that the facility
 * exists; `today` is the Dutch date of the write.
 */
export function movementWrite<T>(
  db: Kysely<Database>,
  hospiceId: string,
  ctx: WriteContext,
  write: (trx: Transaction<Database>, today: string) => Promise<T>,
): Promise<T> {
  const today = dutchDate(ctx.now);
  return db.transaction().execute(async (trx) => {
    await requireHospice(trx, hospiceId);
    return write(trx, today);
  });
}

/** A reported day must not be in the future and must fall in a registered period of the facility. */
export async function checkReportedDay(
  trx: Transaction<Database>,
  hospiceId: string,
  date: string,
  today: string,
  notStored: string,
): Promise<void> {
  const issues: Issue[] = [];
  notInFuture(date, today, 'date', issues);
  await registeredOn(trx, hospiceId, date, 'date', issues);
  if (issues.length > 0) {
    throw new AppError('UNPROCESSABLE', notStored, issues);
  }
}

export function bedStatusNotFollowed(): Issue {
  return {
    field: 'bedStatus',
    severity: 'warning',
    message:
      'the bed status was not adjusted (none set yet, or it would not fit the open beds); please update it',
    code: 'stay.bedStatusNotFollowed',
  };
}

export function checkDeparture(
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
