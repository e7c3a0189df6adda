import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { openOn, validOn } from '../store/valid-on';

export interface RegionPopulation {
  year: number;
  total: number;
  '0-64': number;
  '65-79': number;
  '80+': number;
}

/**
 * Population by zorgkantoorregio or provincie: the latest year ≤ `year` of the gemeente figures,
 * summed over the gemeenten that belong to each region on `asOf`. Observed figures win over
 * derived or synthetic ones for the same gemeente, year and band.
 */
export async function populationByRegion(
  db: Kysely<Database>,
  options: { asOf: string; year?: number },
): Promise<Map<string, RegionPopulation>> {
  const rows = await sql<{ parent_code: string; year: number; age_band: string; persons: number }>`
    with latest as (
      select max(year) as year from demographic_value
      where measure = 'population' and region_code like 'GM%'
        ${options.year === undefined ? sql`` : sql`and year <= ${options.year}`}
    ),
    gemeente as (
      select distinct on (d.region_code, d.age_band) d.region_code, d.year, d.age_band, d.value
      from demographic_value d, latest
      where d.measure = 'population' and d.sex = 'total' and d.year = latest.year
        and d.age_band in ('0-64', '65-79', '80+')
      order by d.region_code, d.age_band,
        case d.kind when 'observed' then 0 when 'derived' then 1 when 'projection' then 2 else 3 end
    )
    select m.parent_code, g.year, g.age_band, sum(g.value)::float8 as persons
    from gemeente g
    join region_membership m on m.gemeente_code = g.region_code
    where ${validOn('m', options.asOf)}
    group by m.parent_code, g.year, g.age_band`.execute(db);
  const result = new Map<string, RegionPopulation>();
  for (const row of rows.rows) {
    const entry = result.get(row.parent_code) ?? {
      year: row.year,
      total: 0,
      '0-64': 0,
      '65-79': 0,
      '80+': 0,
    };
    entry[row.age_band as '0-64' | '65-79' | '80+'] = Number(row.persons);
    entry.total = entry['0-64'] + entry['65-79'] + entry['80+'];
    result.set(row.parent_code, entry);
  }
  return result;
}

/** Licensed beds and number of open facilities per zorgkantoorregio on `asOf`. */
export async function bedsByRegion(
  db: Kysely<Database>,
  asOf: string,
): Promise<Map<string, { facilities: number; licensedBeds: number; synthetic: number }>> {
  const rows = await sql<{
    parent_code: string;
    facilities: number;
    beds: number;
    synthetic: number;
  }>`
    select m.parent_code, count(*)::int as facilities, coalesce(sum(v.licensed_beds), 0)::int as beds,
      count(*) filter (where h.is_synthetic)::int as synthetic
    from hospice_version v
    join hospice h on h.id = v.hospice_id
    join region_membership m on m.gemeente_code = v.gemeente_code
    where ${validOn('v', asOf)} and ${openOn('v', asOf)} and ${validOn('m', asOf)}
    group by m.parent_code`.execute(db);
  return new Map(
    rows.rows.map((r) => [
      r.parent_code,
      {
        facilities: Number(r.facilities),
        licensedBeds: Number(r.beds),
        synthetic: Number(r.synthetic),
      },
    ]),
  );
}
