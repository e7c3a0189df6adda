import { sql, type Kysely } from 'kysely';

// Reminders with care for the burden: an editor may switch them off (reminder_preference), and
// every reminder or digest sent is logged under a key of its period (the Dutch day of a status
// reminder, the Monday of a weekly digest). The key is what keeps it at one: a job claims the key
// with an insert that does nothing on conflict before it sends, so two server instances on one
// database never both send the same reminder.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reminder_preference (
      user_id text primary key references app_user (id),
      reminders_enabled boolean not null,
      language text check (language in ('nl', 'en')),
      updated_at timestamptz not null
    )`.execute(db);
  await sql`
    create table reminder_sent (
      user_id text not null references app_user (id),
      kind text not null check (kind in ('stale-status', 'weekly-digest')),
      period_start date not null,
      hospice_ids text not null,
      sent_at timestamptz not null,
      primary key (user_id, kind, period_start)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table reminder_sent`.execute(db);
  await sql`drop table reminder_preference`.execute(db);
}
