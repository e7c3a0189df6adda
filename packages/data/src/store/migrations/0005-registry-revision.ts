import { sql, type Kysely } from 'kysely';

// A counter of the changes to each facility's registry entry. A change on the day its latest
// version starts corrects that version in place, so the version id alone does not tell two states
// apart; the ETag names the latest version and this revision, and every stored change raises it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table hospice add column revision integer not null default 0`.execute(db);
}
