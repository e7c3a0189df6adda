import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema';
import type { ReturnDifference } from '@palliamonitor/contracts';
import { addDays } from '../dates';
import { monthBounds, type ReturnField, type ReturnInput } from './return-rules';

// A monthly return against the movements the same hospice registered: where both exist, the
// figures should agree, and every difference is reported back to the sender.

type Db = Kysely<Database> | Transaction<Database>;

/** The month's figures derived from registered movements, or null when the hospice has none. */
export async function derivedMonth(
  db: Db,
  hospiceId: string,
  month: string,
  today: string,
): Promise<Partial<Record<ReturnField, number>> | null> {
  const { start, end } = monthBounds(month);
  const last = end < today ? end : today;
  const first = await db
    .selectFrom('stay')
    .select((eb) => eb.fn.min('admitted_on').as('first'))
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirst();
  const firstRefusal = await db
    .selectFrom('refusal')
    .select((eb) => eb.fn.min('refused_on').as('first'))
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirst();
  const firsts = [first?.first, firstRefusal?.first].filter((x): x is string => !!x).sort();
  if (firsts.length === 0 || firsts[0]!.slice(0, 7) > month) {
    return null;
  }
  const nextDay = addDays(last, 1);
  const stays = await db
    .selectFrom('stay')
    .select([
      sql<number>`count(*) filter (where admitted_on >= ${start}::date and admitted_on <= ${last}::date)`.as(
        'admissions',
      ),
      sql<number>`count(*) filter (where departure_kind = 'died' and departed_on >= ${start}::date and departed_on <= ${last}::date)`.as(
        'died',
      ),
      sql<number>`count(*) filter (where departure_kind = 'discharged-home' and departed_on >= ${start}::date and departed_on <= ${last}::date)`.as(
        'home',
      ),
      sql<number>`count(*) filter (where departure_kind = 'transferred' and departed_on >= ${start}::date and departed_on <= ${last}::date)`.as(
        'transferred',
      ),
      sql<number>`count(*) filter (where admitted_on < ${start}::date and (departed_on is null or departed_on >= ${start}::date))`.as(
        'occupied_start',
      ),
      sql<number>`count(*) filter (where admitted_on <= ${last}::date and (departed_on is null or departed_on > ${last}::date))`.as(
        'occupied_end',
      ),
      sql<number>`coalesce(sum(greatest(0, least(coalesce(departed_on, ${nextDay}::date), ${nextDay}::date) - greatest(admitted_on, ${start}::date))), 0)`.as(
        'bed_days',
      ),
      sql<number>`coalesce(sum(departed_on - admitted_on) filter (where departed_on >= ${start}::date and departed_on <= ${last}::date), 0)`.as(
        'los_total',
      ),
    ])
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirstOrThrow();
  const refusals = await db
    .selectFrom('refusal')
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('hospice_id', '=', hospiceId)
    .where('refused_on', '>=', start)
    .where('refused_on', '<=', last)
    .executeTakeFirst();
  return {
    occupiedStart: Number(stays.occupied_start),
    admissions: Number(stays.admissions),
    departuresDied: Number(stays.died),
    departuresDischargedHome: Number(stays.home),
    departuresTransferred: Number(stays.transferred),
    occupiedEnd: Number(stays.occupied_end),
    bedDays: Number(stays.bed_days),
    refusals: Number(refusals?.n ?? 0),
    lengthOfStayDaysTotal: Number(stays.los_total),
  };
}

/** How a return differs from the figures its hospice's movements give for that month. */
export async function differencesFor(
  db: Db,
  hospiceId: string,
  input: ReturnInput,
  today: string,
  name: (field: ReturnField) => string,
): Promise<ReturnDifference[]> {
  const derived = await derivedMonth(db, hospiceId, input.month, today);
  if (!derived) {
    return [];
  }
  const differences: ReturnDifference[] = [];
  for (const field of Object.keys(derived) as ReturnField[]) {
    const returned = input[field];
    const value = derived[field]!;
    if (returned !== undefined && returned !== null && returned !== value) {
      differences.push({
        hospiceId,
        month: input.month,
        field: name(field),
        returned,
        derived: value,
        ...(input.line === undefined ? {} : { line: input.line }),
      });
    }
  }
  return differences;
}
