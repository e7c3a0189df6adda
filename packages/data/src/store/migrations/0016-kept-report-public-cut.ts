import { sql, type Kysely } from 'kysely';

// A kept monthly report is read by the regisseur of its region, who sees its small counts, but
// also by readers who may not (a national analyst for every region, every regisseur for the
// nation). The occupancy part of the small-count rule needs the month's bed-days, which the report
// does not hold, so the rule cannot be applied again when the report is read: the month figures
// are kept a second time as the public cut showed them when the report was made. Reports kept
// before this have none (null); such a reader then gets none of their suppressible figures.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table kept_report add column public_months jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table kept_report drop column public_months`.execute(db);
}
