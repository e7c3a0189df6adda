import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { AppError } from '../errors';
import { parsePostcodeCentroids } from '../importers/places';

// PC4 centroids for the bed finder's "near a postcode". Bulk reference data: the administrator
// downloads the file and loads it with `palliamonitor import postcodes <file>`; the product works
// without it (search by place or coordinates).

/** Loads a pc4 centroid CSV, all rows or none; a postcode already present is updated. */
export async function importPostcodes(
  db: Kysely<Database>,
  text: string,
): Promise<{ imported: number; warnings: string[] }> {
  const { records, issues } = parsePostcodeCentroids(text);
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
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('postcode')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.column('pc4').doUpdateSet((eb) => ({
            gemeente_code: eb.ref('excluded.gemeente_code'),
            latitude: eb.ref('excluded.latitude'),
            longitude: eb.ref('excluded.longitude'),
          })),
        )
        .execute();
    }
  });
  return {
    imported: rows.length,
    warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message),
  };
}
