import { sql, type Kysely } from 'kysely';
import { type Location, type RegionInput, sumAges } from '@palliamonitor/model';
import type { Database } from '../store/schema';
import { listRegions } from '../registry/regions.repository';
import { populationByRegion } from './population.repository';
import { openOn, validOn } from '../store/valid-on';
import { referenceDemographyModel } from './reference-demography';
import { reportedActivity } from './observed-activity';

/**
 * Deaths per year 2000–2050 of each zorgkantoorregio from the demography pipeline on the CBS series
 * (regions add up to the national deaths, observed to 2024), the sd of ln(deaths) after 2024
 * (Lee–Carter band and the region's SMR error), and the 2021 population by band.
 */
function demographyOf(code: string) {
  const model = referenceDemographyModel();
  const region = model.regions.find((r) => r.code === code);
  if (!region) {
    return undefined;
  }
  const deathsByYear: Record<number, number> = {};
  const deathsLogSd: Record<number, number> = {};
  for (let year = 2000; year <= 2050; year++) {
    deathsByYear[year] = region.deaths.get(year)!;
    const national = model.nation.deathsLogSd[year - model.nation.deaths.firstYear]!;
    deathsLogSd[year] =
      year <= model.lastObservedYear ? 0 : Math.sqrt(national ** 2 + region.smrLogSe ** 2);
  }
  const band = (from: number, to: number) => sumAges(region.population, 2021, from, to);
  return {
    deathsByYear,
    deathsLogSd,
    basePopulation: { '0-64': band(0, 64), '65-79': band(65, 79), '80+': band(80, 105) },
  };
}

/**
 * The model's inputs per zorgkantoorregio: deaths 2000–2050 and the 2021 population by band from
 * the demography pipeline on the CBS reference series (else the store's population figures),
 * deaths per year where imported CBS figures cover every gemeente of the region, and the licensed
 * beds and position of each open facility on `asOf` (default clusters join houses by distance).
 */
export async function modelInputs(db: Kysely<Database>, asOf: string): Promise<RegionInput[]> {
  const [regions, population, facilities, deaths] = await Promise.all([
    listRegions(db, { type: 'zorgkantoorregio', asOf, limit: 1000, offset: 0 }),
    populationByRegion(db, { asOf }),
    sql<{
      parent_code: string;
      beds: number;
      latitude: number | null;
      longitude: number | null;
    }>`
      select m.parent_code, v.licensed_beds as beds, v.latitude, v.longitude
      from hospice_version v
      join region_membership m on m.gemeente_code = v.gemeente_code
      where ${validOn('v', asOf)} and ${openOn('v', asOf)}
        -- A facility registered without beds offers no capacity (and the model takes no empty pool).
        and v.licensed_beds > 0
        and m.parent_type = 'zorgkantoorregio' and ${validOn('m', asOf)}
      order by m.parent_code, v.latitude desc nulls last, v.hospice_id`.execute(db),
    sql<{ parent_code: string; year: number; deaths: number; covered: number; members: number }>`
      with members as (
        select parent_code, count(*)::int as n from region_membership
        where parent_type = 'zorgkantoorregio' and ${validOn('region_membership', asOf)}
        group by parent_code
      )
      select m.parent_code, d.year, sum(d.value)::float8 as deaths,
        count(distinct d.region_code)::int as covered, mm.n as members
      from demographic_value d
      join region_membership m on m.gemeente_code = d.region_code
      join members mm on mm.parent_code = m.parent_code
      where d.measure = 'deaths' and d.sex = 'total' and d.age_band = 'total'
        and d.kind in ('observed', 'projection')
        and m.parent_type = 'zorgkantoorregio' and ${validOn('m', asOf)}
      group by m.parent_code, d.year, mm.n`.execute(db),
  ]);
  const bedsOf = new Map<string, number[]>();
  const locationsOf = new Map<string, (Location | null)[]>();
  for (const row of facilities.rows) {
    bedsOf.set(row.parent_code, [...(bedsOf.get(row.parent_code) ?? []), Number(row.beds)]);
    const location =
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: Number(row.latitude), longitude: Number(row.longitude) };
    locationsOf.set(row.parent_code, [...(locationsOf.get(row.parent_code) ?? []), location]);
  }
  const deathsOf = new Map<string, Record<number, number>>();
  for (const row of deaths.rows) {
    // A partial sum would understate deaths; only years that cover the whole region are used.
    if (Number(row.covered) === Number(row.members) && row.year >= 2024) {
      const record = deathsOf.get(row.parent_code) ?? {};
      record[row.year] = Number(row.deaths);
      deathsOf.set(row.parent_code, record);
    }
  }
  // Reported activity per region (statistics per month), where it meets the minimum; only regions
  // with a real (not synthetic) hospice that reported anything are worth the query.
  const reporting = await regionsWithReports(db, asOf);
  const reported = await Promise.all(
    regions.items.map((region) =>
      reporting.has(region.code) ? reportedActivity(db, region.code, asOf) : null,
    ),
  );
  return regions.items.map((region, i): RegionInput => {
    const activity = reported[i];
    const p = population.get(region.code);
    const imported = deathsOf.get(region.code);
    const demography = demographyOf(region.code);
    // Imported CBS/PBL deaths covering the whole region win over the demography for their years.
    const deathsByYear =
      demography || imported ? { ...demography?.deathsByYear, ...imported } : undefined;
    return {
      code: region.code,
      name: region.name,
      baseYear: demography ? 2021 : (p?.year ?? 2021),
      basePopulation: demography?.basePopulation ?? {
        '0-64': p?.['0-64'] ?? 0,
        '65-79': p?.['65-79'] ?? 0,
        '80+': p?.['80+'] ?? 0,
      },
      ...(deathsByYear ? { deathsByYear } : {}),
      ...(demography ? { deathsLogSd: demography.deathsLogSd } : {}),
      hospiceBeds: bedsOf.get(region.code) ?? [],
      hospiceLocations: locationsOf.get(region.code) ?? [],
      ...(activity
        ? {
            observed: {
              admissionsPerYear: activity.admissionsPerYear,
              refusalsPerYear: activity.refusalsPerYear,
              meanLengthOfStay: activity.meanLengthOfStay,
              year: activity.year,
              source: `${activity.source}; occupancy ${activity.occupancy === null ? 'unknown' : `${Math.round(activity.occupancy * 1000) / 10}%`}`,
            },
          }
        : {}),
    };
  });
}

