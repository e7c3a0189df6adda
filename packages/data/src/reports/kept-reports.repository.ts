import type { Kysely } from 'kysely';
import {
  REPORT_MONTH_SUPPRESSIBLE,
  type RegionReport,
  type ReportMonthFigures,
} from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import type { KeptReport } from './report.service';

// The kept monthly reports: one per region and month, written once. Each holds the report in full
// and its months as the public cut showed them (migration 0016): a reader who may not see the
// region's small counts gets the latter, as the live report gave them that day.

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
  { report, publicMonths }: KeptReport,
): Promise<boolean> {
  const result = await db
    .insertInto('kept_report')
    .values({
      region_code: report.code,
      month,
      generated_at: report.generatedAt,
      report: JSON.stringify(report),
      public_months: JSON.stringify(publicMonths),
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

/**
 * The report kept for a region (`code`) and month, as the API's path names them, for a reader who
 * sees the small counts (`smallCounts`) or not. A report kept before the public cut was kept with
 * it cannot be cut again (the occupancy rule needs bed-days): such a reader gets none of its
 * suppressible month figures.
 */
export async function findKeptReport(
  db: Kysely<Database>,
  key: { readonly code: string; readonly month: string },
  options: { readonly smallCounts: boolean },
): Promise<RegionReport | undefined> {
  const row = await keptReportsOf(db, key.code)
    .select(['report', 'public_months'])
    .where('month', '=', key.month)
    .executeTakeFirst();
  if (row === undefined) {
    return undefined;
  }
  const report = row.report as RegionReport;
  if (options.smallCounts) {
    return report;
  }
  const months = row.public_months as ReportMonthFigures[] | null;
  return { ...report, months: months ?? report.months.map(withoutSuppressible) };
}

/** A month with every figure that could count few people hidden and named. */
function withoutSuppressible(month: ReportMonthFigures): ReportMonthFigures {
  const hidden = REPORT_MONTH_SUPPRESSIBLE.filter((field) => month[field] !== null);
  const cut = { ...month, suppressed: hidden };
  for (const field of hidden) {
    cut[field] = null;
  }
  return cut;
}
