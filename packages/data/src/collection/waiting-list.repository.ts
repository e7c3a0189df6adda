import type { Kysely, Transaction } from 'kysely';
import type { RefusalCreate, WaitingListPut } from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import type { Issue } from '../errors';
import type { WriteContext } from '../registry/hospices.repository';
import {
  audited,
  checkReportedDay,
  movementWrite,
  requireHospice,
  type MovementOptions,
} from './movement-rules';

// Counts a facility reports without guests behind them: refusals because it was full, and the size
// of its waiting list.

type Db = Kysely<Database> | Transaction<Database>;

/** Refusals because the hospice was full, counted per day. */
export async function recordRefusal(
  db: Kysely<Database>,
  hospiceId: string,
  input: RefusalCreate,
  ctx: WriteContext,
  options: MovementOptions = {},
): Promise<{ value: { date: string; count: number; totalThatDay: number }; warnings: Issue[] }> {
  return movementWrite(db, hospiceId, ctx, async (trx, today) => {
    await checkReportedDay(trx, hospiceId, input.date, today, 'the refusal was not stored');
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
  return movementWrite(db, hospiceId, ctx, async (trx, today) => {
    const date = input.date ?? today;
    await checkReportedDay(trx, hospiceId, date, today, 'the waiting list was not stored');
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
