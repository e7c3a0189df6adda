import { sql, type Kysely } from 'kysely';
import { GEMEENTE_POINT } from './ddl';

// The first schema: regions with effective-dated membership, boundaries, places, demographic
// inputs and the effective-dated hospice registry. Plain SQL, so what the database holds is
// visible here and not hidden behind a builder.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region (
      code text primary key,
      type text not null check (type in ('gemeente', 'provincie', 'zorgkantoorregio')),
      name text not null,
      -- null: since the start of our records (the first seeded division has no known start)
      valid_from date,
      valid_to date,
      check (valid_to is null or valid_from is null or valid_to > valid_from)
    )`.execute(db);

  await sql`
    create table region_membership (
      id bigserial primary key,
      gemeente_code text not null references region (code),
      parent_code text not null references region (code),
      parent_type text not null check (parent_type in ('provincie', 'zorgkantoorregio')),
      valid_from date,
      valid_to date,
      check (valid_to is null or valid_from is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create index region_membership_gemeente on region_membership (gemeente_code)`.execute(
    db,
  );
  await sql`create index region_membership_parent on region_membership (parent_code)`.execute(db);

  await sql`
    create table region_boundary (
      region_code text not null,
      year integer not null,
      layer text not null,
      name text not null,
      geometry jsonb not null,
      bbox jsonb not null,
      source text not null,
      imported_at timestamptz not null default now(),
      primary key (region_code, year)
    )`.execute(db);

  await sql`
    create table place (
      name text not null,
      ${GEMEENTE_POINT},
      primary key (name, gemeente_code)
    )`.execute(db);

  await sql`
    create table postcode (
      pc4 text primary key,
      ${GEMEENTE_POINT}
    )`.execute(db);

  await sql`
    create table demographic_value (
      measure text not null check (measure in ('population', 'deaths')),
      region_code text not null,
      year integer not null,
      sex text not null check (sex in ('total', 'male', 'female')),
      age_band text not null check (age_band in ('0-64', '65-79', '80+', 'total')),
      kind text not null check (kind in ('observed', 'projection', 'synthetic', 'derived')),
      value double precision not null check (value >= 0),
      source text not null,
      table_id text,
      primary key (measure, region_code, year, sex, age_band, kind)
    )`.execute(db);

  await sql`
    create table hospice (
      id text primary key,
      -- the key of an imported row (CSV column 'ref'), so re-importing a file updates, not duplicates
      external_ref text unique,
      is_synthetic boolean not null default false,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table hospice_version (
      id bigserial primary key,
      hospice_id text not null references hospice (id),
      valid_from date not null,
      valid_to date,
      recorded_at timestamptz not null default now(),
      recorded_by text not null,
      name text not null,
      street_address text,
      postcode text,
      place text not null,
      gemeente_code text not null references region (code),
      latitude double precision,
      longitude double precision,
      type text not null check (type in ('bth', 'hch', 'nursing-home-unit', 'hospital-unit', 'other')),
      care_model text check (care_model in ('formal-care-with-stay', 'stay-with-informal-care')),
      funding jsonb not null default '[]',
      umbrellas jsonb not null default '[]',
      agb_code text,
      kvk_number text,
      licensed_beds integer not null check (licensed_beds >= 0),
      opened_on date,
      closed_on date,
      phone text,
      website text,
      unique (hospice_id, valid_from),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create index hospice_version_current on hospice_version (hospice_id) where valid_to is null`.execute(
    db,
  );
  await sql`create index hospice_version_gemeente on hospice_version (gemeente_code)`.execute(db);
}