/** Zorgkantoorregio's with a non-synthetic open hospice that has stays or monthly returns. */
async function regionsWithReports(db: Kysely<Database>, asOf: string): Promise<Set<string>> {
  const { rows } = await sql<{ code: string }>`
    select distinct m.parent_code as code
    from hospice_version v
    join hospice h on h.id = v.hospice_id and not h.is_synthetic
    join region_membership m on m.gemeente_code = v.gemeente_code
    where ${validOn('v', asOf)} and m.parent_type = 'zorgkantoorregio' and ${validOn('m', asOf)}
      and (exists (select 1 from stay s where s.hospice_id = v.hospice_id)
        or exists (select 1 from monthly_return r where r.hospice_id = v.hospice_id))`.execute(db);
  return new Set(rows.map((r) => r.code));
}

/**
 * A cheap fingerprint of everything modelInputs reads: it changes whenever a facility version,
 * a membership, a demographic figure or reported activity is written, by this process or another.
 */
export async function modelInputsFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<Record<string, number | null>>`
    select (select max(id) from hospice_version) as v,
      (select count(*) from hospice_version)::int as n,
      (select max(id) from region_membership) as m,
      (select count(*) from demographic_value)::int as d,
      (select count(*) from stay)::int as s,
      (select max(id) from refusal) as r,
      (select max(id) from monthly_return) as mr,
      (select max(id) from bed_status_event) as b`.execute(db);
  const r = rows[0]!;
  // The reported activity also depends on the month: the key of the cache includes asOf.
  return `${r.v}:${r.n}:${r.m}:${r.d}:${r.s}:${r.r}:${r.mr}:${r.b}`;
}

const cache = new Map<string, RegionInput[]>();

/** modelInputs, remembered per date and fingerprint (the inputs are read-only for callers). */
export async function cachedModelInputs(
  db: Kysely<Database>,
  asOf: string,
): Promise<RegionInput[]> {
  const key = `${asOf}|${await modelInputsFingerprint(db)}`;
  const hit = cache.get(key);
  if (hit) {
    return hit;
  }
  const inputs = await modelInputs(db, asOf);
  if (cache.size >= 8) {
    cache.clear();
  }
  cache.set(key, inputs);
  return inputs;
}
