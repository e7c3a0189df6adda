import { sql, type Kysely } from 'kysely';

// The monthly report of every region (and the nation), kept as the figures stood when it was made:
// later corrections change the live report, never a kept one. The key (region, month) makes the
// monthly job idempotent, also when two server instances share one database and both run it.
// The report model is kept rather than the PDF: it is smaller and draws in either language.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table kept_report (
      region_code text not null check (region_code ~ '^(ZK[0-9]{2}|NL)$'),
      month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      generated_at timestamptz not null,
      report jsonb not null,
      primary key (region_code, month)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table kept_report`.execute(db);
}
