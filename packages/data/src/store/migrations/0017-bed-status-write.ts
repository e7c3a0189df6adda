import { sql, type Kysely } from 'kysely';

// The group write of bed-status updates (collection/bed-status-batch.ts), leaner: bed_status_write
// instead of bed_status_append (0015). Measured on the embedded store, most of the old function's
// cost was not its work but what crossed the boundary and what it wrote twice (decision 0006):
// - it takes and returns JSON text (one value each way) instead of a set of rows: a set-returning
//   PL/pgSQL function and 14 columns of 8 rows, each printed by the engine and parsed again, cost
//   more than the inserts. The caller already knows what it sent; it is told the event ids and
//   what it learns of each facility;
// - the audit entry refers to the event it records (event_id) instead of repeating the state
//   before and after as JSON; the audit log reads them from the event log (listAudit), where the
//   state before is the facility's previous event: exactly the predecessor in the log;
// - it keeps bed_status_current and bed_status_day itself, in the same statement, and tells the
//   statement trigger (0007) to leave them (a setting local to the transaction, reset before it
//   returns): every other writer of events still has them kept by the trigger;
// - the write locks are taken only when lock keys are given: on a store of several sessions
//   (PostgreSQL). The embedded store has one session, in which statements never interleave.
// What it checks is unchanged: each facility at most once, its beds as registered on its day.

export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key: the event is written in the same statement and the event log is never
  // changed or shortened, and the check would be paid by every update.
  await sql`alter table audit_log add column event_id bigint`.execute(db);
  // Replaced, not dropped, and the old function is left in place unused: dropping an object
  // deletes its comments, which waits for any other session dropping a schema in the same
  // database (migrate-schemas.int.test.ts).
  await sql`
    create or replace trigger bed_status_follow after insert on bed_status_event
    referencing new table as new_events for each statement
    when (current_setting('palliamonitor.bed_status_follow', true) is distinct from 'inline')
    execute function bed_status_follow()`.execute(db);
  await sql`
    create function bed_status_write(items json, notify_channel text, horizon_lock bigint,
      facility_lock integer)
    returns json language plpgsql as $fn$
    declare
      written json;
    begin
      perform set_config('palliamonitor.bed_status_follow', 'inline', true);
      with item as (
        select * from json_to_recordset(items) as x(ord integer, hospice_id text, kind text,
          beds_open integer, beds_occupied integer, beds_closed integer, closed_reason text,
          admission_stop boolean, recorded_at timestamptz, recorded_by text, today date, actor text, role text,
          method text, path text, status integer, audit_hospice_id text, region_code text)
      ),
      facility as (
        select i.*, h.is_synthetic, v.licensed_beds,
          exists (select 1 from stay s where s.hospice_id = h.id) as has_stays,
          (select count(*) from stay s where s.hospice_id = h.id and s.departed_on is null)::integer
            as present
        from item i
        join hospice h on h.id = i.hospice_id
        join hospice_version v on v.hospice_id = h.id
          and (v.valid_from is null or v.valid_from <= i.today)
          and (v.valid_to is null or v.valid_to > i.today)
        where i.beds_open + i.beds_closed <= v.licensed_beds
      ),
      lock_order as (
        select 0 as step, 0 as k where horizon_lock is not null
        union all select distinct 1, hashtext(f.hospice_id) from facility f
          where horizon_lock is not null
        order by step, k
        offset 0
      ),
      locked as (
        select count(case when step = 0
          then pg_advisory_xact_lock_shared(horizon_lock)::text
          else pg_advisory_xact_lock(facility_lock, k)::text end) as n
        from lock_order
      ),
      event as (
        insert into bed_status_event as b (hospice_id, kind, beds_open, beds_occupied,
          beds_closed, closed_reason, admission_stop, recorded_at, recorded_by)
        select f.hospice_id, f.kind, f.beds_open, f.beds_occupied, f.beds_closed,
          f.closed_reason, f.admission_stop, f.recorded_at, f.recorded_by
        from facility f cross join locked
        order by f.ord
        returning b.*
      ),
      current_state as (
        insert into bed_status_current as c (hospice_id, event_id, kind, beds_open, beds_occupied,
          beds_closed, closed_reason, admission_stop, recorded_at, recorded_by, changed_at)
        select e.hospice_id, e.id, e.kind, e.beds_open, e.beds_occupied, e.beds_closed,
          e.closed_reason, e.admission_stop, e.recorded_at, e.recorded_by,
          case when e.kind <> 'confirm' then e.recorded_at end
        from event e
        on conflict (hospice_id) do update set event_id = excluded.event_id, kind = excluded.kind,
          beds_open = excluded.beds_open, beds_occupied = excluded.beds_occupied,
          beds_closed = excluded.beds_closed, closed_reason = excluded.closed_reason,
          admission_stop = excluded.admission_stop, recorded_at = excluded.recorded_at,
          recorded_by = excluded.recorded_by,
          changed_at = coalesce(excluded.changed_at, c.changed_at)
        where c.event_id < excluded.event_id
      ),
      day_row as (
        insert into bed_status_day as d (hospice_id, day, last_at)
        select e.hospice_id, (e.recorded_at at time zone 'Europe/Amsterdam')::date, e.recorded_at
        from event e
        on conflict (hospice_id, day) do update set last_at = greatest(d.last_at, excluded.last_at)
      ),
      audited as (
        insert into audit_log (at, actor, role, method, path, status, hospice_id, region_code,
          event_id)
        select e.recorded_at, f.actor, f.role, f.method, f.path, f.status, f.audit_hospice_id,
          f.region_code, e.id
        from event e
        join facility f on f.hospice_id = e.hospice_id
        where f.actor is not null
      ),
      notified as (
        select pg_notify(notify_channel, max(e.id)::text) as sent from event e
        where notify_channel is not null
        having count(*) > 0
      )
      select json_agg(json_build_array(f.ord, e.id, f.licensed_beds, f.is_synthetic, f.has_stays,
          f.present))
        into written
      from event e
      join facility f on f.hospice_id = e.hospice_id
      left join notified on true;
      perform set_config('palliamonitor.bed_status_follow', '', true);
      return coalesce(written, '[]');
    end $fn$`.execute(db);
}
