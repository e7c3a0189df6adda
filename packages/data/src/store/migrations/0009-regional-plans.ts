import { sql, type Kysely } from 'kysely';

// A region's bed agreement and plan, and the status of its palliative-care transformation plan,
// both kept as versions: every save appends the whole plan with who saved it, when and why, so
// the history can be read back and compared. The latest version per region is the current plan.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region_plan_version (
      id bigserial primary key,
      region_code text not null references region (code),
      version integer not null check (version >= 1),
      targets jsonb not null,
      changes jsonb not null,
      change_note text not null check (length(change_note) <= 500),
      saved_at timestamptz not null,
      saved_by text not null,
      unique (region_code, version)
    )`.execute(db);
  await sql`
    create table transformation_plan_version (
      id bigserial primary key,
      region_code text not null references region (code),
      version integer not null check (version >= 1),
      status text not null check (status in
        ('not-started', 'in-preparation', 'submitted', 'approved', 'in-progress')),
      started_on date,
      submitted_on date,
      approved_on date,
      link text check (link is null or length(link) between 1 and 500),
      note text not null check (length(note) <= 500),
      saved_at timestamptz not null,
      saved_by text not null,
      unique (region_code, version)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table transformation_plan_version`.execute(db);
  await sql`drop table region_plan_version`.execute(db);
}
