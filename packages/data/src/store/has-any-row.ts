import { sql, type SelectQueryBuilder } from 'kysely';

/** Whether `filtered` matches at least one row; the store stops at the first it finds. */
export async function hasAnyRow<DB, TB extends keyof DB>(
  filtered: SelectQueryBuilder<DB, TB, object>,
): Promise<boolean> {
  const row = await filtered
    .select(sql<number>`1`.as('found'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
