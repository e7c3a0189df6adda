import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { seedDivision, type RegionSeedRow } from './regions.repository';
import { readSeedCsv } from '../seed-files';

/**
 * The 2025 division (342 gemeenten, 31 zorgkantoorregio's, 12 provincies) from the seed files.
 * It applies from the start of our records (valid_from null): no earlier division is loaded, and
 * later changes are recorded as moves and merges on their dates.
 */
export async function seedDivision2025(db: Kysely<Database>): Promise<void> {
  const toRows = (file: string, kind: 'zorgkantoorregio' | 'provincie'): RegionSeedRow[] =>
    readSeedCsv(file).map((r) => ({
      gemeenteCode: r['gemeente_code']!,
      gemeenteName: r['gemeente_naam']!,
      parentCode: r[`${kind}_code`]!,
      parentName: r[`${kind}_naam`]!,
    }));
  await seedDivision(db, {
    zorgkantoorregio: toRows('gemeente_zorgkantoorregio_2025.csv', 'zorgkantoorregio'),
    provincie: toRows('gemeente_provincie_2025.csv', 'provincie'),
    validFrom: null,
  });
}

/** Place names with coordinates (CBS woonplaatsen, GeoNames coordinates) for "search by place". */
export async function seedPlaces(db: Kysely<Database>): Promise<void> {
  const rows = readSeedCsv('woonplaatsen.csv')
    .filter((r) => r['lat'] && r['lon'])
    .map((r) => ({
      name: r['woonplaats']!,
      gemeente_code: r['gemeente_code']!,
      latitude: Number(r['lat']),
      longitude: Number(r['lon']),
    }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('place')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['name', 'gemeente_code']).doNothing())
      .execute();
  }
}

/** Population by gemeente and age band (CBS 2021 with derived bands; see seed/SOURCES.md). */
export async function seedPopulation(db: Kysely<Database>): Promise<void> {
  const rows = readSeedCsv('population_gemeente_2021.csv').map((r) => ({
    measure: 'population' as const,
    region_code: r['gemeente_code']!,
    year: Number(r['year']),
    sex: 'total' as const,
    age_band: r['age_band'] as '0-64' | '65-79' | '80+',
    kind: r['basis'] === 'real' ? ('observed' as const) : ('derived' as const),
    value: Number(r['persons']),
    source: 'CBS 70072ned (2021) and 2020 age bands; see packages/data/seed/SOURCES.md',
    table_id: '70072ned',
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('demographic_value')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['measure', 'region_code', 'year', 'sex', 'age_band', 'kind']).doNothing(),
      )
      .execute();
  }
}
