import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database, RegionType } from '../store/schema';
import { importBoundaries } from './boundaries.repository';
import { importPostcodes } from '../collection/postcodes';
import { seedPath } from '../seed-files';
import { seedDivision2025, seedPlaces, seedPopulation } from './seed-regions';

/**
 * The boundaries shipped with the repository: the 2025 CBS/PDOK gebiedsindelingen (generalised,
 * CC BY 4.0, "CBS / Kadaster-PDOK"), as GeoJSON derived from the cartomap/nl TopoJSON files (see
 * seed/reference/SOURCES.md). GeoJSON because its coordinates are already rounded to about a metre,
 * so the stored geometry is a third smaller than the same map decoded from the TopoJSON.
 */
export const BUNDLED_BOUNDARIES: Readonly<Record<RegionType, string>> = {
  zorgkantoorregio: 'reference/geo/zorgkantoorregio_2025.geojson',
  provincie: 'reference/geo/provincie_2025.geojson',
  gemeente: 'reference/geo/gemeente_2025.geojson',
};

/** The shipped PC4 centroids (GeoNames, CC BY 4.0; see seed/reference/SOURCES.md). */
export const BUNDLED_POSTCODES = 'reference/places/pc4_centroids.csv';

/**
 * Facts every installation needs, loaded into an empty store: the 2025 division of gemeenten over
 * zorgkantoorregio's and provincies, place names with coordinates, population by gemeente and age
 * band, the 2025 boundaries of the three layers and the PC4 postcode centroids. These are real
 * public data, not demo data. Boundaries and postcodes are loaded only where the store has none:
 * a newer official file imported later (`import boundaries`, `import postcodes`) is never
 * overwritten, and a store made before they were shipped gets them on its next start.
 * Returns whether the division was loaded (a new store).
 */
export async function ensureReferenceData(db: Kysely<Database>): Promise<boolean> {
  const any = await db.selectFrom('region').select('code').limit(1).executeTakeFirst();
  if (!any) {
    await seedDivision2025(db);
    await seedPlaces(db);
    await seedPopulation(db);
  }
  await ensureBundledBoundaries(db);
  await ensureBundledPostcodes(db);
  return !any;
}

/** Loads the shipped boundaries of every layer that has none, through the boundaries importer. */
async function ensureBundledBoundaries(db: Kysely<Database>): Promise<void> {
  const present = new Set(
    (await db.selectFrom('region_boundary').select('layer').distinct().execute()).map(
      (r) => r.layer,
    ),
  );
  for (const [layer, file] of Object.entries(BUNDLED_BOUNDARIES)) {
    if (present.has(layer as RegionType)) {
      continue;
    }
    try {
      await importBoundaries(db, readFileSync(seedPath(file), 'utf8'), {
        fileName: file.slice(file.lastIndexOf('/') + 1),
      });
    } catch (error) {
      // Two instances starting together on one new PostgreSQL database: the other one stored the
      // same file first (unique_violation), which is all this wanted.
      if ((error as { code?: unknown }).code !== '23505') {
        throw error;
      }
    }
  }
}

/** Loads the shipped PC4 centroids when the store has no postcodes, through the importer. */
async function ensureBundledPostcodes(db: Kysely<Database>): Promise<void> {
  const any = await db.selectFrom('postcode').select('pc4').limit(1).executeTakeFirst();
  if (!any) {
    await importPostcodes(db, readFileSync(seedPath(BUNDLED_POSTCODES), 'utf8'));
  }
}
