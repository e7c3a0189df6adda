import { sql, type Kysely } from 'kysely';

// What the public read path needs, kept up to date as the events arrive instead of recomputed from
// the logs per request, so its cost does not grow with history:
// - bed_status_current: the latest bed-status event of each facility, with the time of its latest
//   change (not a mere confirmation);
// - bed_status_day: the latest bed-status event time of each facility per Dutch calendar day, all
//   the freshness figures need;
// - hospice_activity: the first day a facility registered an admission or a refusal, from which its
//   figures come from events rather than monthly returns.
// Triggers maintain them in the transaction of the write, whoever writes (the API, an import or the
// demo seed in bulk): statement-level with transition tables, so a bulk insert costs one upsert per
// statement, not one per row. The logs stay the truth; a test recomputes these from them.
// Indexes on the dates let the figures of a period read only that period's rows.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table bed_status_current (
      hospice_id text primary key references hospice (id),
      event_id bigint not null,
      kind text not null,
      beds_open integer not null,
      beds_occupied integer not null,
      beds_closed integer not null,
      closed_reason text,
      admission_stop boolean not null,
      recorded_at timestamptz not null,
      recorded_by text not null,
      -- recorded_at of the latest event that was not a confirmation; null when there is none
      changed_at timestamptz
    )`.execute(db);
  await sql`
    create table bed_status_day (
      hospice_id text not null references hospice (id),
      day date not null,
      last_at timestamptz not null,
      primary key (hospice_id, day)
    )`.execute(db);
  await sql`create index bed_status_day_day on bed_status_day (day)`.execute(db);
  await sql`
    create table hospice_activity (
      hospice_id text primary key references hospice (id),
      events_from date not null
    )`.execute(db);

  await sql`
    create function bed_status_follow() returns trigger language plpgsql as $$
    begin
      insert into bed_status_current as c (hospice_id, event_id, kind, beds_open, beds_occupied,
        beds_closed, closed_reason, admission_stop, recorded_at, recorded_by, changed_at)
      select l.hospice_id, l.id, l.kind, l.beds_open, l.beds_occupied, l.beds_closed,
        l.closed_reason, l.admission_stop, l.recorded_at, l.recorded_by, ch.recorded_at
      from (select distinct on (hospice_id) * from new_events order by hospice_id, id desc) l
      left join (select distinct on (hospice_id) hospice_id, recorded_at from new_events
          where kind <> 'confirm' order by hospice_id, id desc) ch on ch.hospice_id = l.hospice_id
      on conflict (hospice_id) do update set event_id = excluded.event_id, kind = excluded.kind,
        beds_open = excluded.beds_open, beds_occupied = excluded.beds_occupied,
        beds_closed = excluded.beds_closed, closed_reason = excluded.closed_reason,
        admission_stop = excluded.admission_stop, recorded_at = excluded.recorded_at,
        recorded_by = excluded.recorded_by,
        changed_at = coalesce(excluded.changed_at, c.changed_at)
      where c.event_id < excluded.event_id;
      insert into bed_status_day as d (hospice_id, day, last_at)
      select hospice_id, (recorded_at at time zone 'Europe/Amsterdam')::date, max(recorded_at)
      from new_events group by 1, 2
      on conflict (hospice_id, day) do update set last_at = greatest(d.last_at, excluded.last_at);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger bed_status_follow after insert on bed_status_event
    referencing new table as new_events for each statement execute function bed_status_follow()`.execute(
    db,
  );

  for (const [table, column] of [
    ['stay', 'admitted_on'],
    ['refusal', 'refused_on'],
  ] as const) {
    await sql`
      create function ${sql.raw(`${table}_activity`)}() returns trigger language plpgsql as $$
      begin
        insert into hospice_activity as a (hospice_id, events_from)
        select hospice_id, min(${sql.raw(column)}) from new_rows group by hospice_id
        on conflict (hospice_id) do update set events_from = least(a.events_from, excluded.events_from)
        where excluded.events_from < a.events_from;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_activity`)} after insert on ${sql.raw(table)}
      referencing new table as new_rows for each statement
      execute function ${sql.raw(`${table}_activity`)}()`.execute(db);
  }

  // From the logs as they are.
  await sql`
    insert into bed_status_current (hospice_id, event_id, kind, beds_open, beds_occupied,
      beds_closed, closed_reason, admission_stop, recorded_at, recorded_by, changed_at)
    select l.hospice_id, l.id, l.kind, l.beds_open, l.beds_occupied, l.beds_closed,
      l.closed_reason, l.admission_stop, l.recorded_at, l.recorded_by, ch.recorded_at
    from (select distinct on (hospice_id) * from bed_status_event order by hospice_id, id desc) l
    left join (select distinct on (hospice_id) hospice_id, recorded_at from bed_status_event
        where kind <> 'confirm' order by hospice_id, id desc) ch on ch.hospice_id = l.hospice_id`.execute(
    db,
  );
  await sql`
    insert into bed_status_day (hospice_id, day, last_at)
    select hospice_id, (recorded_at at time zone 'Europe/Amsterdam')::date, max(recorded_at)
    from bed_status_event group by 1, 2`.execute(db);
  await sql`
    insert into hospice_activity (hospice_id, events_from)
    select hospice_id, min(day) from (
      select hospice_id, admitted_on as day from stay
      union all select hospice_id, refused_on from refusal) a
    group by hospice_id`.execute(db);

  // A period's rows, whatever the history: stays that departed in or after it (or are present),
  // refusals, waiting-list reports and returns by date.
  await sql`create index stay_departed on stay (departed_on)`.execute(db);
  await sql`create index refusal_day on refusal (refused_on)`.execute(db);
  await sql`create index waiting_list_day on waiting_list_report (reported_on)`.execute(db);
  await sql`create index monthly_return_month on monthly_return (month) where superseded_at is null`.execute(
    db,
  );
}
