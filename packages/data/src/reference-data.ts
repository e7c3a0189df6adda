import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { seedDivision2025, seedPlaces, seedPopulation } from './seed-regions';

/**
 * Facts every installation needs, loaded once into an empty store: the 2025 division of gemeenten
 * over zorgkantoorregio's and provincies, place names with coordinates, and population by
 * gemeente and age band. These are real public data, not demo data.
 */
export async function ensureReferenceData(db: Kysely<Database>): Promise<boolean> {
  const any = await db.selectFrom('region').select('code').limit(1).executeTakeFirst();
  if (any) {
    return false;
  }
  await seedDivision2025(db);
  await seedPlaces(db);
  await seedPopulation(db);
  return true;
}
