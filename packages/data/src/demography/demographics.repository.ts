import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { batches } from '../store/batches';
import { AppError, type Issue } from '../errors';
import { parseCbsStatline, parseCbsStatlineStream, type CbsRecord } from '../importers/cbs';
import { readSeedCsv } from '../seed-files';
import { appendLoadAudit, type AuditContext } from '../accounts/audit.repository';

/**
 * Imports a CBS StatLine table (OData JSON or CSV download: population 03759ned, deaths 37259ned,
 * the PBL/CBS prognosis 85173NED) into demographic_value, per region, year, sex and age band, with
 * its source and table id. A file with errors stores nothing. Re-importing replaces the same keys.
 * Prognosis files keep only the median; the 67% interval bounds are reported, not stored.
 * `input` is the file's text or a stream of it (a CSV stream is aggregated as it is read, so a
 * table of millions of rows takes memory for its figures, not for its rows).
 */
export async function importCbsTable(
  db: Kysely<Database>,
  input: string | AsyncIterable<Buffer | string>,
  options: { fileName: string; tableId?: string | undefined; audit?: AuditContext; now?: Date },
): Promise<{
  tableId: string;
  records: number;
  years: number[];
  regions: number;
  warnings: Issue[];
}> {
  // StatLine exports carry region names, not codes; the seeded division knows both.
  const regionCodesByName = Object.fromEntries(
    readSeedCsv('gemeente_provincie_2025.csv').flatMap((r) => [
      [r['gemeente_naam']!, r['gemeente_code']!],
      [r['provincie_naam']!, r['provincie_code']!],
    ]),
  );
  const parseOptions = {
    fileName: options.fileName,
    regionCodesByName,
    ...(options.tableId === undefined ? {} : { tableId: options.tableId }),
  };
  const parsed =
    typeof input === 'string'
      ? parseCbsStatline(input, parseOptions)
      : await parseCbsStatlineStream(input, parseOptions);
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new AppError(
      'UNPROCESSABLE',
      `the CBS file has ${errors.length} problem(s); nothing was imported`,
      errors.map((i) => ({ message: i.message })),
    );
  }
  const records = parsed.records.filter(
    (r) => r.projectionInterval === undefined || r.projectionInterval === 'median',
  );
  if (records.length === 0) {
    throw new AppError('UNPROCESSABLE', 'the CBS file has no usable figures; nothing was imported');
  }
  await db.transaction().execute(async (trx) => {
    for (const batch of batches(records, BATCH_ROWS)) {
      await storeBatch(trx, batch);
    }
    await appendLoadAudit(trx, options.audit, options.now ?? new Date(), {
      tableId: records[0]!.tableId,
      records: records.length,
      source: options.fileName,
    });
  });
  const skipped = parsed.records.length - records.length;
  return {
    tableId: records[0]!.tableId,
    records: records.length,
    years: [...new Set(records.map((r) => r.year))].sort((a, b) => a - b),
    regions: new Set(records.map((r) => storedRegion(r.regionCode))).size,
    warnings: [
      ...parsed.issues
        .filter((i) => i.severity === 'warning')
        .map((i) => ({ message: i.message, severity: 'warning' as const })),
      ...(skipped > 0
        ? [
            {
              message: `${skipped} prognosis interval bounds (lower/upper 67%) not stored`,
              severity: 'warning' as const,
            },
          ]
        : []),
    ],
  };
}

/**
 * Figures per statement: one multi-row insert takes the batch as one array per column (9
 * parameters whatever its size), so a table of tens of thousands of figures is a few statements.
 */
const BATCH_ROWS = 5_000;

/** The store calls the Netherlands NL; CBS calls it NL01. */
function storedRegion(regionCode: string): string {
  return regionCode === 'NL01' ? 'NL' : regionCode;
}

/** Inserts the figures, replacing those already stored under the same keys. */
async function storeBatch(
  trx: Transaction<Database>,
  records: readonly CbsRecord[],
): Promise<void> {
  const column = <T>(of: (r: CbsRecord) => T): T[] => records.map(of);
  await sql`
    insert into demographic_value
      (measure, region_code, year, sex, age_band, kind, value, source, table_id)
    select * from unnest(
      ${column((r) => r.measure)}::text[], ${column((r) => storedRegion(r.regionCode))}::text[],
      ${column((r) => r.year)}::int[], ${column((r) => r.sex)}::text[],
      ${column((r) => r.ageBand)}::text[],
      ${column((r) => (r.projectionInterval === undefined ? 'observed' : 'projection'))}::text[],
      ${column((r) => r.value)}::float8[], ${column((r) => r.source)}::text[],
      ${column((r) => r.tableId)}::text[])
    on conflict (measure, region_code, year, sex, age_band, kind) do update
      set value = excluded.value, source = excluded.source, table_id = excluded.table_id`.execute(
    trx,
  );
}
