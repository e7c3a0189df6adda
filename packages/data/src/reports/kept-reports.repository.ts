import type { Kysely } from 'kysely';
import type { RegionReport } from '@palliamonitor/contracts';
import type { Database } from '../store/schema';

// The kept monthly reports: one per region and month, written once.

export interface KeptReportEntry {
  readonly month: string;
  readonly generatedAt: string;
}

/**
 * Keeps a region's report of a month unless one is kept already: the first one stays, so a second
 * run (or a second server instance) changes nothing. True when this call stored it.
 */
export async function keepReport(
  db: Kysely<Database>,
  month: string,
  report: RegionReport,
): Promise<boolean> {
  const result = await db
    .insertInto('kept_report')
    .values({
      region_code: report.code,
      month,
      generated_at: report.generatedAt,
      report: JSON.stringify(report),
    })
    .onConflict((oc) => oc.columns(['region_code', 'month']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The reports kept for one region. */
function keptReportsOf(db: Kysely<Database>, code: string) {
  return db.selectFrom('kept_report').where('region_code', '=', code);
}

/** The months kept for a region, newest first. */
export async function listKeptReports(
  db: Kysely<Database>,
  code: string,
): Promise<KeptReportEntry[]> {
  const rows = await keptReportsOf(db, code)
    .select(['month', 'generated_at'])
    .orderBy('month', 'desc')
    .execute();
  return rows.map((r) => ({ month: r.month, generatedAt: new Date(r.generated_at).toISOString() }));
}

/** Which of these regions have a report kept for the month. */
export async function regionsWithKeptReport(
  db: Kysely<Database>,
  month: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('kept_report')
    .select('region_code')
    .where('month', '=', month)
    .execute();
  return new Set(rows.map((r) => r.region_code));
}

/** The report kept for a region (`code`) and month, as the API's path names them. */
export async function findKeptReport(
  db: Kysely<Database>,
  key: { readonly code: string; readonly month: string },
): Promise<RegionReport | undefined> {
  const row = await keptReportsOf(db, key.code)
    .select('report')
    .where('month', '=', key.month)
    .executeTakeFirst();
  return row === undefined ? undefined : (row.report as RegionReport);
}
