import type { Kysely, OnConflictBuilder } from 'kysely';
import type { Database } from '../store/schema';
import { batches } from '../store/batches';
import { AppError } from '../errors';
import { appendLoadAudit, type AuditContext } from '../accounts/audit.repository';
import {
  isGeonamesPostalText,
  parseGeonamesPostalCodes,
  parsePostcodeCentroids,
} from '../importers/places/places';

// PC4 centroids for the bed finder's "near a postcode". A new store gets the centroids shipped in
// seed/reference/places (see reference-data.ts); a newer GeoNames download is loaded with
// `palliamonitor import postcodes <file>`.

/**
 * Loads postcode centroids, all rows or none; a postcode already present is updated. Accepts the
 * GeoNames download as it comes (`NL.txt`, tab-separated) and the pc4 centroid CSV
 * (`pc4,lat,lon,gemeente_code,gemeente_naam`).
 */
export async function importPostcodes(
  db: Kysely<Database>,
  text: string,
  options: { audit?: AuditContext; now?: Date } = {},
): Promise<{ imported: number; warnings: string[] }> {
  const { records, issues } = isGeonamesPostalText(text)
    ? parseGeonamesPostalCodes(text, await uniquePlaceGemeenten(db))
    : parsePostcodeCentroids(text);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || records.length === 0) {
    throw new AppError(
      'UNPROCESSABLE',
      records.length === 0 && errors.length === 0
        ? 'the file has no postcodes'
        : 'the postcodes were not imported',
      errors.map((i) => ({
        message: i.message.replace(/^line \d+: (field \S+: )?/, ''),
        ...(i.line === undefined ? {} : { line: i.line }),
        ...(i.field === undefined ? {} : { field: i.field }),
      })),
    );
  }
  const rows = records.map((r) => ({
    pc4: r.pc4,
    gemeente_code: r.gemeenteCode,
    latitude: r.lat,
    longitude: r.lon,
  }));
  await db.transaction().execute(async (trx) => {
    for (const batch of batches(rows, 1000)) {
      await trx.insertInto('postcode').values(batch).onConflict(takeNewCentroid).execute();
    }
    await appendLoadAudit(trx, options.audit, options.now ?? new Date(), {
      postcodes: rows.length,
    });
  });
  return {
    imported: rows.length,
    warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message),
  };
}

/** A postcode loaded again takes the newer file's gemeente and centroid. */
function takeNewCentroid(oc: OnConflictBuilder<Database, 'postcode'>) {
  return oc.column('pc4').doUpdateSet((eb) => ({
    gemeente_code: eb.ref('excluded.gemeente_code'),
    latitude: eb.ref('excluded.latitude'),
    longitude: eb.ref('excluded.longitude'),
  }));
}

/** Woonplaats name → gemeente, for names that occur in one gemeente only. */
async function uniquePlaceGemeenten(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('place').select(['name', 'gemeente_code']).execute();
  const byName = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = byName.get(row.name) ?? new Set<string>();
    set.add(row.gemeente_code);
    byName.set(row.name, set);
  }
  return new Map(
    [...byName]
      .filter(([, codes]) => codes.size === 1)
      .map(([name, codes]) => [name, [...codes][0]!]),
  );
}
