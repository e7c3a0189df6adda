import type { Kysely, Transaction } from 'kysely';
import type { Database, HospiceType } from '../store/schema';
import type { Hospice } from '@palliamonitor/contracts';
import { AppError } from '../errors';
import { openOn, validOn } from '../store/valid-on';
import {
  HOSPICE_FIELDS,
  toValues,
  type Field,
  type HospiceValues,
  type VersionRow,
} from './hospice-values';
import { pageWithTotal } from '../store/page';

// Reads of the registry: a facility as registered on a date, with its regions, its history and
// the ETag that names its state.

type Db = Kysely<Database> | Transaction<Database>;

/** The latest version of a facility, whatever its dates. */
export async function getLatestHospice(db: Db, id: string): Promise<Hospice & { version: number }> {
  const row = await versionQuery(db)
    .where('v.hospice_id', '=', id)
    .orderBy('v.valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('NOT_FOUND', `hospice ${id} does not exist`);
  }
  return withRegions(db, row, row.valid_from);
}

/** One version with its regions on `asOf`, numbered by its version id. */
async function withRegions(
  db: Db,
  row: VersionRow,
  asOf: string,
): Promise<Hospice & { version: number }> {
  const [hospice] = await attachRegions(db, [row], asOf);
  return { ...hospice!, version: row.id };
}

export function versionQuery(db: Db) {
  return db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .selectAll('v')
    .select('h.is_synthetic');
}

export async function attachRegions(db: Db, rows: VersionRow[], asOf: string): Promise<Hospice[]> {
  if (rows.length === 0) {
    return [];
  }
  const codes = [...new Set(rows.map((r) => r.gemeente_code))];
  const names = await db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('code', 'in', codes)
    .execute();
  const parents = await db
    .selectFrom('region_membership as m')
    .innerJoin('region as p', 'p.code', 'm.parent_code')
    .select(['m.gemeente_code', 'm.parent_type', 'p.code', 'p.name'])
    .where('m.gemeente_code', 'in', codes)
    .where(validOn('m', asOf))
    .execute();
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const parentOf = new Map(parents.map((p) => [`${p.gemeente_code}>${p.parent_type}`, p]));
  return rows.map((row) => {
    const zk = parentOf.get(`${row.gemeente_code}>zorgkantoorregio`);
    const pv = parentOf.get(`${row.gemeente_code}>provincie`);
    const gemeenteName = nameOf.get(row.gemeente_code);
    return {
      id: row.hospice_id,
      ...toValues(row),
      regions: {
        gemeente: gemeenteName ? { code: row.gemeente_code, name: gemeenteName } : null,
        zorgkantoorregio: zk ? { code: zk.code, name: zk.name } : null,
        provincie: pv ? { code: pv.code, name: pv.name } : null,
      },
      validFrom: row.valid_from,
      validTo: row.valid_to,
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
      isSynthetic: row.is_synthetic,
    };
  });
}

/** The facility as registered on `asOf`, or undefined when it had no version on that date. */
export async function findHospice(
  db: Db,
  id: string,
  asOf: string,
): Promise<(Hospice & { version: number }) | undefined> {
  const row = await versionQuery(db)
    .where('v.hospice_id', '=', id)
    .where(validOn('v', asOf))
    .executeTakeFirst();
  return row ? withRegions(db, row, asOf) : undefined;
}

export async function getHospiceOrThrow(
  db: Db,
  id: string,
  asOf: string,
): Promise<Hospice & { version: number }> {
  const hospice = await findHospice(db, id, asOf);
  if (hospice) {
    return hospice;
  }
  const known = await db.selectFrom('hospice').select('id').where('id', '=', id).executeTakeFirst();
  throw new AppError(
    'NOT_FOUND',
    known ? `hospice ${id} was not registered on ${asOf}` : `hospice ${id} does not exist`,
  );
}

/**
 * What a facility's ETag names: its latest version and its revision. A same-day correction keeps
 * the version id and raises the revision; a new version (a change from a later date, a gemeente
 * merge) gets a new id.
 */
