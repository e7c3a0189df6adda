import { sql, type Kysely } from 'kysely';

// The group write of bed-status updates (collection/bed-status-batch.ts) as a function in the
// database. The statement is large: PostgreSQL planned it anew on every call from the driver
// (the client library sends it unprepared), which cost more than executing it. A PL/pgSQL function
// keeps its statement's plan for the session, so a call is planned once per connection, on both
// stores. What it does is unchanged: for each update (one facility at most once) it checks the
// beds registered on its day, takes the write locks (the shared horizon lock first, then the
// facilities in the order of their keys), appends the event and its audit entry, with the
// facility's current state as the audit "before", and notifies `notify_channel` (when not null)
// with the highest id, in the same transaction. The lock keys are arguments so that they keep one
// definition (BED_STATUS_LOCK and BED_STATUS_FACILITY_LOCK in bed-status-batch.ts).

export async function up(db: Kysely<unknown>): Promise<void> {
  // An event as the audit log keeps it (auditViewOfEvent in bed-status.repository.ts): a SQL
  // function of one expression, which PostgreSQL inlines where it is called.
  await sql`
    create function bed_status_audit_view(event_id bigint, kind text, beds_open integer,
      beds_occupied integer, beds_closed integer, closed_reason text, admission_stop boolean,
      recorded_at timestamptz, recorded_by text)
    returns jsonb language sql stable as $fn$
      select jsonb_build_object('eventId', event_id, 'kind', kind, 'bedsOpen', beds_open,
        'bedsOccupied', beds_occupied, 'bedsClosed', beds_closed, 'closedReason', closed_reason,
        'admissionStop', admission_stop,
        'recordedAt', to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'recordedBy', recorded_by)
    $fn$`.execute(db);
  await sql`
    create function bed_status_append(items jsonb, notify_channel text, horizon_lock bigint,
      facility_lock integer)
    returns table (id bigint, hospice_id text, kind text, beds_open integer,
      beds_occupied integer, beds_closed integer, closed_reason text, admission_stop boolean,
      recorded_at timestamptz, recorded_by text, is_synthetic boolean, licensed_beds integer,
      has_stays boolean, present bigint)
    language plpgsql as $fn$
    #variable_conflict use_column
    begin
      return query
        with item as (
          select * from jsonb_to_recordset(items) as x(ord integer, hospice_id text, kind text,
            beds_open integer, beds_occupied integer, beds_closed integer, closed_reason text,
            admission_stop boolean, recorded_at timestamptz, recorded_by text, today date,
            audit jsonb)
        ),
        facility as (
          select i.*, h.is_synthetic, v.licensed_beds,
            exists (select 1 from stay s where s.hospice_id = h.id) as has_stays,
            (select count(*) from stay s where s.hospice_id = h.id and s.departed_on is null)
              as present
          from item i
          join hospice h on h.id = i.hospice_id
          join hospice_version v on v.hospice_id = h.id
            and (v.valid_from is null or v.valid_from <= i.today)
            and (v.valid_to is null or v.valid_to > i.today)
          where i.beds_open + i.beds_closed <= v.licensed_beds
        ),
        lock_order as (
          select 0 as step, 0 as k
          union all select distinct 1, hashtext(f.hospice_id) from facility f
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
        audited as (
          insert into audit_log (at, actor, role, method, path, status, hospice_id, region_code,
            before, after)
          select e.recorded_at, a.actor, a.role, a.method, a.path, a.status, a."hospiceId",
            a."regionCode",
            (select bed_status_audit_view(c.event_id, c.kind, c.beds_open, c.beds_occupied,
                c.beds_closed, c.closed_reason, c.admission_stop, c.recorded_at, c.recorded_by)
              from bed_status_current c where c.hospice_id = e.hospice_id),
            bed_status_audit_view(e.id, e.kind, e.beds_open, e.beds_occupied, e.beds_closed,
              e.closed_reason, e.admission_stop, e.recorded_at, e.recorded_by)
          from event e
          join item i on i.hospice_id = e.hospice_id
          cross join lateral jsonb_to_record(i.audit) as a(actor text, role text, method text,
            path text, status integer, "hospiceId" text, "regionCode" text)
          where i.audit is not null
        ),
        notified as (
          select pg_notify(notify_channel, max(e.id)::text) as sent from event e
          where notify_channel is not null
          having count(*) > 0
        )
        select e.id, e.hospice_id, e.kind, e.beds_open, e.beds_occupied, e.beds_closed,
          e.closed_reason, e.admission_stop, e.recorded_at, e.recorded_by,
          f.is_synthetic, f.licensed_beds, f.has_stays, f.present
        from event e
        join facility f on f.hospice_id = e.hospice_id
        left join notified on true
        order by e.id;
    end $fn$`.execute(db);
}
