import { sql, type Kysely } from 'kysely';

// Scenarios saved by users. The baseline and the three RIVM scenarios live in the model package
// (versioned in code); saved ones keep their full definition as JSON, validated by the model.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table scenario (
      id text primary key,
      name text not null,
      version integer not null,
      definition jsonb not null,
      based_on text,
      created_at timestamptz not null default now(),
      created_by text not null
    )`.execute(db);
}
