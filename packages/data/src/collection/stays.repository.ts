import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, StayTable } from '../store/schema';
import type { AdmissionCreate, DepartureCreate, Stay } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import type { WriteContext } from '../registry/hospices.repository';
import { followOccupancy } from './bed-status.repository';
import {
  audited,
  bedStatusNotFollowed,
  checkCapacity,
  checkDeparture,
  daysBetween,
  movementWrite,
  notInFuture,
  registeredOn,
  requireHospice,
  type MovementOptions,
  type MovementResult,
  type MovementWrite,
} from './movement-rules';
import { pageWithTotal } from '../store/page';

// Guest movements without personal data: a stay is an admission date, an origin, and later a
// departure date and kind. The system issues the stay id, so nobody has to remember or invent one;
// the hospice page lists the current stays by admission date to pick the one that leaves.

type Db = Kysely<Database> | Transaction<Database>;

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

/**
 * Registers an admission (optionally with its departure, to enter a completed stay at once) and
 * issues the anonymous stay id. An admission dated today also raises the occupied beds of the
 * current bed status by one.
 */
export const admitGuest: MovementWrite<AdmissionCreate, MovementResult<Stay>> = (
  db,
  hospiceId,
  input,
  ctx,
  options = {},
) =>
  movementWrite(db, hospiceId, ctx, async (trx, today) => {
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
    return completeStayWrite(trx, hospiceId, ctx, options, { delta, before: null, row, warnings });
  });

/** Registers the departure of a stay. A departure dated today lowers the occupied beds by one. */
export async function departGuest(
  db: Kysely<Database>,
  hospiceId: string,
  stayId: string,
  input: DepartureCreate,
  ctx: WriteContext,
  options: MovementOptions = {},
): Promise<MovementResult<Stay>> {
  return movementWrite(db, hospiceId, ctx, async (trx, today) => {
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
    // The stay as it was (still present) is the entry's "before".
    return completeStayWrite(trx, hospiceId, ctx, options, {
      delta: input.departedOn === today ? -1 : 0,
      before: toStay(stay),
      row,
      warnings,
    });
  });
}

/**
 * The end of every stay write: occupancy follows a movement dated today by `delta` beds (with a
 * warning when the bed status could not follow), and the change is audited.
 */
async function completeStayWrite(
  trx: Transaction<Database>,
  hospiceId: string,
  ctx: WriteContext,
  options: MovementOptions,
  change: { delta: number; before: Stay | null; row: Selectable<StayTable>; warnings: Issue[] },
): Promise<MovementResult<Stay>> {
  const { delta, before, row, warnings } = change;
  const event = delta === 0 ? null : await followOccupancy(trx, hospiceId, delta, ctx);
  if (delta !== 0 && event === null) {
    warnings.push(bedStatusNotFollowed());
  }
  await audited(trx, options, ctx, before, toStay(row));
  return { value: toStay(row), warnings, bedStatusEventId: event?.id ?? null };
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
  const { rows, total } = await pageWithTotal(
    base,
    (q) =>
      q
        .selectAll()
        .orderBy('admitted_on', query.status === 'current' ? 'asc' : 'desc')
        .orderBy('recorded_at')
        .orderBy('id'),
    query,
  );
  return { items: rows.map(toStay), total };
}
