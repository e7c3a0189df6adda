import { sql, type Kysely } from 'kysely';

// Low-burden data collection: live bed status as append-only events, anonymous stays (admission
// and departure, no personal data), refusals, waiting-list reports and monthly aggregate returns.
// Every row names who recorded it and when (`recorded_by`, `recorded_at`), so the tables are their
// own audit trail; nothing here is ever deleted.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table bed_status_event (
      -- also the Server-Sent Events id and the ETag: ids are handed out under an advisory lock, so
      -- they commit in order and a reconnecting client can ask for "everything after N"
      id bigserial primary key,
      hospice_id text not null references hospice (id),
      -- 'update': a new state; 'confirm': "no change", only refreshes the confirmation time;
      -- 'movement': occupancy followed an admission or departure registered for today
      kind text not null check (kind in ('update', 'confirm', 'movement')),
      beds_open integer not null check (beds_open >= 0),
      beds_occupied integer not null check (beds_occupied >= 0 and beds_occupied <= beds_open),
      beds_closed integer not null default 0 check (beds_closed >= 0),
      closed_reason text
        check (closed_reason in ('staff-shortage', 'renovation', 'infection', 'other')),
      admission_stop boolean not null default false,
      recorded_at timestamptz not null,
      recorded_by text not null,
      check ((beds_closed = 0) = (closed_reason is null))
    )`.execute(db);
  await sql`create index bed_status_event_hospice on bed_status_event (hospice_id, id desc)`.execute(
    db,
  );
  await sql`create index bed_status_event_time on bed_status_event (hospice_id, recorded_at)`.execute(
    db,
  );

  await sql`
    create table stay (
      -- issued by the system at admission; it identifies a stay, never a person
      id text primary key,
      hospice_id text not null references hospice (id),
      admitted_on date not null,
      origin text not null check (origin in ('home', 'hospital', 'nursing-home', 'other')),
      departed_on date,
      departure_kind text check (departure_kind in ('died', 'discharged-home', 'transferred')),
      recorded_at timestamptz not null,
      recorded_by text not null,
      departure_recorded_at timestamptz,
      departure_recorded_by text,
      check ((departed_on is null) = (departure_kind is null)),
      check (departed_on is null or departed_on >= admitted_on)
    )`.execute(db);
  await sql`create index stay_hospice_admitted on stay (hospice_id, admitted_on)`.execute(db);
  await sql`create index stay_current on stay (hospice_id) where departed_on is null`.execute(db);

  await sql`
    create table refusal (
      id bigserial primary key,
      hospice_id text not null references hospice (id),
      refused_on date not null,
      count integer not null check (count > 0),
      recorded_at timestamptz not null,
      recorded_by text not null
    )`.execute(db);
  await sql`create index refusal_hospice_day on refusal (hospice_id, refused_on)`.execute(db);

  await sql`
    create table waiting_list_report (
      id bigserial primary key,
      hospice_id text not null references hospice (id),
      reported_on date not null,
      size integer not null check (size >= 0),
      recorded_at timestamptz not null,
      recorded_by text not null
    )`.execute(db);
  await sql`create index waiting_list_hospice_day on waiting_list_report (hospice_id, reported_on)`.execute(
    db,
  );

  await sql`
    create table monthly_return (
      id bigserial primary key,
      hospice_id text not null references hospice (id),
      -- first day of the month the return is about
      month date not null check (extract(day from month) = 1),
      occupied_start integer not null check (occupied_start >= 0),
      admissions integer not null check (admissions >= 0),
      departures_died integer not null check (departures_died >= 0),
      departures_discharged_home integer not null check (departures_discharged_home >= 0),
      departures_transferred integer not null check (departures_transferred >= 0),
      occupied_end integer not null check (occupied_end >= 0),
      bed_days integer not null check (bed_days >= 0),
      refusals integer not null check (refusals >= 0),
      waiting_list_end integer check (waiting_list_end >= 0),
      length_of_stay_days_total integer check (length_of_stay_days_total >= 0),
      source text not null check (source in ('api', 'csv')),
      recorded_at timestamptz not null,
      recorded_by text not null,
      -- a corrected return supersedes the earlier one, which stays as history
      superseded_at timestamptz,
      superseded_by bigint references monthly_return (id)
    )`.execute(db);
  await sql`create unique index monthly_return_current on monthly_return (hospice_id, month) where superseded_at is null`.execute(
    db,
  );
}
