import { sql, type Kysely } from 'kysely';

// Counters behind the sign-in slow-downs, the password-reset limits and the token rate, kept in the
// store so that several server processes on one PostgreSQL database count together (on the
// embedded store one process owns the store, and the same code runs). Keys are SHA-256 hashes of
// what they count (an address, an e-mail address as typed), never the value itself. Times are
// milliseconds since 1970 from the server's clock.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table auth_limit (
      key text primary key,
      hits integer not null,
      first_ms double precision not null,
      last_ms double precision not null
    )`.execute(db);
  await sql`create index auth_limit_last on auth_limit (last_ms)`.execute(db);
}
