import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../store/schema';
import { conflictOfUniqueViolation } from '../store/unique-violation';

// The bed plans and the transformation plans (migration 0009) keep every save as a version per
// region; these are the queries and the write both tables share.

type VersionTable = 'region_plan_version' | 'transformation_plan_version';

/** The newest version of every region in `table`, ordered by region (DISTINCT ON, one query). */
export function newestPerRegion(
  db: Kysely<Database>,
  table: 'region_plan_version',
): SelectQueryBuilder<Database, 'region_plan_version', object>;
export function newestPerRegion(
  db: Kysely<Database>,
  table: 'transformation_plan_version',
): SelectQueryBuilder<Database, 'transformation_plan_version', object>;
export function newestPerRegion(db: Kysely<Database>, table: VersionTable): unknown {
  // Both tables key a version by (region_code, version); kysely cannot type a chain on a union of
  // tables, so the chain is typed on one of them and the overloads give each caller its own (also
  // in newestOfRegion).
  return db
    .selectFrom(table as 'region_plan_version')
    .distinctOn('region_code')
    .orderBy('region_code')
    .orderBy('version', 'desc');
}

/** The newest version of one region in `table` (none before its first save). */
export function newestOfRegion(
  db: Kysely<Database>,
  table: 'region_plan_version',
  regionCode: string,
): SelectQueryBuilder<Database, 'region_plan_version', object>;
export function newestOfRegion(
  db: Kysely<Database>,
  table: 'transformation_plan_version',
  regionCode: string,
): SelectQueryBuilder<Database, 'transformation_plan_version', object>;
export function newestOfRegion(
  db: Kysely<Database>,
  table: VersionTable,
  regionCode: string,
): unknown {
  return db
    .selectFrom(table as 'region_plan_version')
    .where('region_code', '=', regionCode)
    .orderBy('version', 'desc')
    .limit(1);
}

/** Runs the insert of a new version; a version another save took first (unique key) is a 409. */
export async function insertVersion<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    throw conflictOfUniqueViolation(error) ?? error;
  }
}
