import { sql, type Kysely } from 'kysely';

// A facility's admission criteria (opnamecriteria) in its own words: who it admits, what referral
// it needs. Part of the registry, so each change is a version with its history and audit entry.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table hospice_version add column admission_criteria text`.execute(db);
}
