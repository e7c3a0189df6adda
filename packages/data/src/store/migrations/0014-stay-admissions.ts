import { sql, type Kysely } from 'kysely';

// The figures of a period read the stays admitted in it and those departed in it as rows, and
// only count the stays that span it (statistics-facts.ts). For the whole country no hospice list
// narrows the read, so the admissions of the period need an index on the date alone, as the
// departures have (stay_departed, 0007).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index stay_admitted on stay (admitted_on)`.execute(db);
}
