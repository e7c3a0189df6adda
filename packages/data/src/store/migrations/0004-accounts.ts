import { sql, type Kysely } from 'kysely';
import { USER_ID, userSecret } from './ddl';

// Accounts, role assignments, sessions, API tokens, password-reset tokens and the audit log.
// Secrets (session ids, API tokens, reset tokens) are stored only as SHA-256 hashes; passwords as
// scrypt hashes with a per-user salt. The audit log is append-only: a trigger refuses UPDATE and
// DELETE on every store, and on PostgreSQL the privileges are revoked as well where possible.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id text primary key,
      email text not null,
      name text not null,
      password_hash text not null,
      is_demo boolean not null default false,
      created_at timestamptz not null,
      disabled_at timestamptz
    )`.execute(db);
  await sql`create unique index app_user_email on app_user (lower(email))`.execute(db);

  await sql`
    create table role_assignment (
      id bigserial primary key,
      ${USER_ID},
      role text not null check (role in ('care-professional', 'hospice-editor', 'regisseur', 'national-analyst', 'administrator')),
      -- hospice id for a hospice editor, zorgkantoorregio code for a regisseur, null otherwise
      scope text,
      created_at timestamptz not null,
      check ((role in ('hospice-editor', 'regisseur')) = (scope is not null)),
      unique (user_id, role, scope)
    )`.execute(db);

  await sql`
    create table user_session (
      ${userSecret('id_hash')},
      csrf_token text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);

  await sql`
    create table api_token (
      id text primary key,
      token_hash text not null unique,
      hospice_id text not null references hospice (id),
      label text not null,
      created_at timestamptz not null,
      created_by text not null,
      revoked_at timestamptz,
      last_used_at timestamptz
    )`.execute(db);

  await sql`
    create table password_reset (
      ${userSecret('token_hash')},
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);

  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null,
      actor text not null,
      role text not null,
      method text not null,
      path text not null,
      status integer not null,
      hospice_id text,
      -- the zorgkantoorregio the change concerns, so a regisseur sees the trail of the region
      region_code text,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`create index audit_log_region on audit_log (region_code, id)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
  // The privileges say the same: nobody, the owner included, holds UPDATE, DELETE or TRUNCATE.
  // (An owner could grant them back; the trigger above still refuses the change.)
  await sql`revoke update, delete, truncate on audit_log from public`.execute(db);
  await sql`revoke update, delete, truncate on audit_log from current_user`.execute(db);
}
