import { sql, type Kysely } from 'kysely';
import type { RegionInput } from '@palliamonitor/model';
import type { Database } from './schema';
import { listRegions } from './regions.repository';
import { populationByRegion } from './population.repository';
import { openOn, validOn } from './valid-on';

/**
 * The model's inputs per zorgkantoorregio, from the store: base population by age band (latest
 * gemeente figures summed over the region's gemeenten on `asOf`), deaths per year where imported
 * CBS figures cover every gemeente of the region, and the licensed beds of each open facility on
 * `asOf`, ordered north to south so that default clusters join neighbours.
 */
export async function modelInputs(db: Kysely<Database>, asOf: string): Promise<RegionInput[]> {
  const [regions, population, facilities, deaths] = await Promise.all([
    listRegions(db, { type: 'zorgkantoorregio', asOf, limit: 1000, offset: 0 }),
    populationByRegion(db, { asOf }),
    sql<{ parent_code: string; beds: number; latitude: number | null }>`
      select m.parent_code, v.licensed_beds as beds, v.latitude
      from hospice_version v
      join region_membership m on m.gemeente_code = v.gemeente_code
      where ${validOn('v', asOf)} and ${openOn('v', asOf)}
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
  for (const row of facilities.rows) {
    const list = bedsOf.get(row.parent_code) ?? [];
    list.push(Number(row.beds));
    bedsOf.set(row.parent_code, list);
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
  return regions.items.map((region) => {
    const p = population.get(region.code);
    const deathsByYear = deathsOf.get(region.code);
    return {
      code: region.code,
      name: region.name,
      baseYear: p?.year ?? 2021,
      basePopulation: {
        '0-64': p?.['0-64'] ?? 0,
        '65-79': p?.['65-79'] ?? 0,
        '80+': p?.['80+'] ?? 0,
      },
      ...(deathsByYear ? { deathsByYear } : {}),
      hospiceBeds: bedsOf.get(region.code) ?? [],
    };
  });
}

/**
 * A cheap fingerprint of everything modelInputs reads: it changes whenever a facility version,
 * a membership or a demographic figure is written, by this process or another one.
 */
export async function modelInputsFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ v: number | null; n: number; m: number | null; d: number }>`
    select (select max(id) from hospice_version) as v,
      (select count(*) from hospice_version)::int as n,
      (select max(id) from region_membership) as m,
      (select count(*) from demographic_value)::int as d`.execute(db);
  const r = rows[0]!;
  return `${r.v}:${r.n}:${r.m}:${r.d}`;
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
