import { sql, type Kysely } from 'kysely';

// A regisseur's acknowledgement of an alert of the cockpit: a note and a follow-up date, seen by
// the region's other users. Alerts themselves are computed from the figures (not stored); the
// acknowledgement names the alert by a stable key (kind and hospice) and keeps every earlier one
// (append-only history: the latest per key is the current one).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table alert_acknowledgement (
      id bigserial primary key,
      region_code text not null,
      alert_key text not null check (length(alert_key) between 1 and 200),
      hospice_id text references hospice (id),
      note text not null check (length(note) between 1 and 500),
      follow_up_on date,
      acknowledged_at timestamptz not null,
      acknowledged_by text not null
    )`.execute(db);
  await sql`
    create index alert_acknowledgement_region on alert_acknowledgement (region_code, alert_key, id)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table alert_acknowledgement`.execute(db);
}