export interface RegistryEtag {
  version: number;
  revision: number;
}

export function formatEtag(etag: RegistryEtag): string {
  return `"v${etag.version}.${etag.revision}"`;
}

/** The current ETag of a facility, or undefined when it does not exist. */
export async function registryEtag(db: Db, id: string): Promise<RegistryEtag | undefined> {
  const row = await db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .select(['v.id', 'h.revision'])
    .where('v.hospice_id', '=', id)
    .orderBy('v.valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.id, revision: row.revision } : undefined;
}

export interface HospiceQuery {
  asOf: string;
  /** A gemeente, zorgkantoorregio or provincie code. */
  region?: string | undefined;
  type?: HospiceType | undefined;
  /** Only facilities open on asOf (opened_on ≤ asOf and not closed). */
  openOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listHospices(
  db: Db,
  query: HospiceQuery,
): Promise<{ items: Hospice[]; total: number }> {
  let base = db
    .selectFrom('hospice_version as v')
    .innerJoin('hospice as h', 'h.id', 'v.hospice_id')
    .where(validOn('v', query.asOf));
  if (query.type) {
    base = base.where('v.type', '=', query.type);
  }
  if (query.openOnly) {
    base = base.where(openOn('v', query.asOf));
  }
  if (query.region) {
    const region = query.region;
    base = region.startsWith('GM')
      ? base.where('v.gemeente_code', '=', region)
      : base.where(
          'v.gemeente_code',
          'in',
          db
            .selectFrom('region_membership as m')
            .select('m.gemeente_code')
            .where('m.parent_code', '=', region)
            .where(validOn('m', query.asOf)),
        );
  }
  const { rows, total } = await pageWithTotal(
    base,
    (q) => q.selectAll('v').select('h.is_synthetic').orderBy('v.name').orderBy('v.hospice_id'),
    query,
  );
  return { items: await attachRegions(db, rows, query.asOf), total };
}

/** Every version of a facility, oldest first, each with what changed against the one before. */
export async function hospiceHistory(
  db: Db,
  id: string,
): Promise<
  Array<{
    validFrom: string;
    validTo: string | null;
    recordedAt: string;
    recordedBy: string;
    values: HospiceValues;
    changed: Field[];
  }>
> {
  const rows = await versionQuery(db)
    .where('v.hospice_id', '=', id)
    .orderBy('v.valid_from')
    .execute();
  if (rows.length === 0) {
    throw new AppError('NOT_FOUND', `hospice ${id} does not exist`);
  }
  let previous: HospiceValues | undefined;
  return rows.map((row) => {
    const values = toValues(row);
    const changed = previous
      ? HOSPICE_FIELDS.filter((f) => JSON.stringify(values[f]) !== JSON.stringify(previous![f]))
      : [];
    previous = values;
    return {
      validFrom: row.valid_from,
      validTo: row.valid_to,
      recordedAt: row.recorded_at,
      recordedBy: row.recorded_by,
      values,
      changed,
    };
  });
}

export async function findHospiceIdByRef(db: Db, externalRef: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('hospice')
    .select('id')
    .where('external_ref', '=', externalRef)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Which of `ids` are facilities of the region: by their current version, or with `anyVersion` by
 * any version they have had.
 */
export async function hospicesOfRegion(
  db: Db,
  regionCode: string,
  ids: readonly string[],
  { anyVersion = false }: { anyVersion?: boolean } = {},
): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  let query = db
    .selectFrom('hospice_version as v')
    .innerJoin('region_membership as m', 'm.gemeente_code', 'v.gemeente_code')
    .select('v.hospice_id')
    .where('v.hospice_id', 'in', ids)
    .where('m.parent_code', '=', regionCode);
  if (!anyVersion) {
    query = query.where('v.valid_to', 'is', null);
  }
  const rows = await query.execute();
  return new Set(rows.map((r) => r.hospice_id));
}
