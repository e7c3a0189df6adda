import type { Kysely } from 'kysely';
import type { Database, RegionType } from '../store/schema';
import { AppError, type Issue } from '../errors';
import { parseBoundaries } from '../importers/boundaries/boundaries';
import { appendAudit, type AuditContext } from '../accounts/audit.repository';

/**
 * Imports official boundaries (CBS/PDOK gebiedsindelingen, GeoJSON or TopoJSON) for one layer and
 * year. Errors in the file → nothing stored. Re-importing replaces that layer-year.
 */
export async function importBoundaries(
  db: Kysely<Database>,
  text: string,
  options: { fileName: string; year?: number | undefined; audit?: AuditContext; now?: Date },
): Promise<{ layer: RegionType; year: number; regions: number; warnings: Issue[] }> {
  const parsed = parseBoundaries(text, {
    fileName: options.fileName,
    ...(options.year === undefined ? {} : { year: options.year }),
  });
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || parsed.layer === null || parsed.year === null) {
    const issues: Issue[] = errors.map((i) => ({ message: i.message }));
    if (parsed.year === null && errors.length === 0) {
      issues.push({ field: 'year', message: 'no year in the file or its name; pass --year' });
    }
    throw new AppError('UNPROCESSABLE', 'the boundary file was not imported', issues);
  }
  const { layer, year } = parsed;
  await db.transaction().execute(async (trx) => {
    const replaced = await trx
      .deleteFrom('region_boundary')
      .where('layer', '=', layer)
      .where('year', '=', year)
      .executeTakeFirst();
    const rows = parsed.regions.map((r) => ({
      region_code: r.code,
      year,
      layer,
      name: r.name,
      geometry: JSON.stringify(r.geometry),
      bbox: JSON.stringify(r.bbox),
      source: options.fileName,
    }));
    for (let i = 0; i < rows.length; i += 50) {
      await trx
        .insertInto('region_boundary')
        .values(rows.slice(i, i + 50))
        .execute();
    }
    if (options.audit) {
      // Bulk reference data: the entry says what was replaced and by what, not every shape.
      await appendAudit(trx, {
        ...options.audit,
        at: (options.now ?? new Date()).toISOString(),
        before: { layer, year, regions: Number(replaced.numDeletedRows) },
        after: { layer, year, regions: rows.length, source: options.fileName },
      });
    }
  });
  return {
    layer,
    year,
    regions: parsed.regions.length,
    warnings: parsed.issues
      .filter((i) => i.severity === 'warning')
      .map((i) => ({ message: i.message, severity: 'warning' as const })),
  };
}

/** The boundaries of a layer as a GeoJSON FeatureCollection (latest year ≤ `year`). */
export async function boundaryCollection(
  db: Kysely<Database>,
  layer: RegionType,
  year?: number,
): Promise<
  { year: number; collection: { type: 'FeatureCollection'; features: object[] } } | undefined
> {
  let latest = db
    .selectFrom('region_boundary')
    .select((eb) => eb.fn.max('year').as('year'))
    .where('layer', '=', layer);
  if (year !== undefined) {
    latest = latest.where('year', '<=', year);
  }
  const found = (await latest.executeTakeFirst())?.year;
  if (found === null || found === undefined) {
    return undefined;
  }
  const rows = await db
    .selectFrom('region_boundary')
    .select(['region_code', 'name', 'geometry'])
    .where('layer', '=', layer)
    .where('year', '=', found)
    .orderBy('region_code')
    .execute();
  return {
    year: found,
    collection: {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.region_code,
        properties: { code: r.region_code, name: r.name },
        geometry: r.geometry,
      })),
    },
  };
}
